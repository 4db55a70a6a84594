package fr.boussole.core.journey;

import fr.boussole.core.conversation.Input;
import fr.boussole.core.language.Intent;

import java.util.Optional;

/** One turn of the journey: reads the input against the state, moves the state on, collects events. */
final class TurnRunner {

    private final TurnContext turn;
    private final GlobalWords words;
    private final ProfileSteps profile;
    private final QuestionSteps questions;
    private final OfferSteps offerSteps;
    private final ContactSteps contact;
    private final ContactCheckSteps check;

    TurnRunner(TurnContext turn) {
        this.turn = turn;
        this.words = new GlobalWords(turn);
        this.profile = new ProfileSteps(turn);
        this.questions = new QuestionSteps(turn);
        this.offerSteps = new OfferSteps(turn);
        this.contact = new ContactSteps(turn);
        this.check = new ContactCheckSteps(turn);
    }

    void run(Input input) {
        switch (input) {
            case Input.ContactCheckDue due -> check.ask(due.prompt());
            case Input.Message ignored -> message();
        }
    }

    /**
     * Global words first (erase and stop win over everything), then the answer to "were you
     * contacted?" if it waits, then expiry, then the step the journey is at.
     */
    private void message() {
        Optional<Intent> global = words.globalIntent();
        if (turn.state().optedOut()) {
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
        if (turn.state().phase() == Phase.NEW) {
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
                turn.say(TurnContext.prefixed(turn.prompts.help(turn.state()), turn.prompt()));
            } else {
                words.back();
            }
            return;
        }
        switch (turn.state().phase()) {
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
