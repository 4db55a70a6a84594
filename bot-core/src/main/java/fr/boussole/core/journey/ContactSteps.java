package fr.boussole.core.journey;

import fr.boussole.core.conversation.Answer;
import fr.boussole.core.conversation.ConsentRecord;
import fr.boussole.core.conversation.ContactMethod;
import fr.boussole.core.conversation.ContactRequestDraft;
import fr.boussole.core.conversation.DialogEvent;
import fr.boussole.core.journey.JourneyState.Contact;
import fr.boussole.core.journey.JourneyState.Position;
import fr.boussole.core.language.ContactAddress;
import fr.boussole.core.language.Intent;
import fr.boussole.core.message.Choice;
import fr.boussole.core.message.Inbound;
import fr.boussole.core.message.OutboundMessage;
import fr.boussole.core.message.PhoneNumbers;
import fr.boussole.core.offer.OfferDetails;
import fr.boussole.core.questionnaire.Question;
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

/**
 * The contact address in one answer (a phone or an email, typed or shared), a check of a mistyped
 * email domain, the consent when it was not given on the card, and the request itself.
 */
final class ContactSteps {

    private final TurnContext turn;

    ContactSteps(TurnContext turn) {
        this.turn = turn;
    }

    /** The contact step: a shared phone, a mobile or an email typed; anything else is asked again. */
    void contact() {
        Inbound inbound = turn.inbound;
        if (Prompts.EMAIL_CHECK_STEP.equals(turn.state().at().step()) && emailChecked()) {
            return;
        }
        if (inbound.sharedPhone() != null) {
            String shared = inbound.sharedPhone().strip();
            given(new Contact(ContactMethod.PHONE, PhoneNumbers.frenchMobile(shared)
                    .orElse(shared.startsWith("+") ? shared : "+" + shared)));
            return;
        }
        Optional<ContactAddress> typed = turn.reading().contact();
        if (typed.isEmpty()) {
            // Understanding reads addresses within sentences; a bare address is read here too.
            typed = ContactAddresses.frenchMobile(inbound.text()).<ContactAddress>map(n -> new ContactAddress.Phone(n, true))
                    .or(() -> ContactAddresses.email(inbound.text()).map(e -> new ContactAddress.Email(e, Optional.empty())));
        }
        switch (typed.orElse(null)) {
            case ContactAddress.Phone phone when phone.frenchMobile() -> given(new Contact(ContactMethod.PHONE, phone.e164()));
            case ContactAddress.Phone ignored -> reaskAt(false);
            case ContactAddress.Email email when email.suggestion().isPresent() -> {
                turn.update(s -> s.withRequest(s.request().withContact(new Contact(ContactMethod.EMAIL, email.address()))
                        .withSuggestion(email.suggestion().get())));
                turn.enter(Phase.CONTACT, Prompts.EMAIL_CHECK_STEP, null);
            }
            case ContactAddress.Email email -> given(new Contact(ContactMethod.EMAIL, email.address()));
            case null -> reaskAt(ContactAddresses.looksLikeEmail(inbound.text())
                    || (!inbound.text().matches(".*\\d.*") && !inbound.text().isBlank()));
        }
    }

    /** "Tu voulais dire lea@gmail.com ?": yes takes the fix, "Non, c'est bon" keeps what was typed. */
    private boolean emailChecked() {
        Optional<Choice> chosen = turn.reader.chosen(turn.inbound, turn.prompt().choices());
        Optional<Boolean> yes = chosen.map(c -> c.id().equals(Question.YesNo.YES))
                .or(() -> turn.typed() && turn.reading().contact().isEmpty() ? turn.reader.yesOrNo(turn.inbound) : Optional.empty());
        if (yes.isEmpty()) {
            return false;
        }
        JourneyState.Request request = turn.state().request();
        given(new Contact(ContactMethod.EMAIL, yes.get() ? request.suggestion() : request.contact().address()));
        return true;
    }

    private void reaskAt(boolean email) {
        if (turn.state().phase() != Phase.CONTACT || turn.state().at().step() != null) {
            turn.update(s -> s.at(Position.of(Phase.CONTACT)));
        }
        turn.reask(email ? "reask.email" : "reask.phone", "easier.contact");
    }

    /** A contact to send: at once when the card's yes was given, else with a consent asked on its own. */
    void given(Contact contact) {
        turn.update(s -> s.withRequest(s.request().withContact(contact)));
        JourneyState.Request request = turn.state().request();
        if (request.consented()) {
            request();
            return;
        }
        Optional<OfferDetails> offer = turn.ports.catalog().offer(request.offerId());
        if (offer.isEmpty()) {
            turn.enter(Phase.OFFERS, null, turn.texts.text("offer.gone"));
            return;
        }
        String consent = turn.prompts.consent("consent.ask", offer.get(), Optional.of(contact));
        turn.update(s -> s.withRequest(s.request().withConsent(consent, false)));
        turn.enter(Phase.CONSENT, null, null);
    }

