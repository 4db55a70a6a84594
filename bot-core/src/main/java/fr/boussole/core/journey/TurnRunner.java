package fr.boussole.core.journey;

import fr.boussole.core.conversation.DialogEvent;
import fr.boussole.core.followup.ContactCheckPrompt;
import fr.boussole.core.language.Intent;
import fr.boussole.core.message.Inbound;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** One turn of the journey: reads the message against the state, updates the state, collects events. */
final class TurnRunner {

    private final TurnContext turn;
    private final GlobalWords words;
    private final ProfileSteps profile;
    private final QuestionSteps questions;
    private final OfferSteps offerSteps;
    private final ContactSteps contact;
    private final ContactCheckSteps check;

    TurnRunner(JourneyPorts ports, AnswerReader reader, OfferPages offers, Prompts prompts, Session session,
               Inbound inbound, Instant now, List<DialogEvent> events) {
        this.turn = new TurnContext(ports, reader, offers, prompts, session, inbound, now, events);
        this.words = new GlobalWords(turn);
        this.profile = new ProfileSteps(turn);
        this.questions = new QuestionSteps(turn);
        this.offerSteps = new OfferSteps(turn);
        this.contact = new ContactSteps(turn);
        this.check = new ContactCheckSteps(turn);
    }

    /**
     * The system's "were you contacted?" first; then global words (erase and stop win over everything),
     * then the answer to that question if it waits, then expiry, then the step the journey is at.
     */
    void run() {
        Optional<ContactCheckPrompt> system = ContactCheckPrompt.in(turn.inbound);
        if (system.isPresent()) {
            check.ask(system.get());
            return;
        }
        Optional<Intent> global = words.globalIntent();
        if (turn.session.optedOut()) {
            words.comeBackAfterOptOut(global);
            return;
        }
        if (check.pending()) {
            if (global.isPresent() && global.get() == Intent.HELP) {
                check.help();
                return;
            }
            if (global.isPresent()) {
                check.drop();
            } else if (check.answer(words)) {
                return;
            }
        }
        if (global.isPresent()) {
            switch (global.get()) {
                case ERASE -> { words.erase(); return; }
                case STOP -> { words.stop(); return; }
                case RESTART -> { turn.restart(); return; }
                default -> { }
            }
        }
        if (turn.session.phase() == Phase.NEW) {
            words.welcome();
            return;
        }
        if (turn.staleQuestion()) {
            turn.restart(); // the questionnaire changed under this conversation: start over cleanly
            return;
        }
        if (words.expired()) {
            words.offerToResume(null);
            return;
        }
        if (global.isPresent()) {
            if (global.get() == Intent.HELP) {
                turn.say(turn.prefixed(turn.prompts.help(turn.session), turn.prompt()));
            } else {
                words.back();
            }
            return;
        }
        switch (turn.session.phase()) {
            case NEW, AGE -> profile.age();
            case COMMUNE -> profile.commune();
            case COMMUNE_CHOICE -> profile.communeChoice();
            case THEME -> profile.theme();
            case QUESTION -> questions.question();
            case OFFERS -> offerSteps.offersTurn();
            case WANTS_CONTACT -> offerSteps.wantsContact();
            case CONTACT_METHOD -> contact.contactMethod();
            case CONTACT_ADDRESS -> contact.contactAddress();
            case CONSENT -> contact.consent();
            case DONE -> offerSteps.done();
            case RESUME -> words.resume();
        }
    }
}
