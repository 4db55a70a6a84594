package fr.boussole.core.journey;

import fr.boussole.core.conversation.Answer;
import fr.boussole.core.conversation.ConsentRecord;
import fr.boussole.core.conversation.ContactMethod;
import fr.boussole.core.conversation.ContactRequestDraft;
import fr.boussole.core.conversation.DialogEvent;
import fr.boussole.core.journey.JourneyState.Contact;
import fr.boussole.core.message.Choice;
import fr.boussole.core.message.Inbound;
import fr.boussole.core.message.OutboundMessage;
import fr.boussole.core.offer.OfferDetails;
import fr.boussole.core.questionnaire.Questionnaire;
import fr.boussole.core.questionnaire.Step;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** How to be contacted, explicit consent and the contact request itself. */
final class ContactSteps {

    private final TurnContext turn;
    private final Texts texts;
    private final Inbound inbound;

    ContactSteps(TurnContext turn) {
        this.turn = turn;
        this.texts = turn.texts;
        this.inbound = turn.inbound;
    }

    void contactMethod() {
        if (contactGiven()) {
            return;
        }
        Optional<Choice> chosen = turn.reader.chosen(inbound, turn.prompts.contactMethodChoices());
        if (chosen.isEmpty()) {
            turn.reask("reask.choice", "easier.choice");
            return;
        }
        switch (chosen.get().id()) {
            case Prompts.THIS_NUMBER -> contactChosen(ContactMethod.PHONE, ownNumber());
            case Prompts.EMAIL -> turn.enter(Phase.CONTACT_ADDRESS, Prompts.EMAIL_STEP, null);
            default -> turn.enter(Phase.CONTACT_ADDRESS, Prompts.PHONE_STEP, null);
        }
    }

    void contactAddress() {
        if (contactGiven()) {
            return;
        }
        boolean email = ContactAddresses.looksLikeEmail(inbound.text())
                || (!inbound.text().matches(".*\\d.*") && Prompts.EMAIL_STEP.equals(turn.state().at().step()));
        turn.reask(email ? "reask.email" : "reask.phone", "easier.contact");
    }

    /** A number shared by the channel, or a valid number or email typed: straight to consent. */
    private boolean contactGiven() {
        if (inbound.sharedPhone() != null) {
            String shared = inbound.sharedPhone().strip();
            contactChosen(ContactMethod.PHONE, ContactAddresses.frenchMobile(shared)
                    .orElse(shared.startsWith("+") ? shared : "+" + shared));
            return true;
        }
        Optional<String> phone = ContactAddresses.frenchMobile(inbound.text());
        if (phone.isPresent()) {
            contactChosen(ContactMethod.PHONE, phone.get());
            return true;
        }
        Optional<String> email = ContactAddresses.email(inbound.text());
        if (email.isPresent()) {
            contactChosen(ContactMethod.EMAIL, email.get());
            return true;
        }
        return false;
    }

    private String ownNumber() {
        String address = turn.key.address();
        return address.startsWith("whatsapp:") ? address.substring("whatsapp:".length()) : address;
    }

    private void contactChosen(ContactMethod method, String address) {
        OfferDetails offer = turn.ports.catalog().offer(turn.state().request().offerId()).orElse(null);
        if (offer == null) {
            turn.enter(Phase.OFFERS, null, texts.text("offer.gone"));
            return;
        }
        String consent = texts.text("consent.text", Map.of("organisation", offer.organisationName(),
                "contact", address, "delay", Integer.toString(offer.contactDelayDays())));
        turn.update(s -> s.withRequest(s.request().withContact(new Contact(method, address), consent)));
        turn.enter(Phase.CONSENT, null, null);
    }

    void consent() {
        Optional<Boolean> yes = inbound.choiceId() != null && inbound.choiceId().equals(Prompts.ACCEPT) ? Optional.of(true)
                : inbound.choiceId() != null && inbound.choiceId().equals(Prompts.REFUSE) ? Optional.of(false)
                : turn.reader.yesOrNo(inbound).or(() -> turn.reader.chosen(inbound, turn.prompt().choices())
                        .map(c -> c.id().equals(Prompts.ACCEPT)));
        if (yes.isEmpty()) {
            turn.reask("reask.yes-no", "easier.choice");
        } else if (yes.get()) {
            request();
        } else {
            turn.update(s -> s.withRequest(s.request().withContact(null, null)));
            turn.enter(Phase.OFFERS, null, texts.text("consent.declined"));
        }
    }

    private void request() {
        JourneyState state = turn.state();
        Contact contact = state.request().contact();
        Optional<OfferDetails> offer = turn.ports.catalog().offer(state.request().offerId());
        Optional<Questionnaire> questionnaire = turn.questionnaire();
        if (offer.isEmpty()) {
            turn.enter(Phase.OFFERS, null, texts.text("offer.gone"));
            return;
        }
        Instant now = turn.now;
        ConsentRecord consent = new ConsentRecord(state.request().consentText(), texts.text("consent.version"), now,
                turn.key.channel());
        String theme = state.search().theme();
        turn.events.add(new DialogEvent.ContactRequested(new ContactRequestDraft(turn.key, offer.get().id(),
                state.profile().territoryId(), theme, questionnaire.map(Questionnaire::id).orElse(theme),
                questionnaire.map(Questionnaire::version).orElse(0), state.profile().age(),
                state.profile().communeInsee(), state.profile().communeName(), answerSnapshot(questionnaire),
                contact.method(), contact.address(), consent, now)));
        turn.progress(DialogEvent.QuestionnaireProgress.Stage.REQUESTED, null);
        LocalDate due = LocalDate.ofInstant(now, turn.ports.settings().zone()).plusDays(offer.get().contactDelayDays());
        String confirmation = texts.text(contact.method() == ContactMethod.PHONE
                ? "done.confirmed-phone" : "done.confirmed-email", Map.of(
                "organisation", offer.get().organisationName(), "contact", contact.address(),
                "date", DateTimeFormatter.ofPattern(texts.text("format.date"), Locale.FRENCH).format(due)));
        // no way back into a request already made
        turn.update(s -> s.withRequest(s.request().withContact(contact, null)).withTrail(List.of()));
        turn.say(OutboundMessage.of(confirmation));
        turn.enter(Phase.DONE, null, null);
    }

    private List<Answer> answerSnapshot(Optional<Questionnaire> questionnaire) {
        if (questionnaire.isEmpty()) {
            return List.of();
        }
        Map<String, List<String>> answers = turn.state().search().values();
        Map<String, JourneyState.Given> given = turn.state().search().answers();
        List<Answer> snapshot = new ArrayList<>();
        for (Step step : questionnaire.get().steps()) {
            if (answers.containsKey(step.id()) && questionnaire.get().active(step, answers)) {
                snapshot.add(new Answer(step.id(), step.text(), answers.get(step.id()),
                        given.get(step.id()).labels()));
            }
        }
        return snapshot;
    }
}