    void consent() {
        Optional<Choice> chosen = turn.reader.chosen(turn.inbound, turn.prompt().choices());
        if (consentGiven()) {
            turn.update(s -> s.withRequest(s.request().withConsent(s.request().consentText(), true)));
            request();
        } else if (chosen.isPresent() && chosen.get().id().equals(Prompts.REFUSE)
                || turn.typed() && turn.reading().intent() == Intent.NO) {
            turn.update(s -> s.withRequest(s.request().closed()));
            turn.enter(Phase.OFFERS, null, turn.texts.text("consent.declined"));
        } else {
            turn.reask(yesWithoutWords() ? "reask.consent" : "reask.yes-no", "easier.choice");
        }
    }

    /**
     * The explicit yes to send personal data: the "Oui, contactez-moi" button (or its line number by
     * SMS), or a yes in words ("oui", "d'accord", "ok vas-y", the button's words typed). Never a guess:
     * a word close to the button's label ("moi@") is not a yes, and neither is a thumbs-up.
     */
    boolean consentGiven() {
        if (turn.inbound.choiceId() != null) {
            return turn.inbound.choiceId().equals(Prompts.CONTACT_ME);
        }
        var understanding = turn.ports.understanding();
        if (!turn.typed()) {
            return false;
        }
        String typed = understanding.normalise(turn.inbound.text());
        // By SMS, the line's number is the button: "1" under "1. Oui, contactez-moi" is that choice.
        List<Choice> lines = turn.prompt().choices();
        if (typed.matches("\\d{1,2}")) {
            int line = Integer.parseInt(typed);
            return line >= 1 && line <= lines.size() && lines.get(line - 1).id().equals(Prompts.CONTACT_ME);
        }
        return explicitYes() || typed.equals(understanding.normalise(turn.texts.text("contact.yes")));
    }

    /** A yes in words; a thumbs-up or another emoji alone is not one. */
    boolean explicitYes() {
        return turn.typed() && turn.inbound.text().codePoints().anyMatch(Character::isLetter)
                && turn.reading().intent() == Intent.YES;
    }

    /** A yes made only of signs (👍, 👌): understood, but not enough to send personal data. */
    boolean yesWithoutWords() {
        return turn.typed() && turn.inbound.text().codePoints().noneMatch(Character::isLetter)
                && turn.reading().intent() == Intent.YES;
    }

    private void request() {
        JourneyState state = turn.state();
        Contact contact = state.request().contact();
        Optional<OfferDetails> offer = turn.ports.catalog().offer(state.request().offerId());
        Optional<Questionnaire> questionnaire = turn.questionnaire();
        if (offer.isEmpty()) {
            turn.update(s -> s.withRequest(s.request().closed()));
            turn.enter(Phase.OFFERS, null, turn.texts.text("offer.gone"));
            return;
        }
        Instant now = turn.now;
        ConsentRecord consent = new ConsentRecord(state.request().consentText(), turn.texts.text("consent.version"), now,
                turn.key.channel());
        String theme = state.search().theme();
        turn.events.add(new DialogEvent.ContactRequested(new ContactRequestDraft(turn.key, offer.get().id(),
                state.profile().territoryId(), theme, questionnaire.map(Questionnaire::id).orElse(theme),
                questionnaire.map(Questionnaire::version).orElse(0), state.profile().age(),
                state.profile().communeInsee(), state.profile().communeName(), answerSnapshot(questionnaire),
                contact.method(), contact.address(), consent, now, state.urgent())));
        turn.progress(DialogEvent.QuestionnaireProgress.Stage.REQUESTED, null);
        LocalDate due = LocalDate.ofInstant(now, turn.ports.settings().zone()).plusDays(offer.get().contactDelayDays());
        String confirmation = turn.texts.text(contact.method() == ContactMethod.PHONE
                ? "done.confirmed-phone" : "done.confirmed-email", Map.of(
                "organisation", offer.get().organisationName(), "address", Prompts.display(contact),
                "date", DateTimeFormatter.ofPattern(turn.texts.text("format.date"), Locale.FRENCH).format(due)));
        // No way back into a request already made; the contact stays for another offer.
        turn.update(s -> s.withRequest(s.request().closed()).withTrail(List.of()).at(Position.of(Phase.DONE)));
        turn.say(OutboundMessage.withChoices(confirmation, turn.prompts.doneChoices()));
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
                snapshot.add(new Answer(step.id(), step.text(), answers.get(step.id()), given.get(step.id()).labels()));
            }
        }
        return snapshot;
    }
}
