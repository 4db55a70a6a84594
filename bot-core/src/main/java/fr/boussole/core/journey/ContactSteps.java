package fr.boussole.core.journey;

import fr.boussole.core.conversation.Answer;
import fr.boussole.core.conversation.ConsentRecord;
import fr.boussole.core.conversation.ContactMethod;
import fr.boussole.core.conversation.ContactRequestDraft;
import fr.boussole.core.conversation.DialogEvent;
import fr.boussole.core.message.Choice;
import fr.boussole.core.message.OutboundMessage;
import fr.boussole.core.offer.OfferDetails;
import fr.boussole.core.questionnaire.Questionnaire;
import fr.boussole.core.questionnaire.Step;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** How to be contacted, explicit consent and the contact request itself. */
final class ContactSteps extends TurnSteps {

    ContactSteps(TurnContext turn) {
        super(turn);
    }

    void contactMethod() {
        if (contactGiven()) {
            return;
        }
        Optional<Choice> chosen = reader.chosen(inbound, prompts.contactMethodChoices(session));
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
                || (!inbound.text().matches(".*\\d.*") && Prompts.EMAIL_STEP.equals(session.step().orElse("")));
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
        String address = session.key().address();
        return address.startsWith("whatsapp:") ? address.substring("whatsapp:".length()) : address;
    }

    private void contactChosen(ContactMethod method, String address) {
        OfferDetails offer = ports.catalog().offer(session.offerId()).orElse(null);
        if (offer == null) {
            turn.enter(Phase.OFFERS, null, texts.text("offer.gone"));
            return;
        }
        session.contact(method.name(), address);
        session.consentText(texts.text("consent.text", Map.of("organisation", offer.organisationName(),
                "contact", address, "delay", Integer.toString(offer.contactDelayDays()))));
        turn.enter(Phase.CONSENT, null, null);
    }

    void consent() {
        Optional<Boolean> yes = inbound.choiceId() != null && inbound.choiceId().equals(Prompts.ACCEPT) ? Optional.of(true)
                : inbound.choiceId() != null && inbound.choiceId().equals(Prompts.REFUSE) ? Optional.of(false)
                : reader.yesOrNo(inbound).or(() -> reader.chosen(inbound, turn.prompt().choices())
                        .map(c -> c.id().equals(Prompts.ACCEPT)));
        if (yes.isEmpty()) {
            turn.reask("reask.yes-no", "easier.choice");
        } else if (yes.get()) {
            request();
        } else {
            session.contact(null, null);
            session.consentText(null);
            turn.enter(Phase.OFFERS, null, texts.text("consent.declined"));
        }
    }

    private void request() {
        Optional<OfferDetails> offer = ports.catalog().offer(session.offerId());
        Optional<Questionnaire> questionnaire = turn.questionnaire();
        if (offer.isEmpty()) {
            turn.enter(Phase.OFFERS, null, texts.text("offer.gone"));
            return;
        }
        ConsentRecord consent = new ConsentRecord(session.consentText(), texts.text("consent.version"), now,
                session.key().channel());
        events.add(new DialogEvent.ContactRequested(new ContactRequestDraft(session.key(), offer.get().id(),
                session.territoryId(), session.theme(), questionnaire.map(Questionnaire::id).orElse(session.theme()),
                questionnaire.map(Questionnaire::version).orElse(0), session.age(), session.communeInsee(),
                session.communeName(), answerSnapshot(questionnaire), ContactMethod.valueOf(session.contactMethod()),
                session.contactAddress(), consent, now)));
        LocalDate due = LocalDate.ofInstant(now, ports.settings().zone()).plusDays(offer.get().contactDelayDays());
        String confirmation = texts.text(ContactMethod.valueOf(session.contactMethod()) == ContactMethod.PHONE
                ? "done.confirmed-phone" : "done.confirmed-email", Map.of(
                "organisation", offer.get().organisationName(), "contact", session.contactAddress(),
                "date", DateTimeFormatter.ofPattern(texts.text("format.date"), Locale.FRENCH).format(due)));
        session.consentText(null);
        session.trail(List.of()); // no way back into a request already made
        turn.say(OutboundMessage.of(confirmation));
        turn.enter(Phase.DONE, null, null);
    }

    private List<Answer> answerSnapshot(Optional<Questionnaire> questionnaire) {
        if (questionnaire.isEmpty()) {
            return List.of();
        }
        Map<String, List<String>> answers = session.answers();
        Map<String, List<String>> labels = session.answerLabels();
        List<Answer> snapshot = new ArrayList<>();
        for (Step step : questionnaire.get().steps()) {
            if (answers.containsKey(step.id()) && questionnaire.get().active(step, answers)) {
                snapshot.add(new Answer(step.id(), step.text(), answers.get(step.id()),
                        labels.getOrDefault(step.id(), answers.get(step.id()))));
            }
        }
        return snapshot;
    }
}
