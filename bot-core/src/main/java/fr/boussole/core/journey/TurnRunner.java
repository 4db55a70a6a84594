package fr.boussole.core.journey;

import fr.boussole.core.conversation.Input;
import fr.boussole.core.language.Intent;

import java.util.Optional;

/** One turn of the journey: reads the input against the state, moves the state on, collects events. */
final class TurnRunner {

    private final TurnContext turn;
    private final SafetySteps safety;
    private final GlobalWords words;
    private final SideQuestions sides;
    private final ProfileSteps profile;
    private final CommuneSteps communes;
    private final QuestionSteps questions;
    private final OfferSteps offerSteps;
    private final ContactSteps contact;
    private final ContactCheckSteps check;
    private final RequestNewsSteps news;
    private final HandoverSteps handover;

    TurnRunner(TurnContext turn) {
        this.turn = turn;
        this.safety = new SafetySteps(turn);
        this.words = new GlobalWords(turn);
        this.sides = new SideQuestions(turn);
        this.questions = new QuestionSteps(turn, safety);
        this.profile = new ProfileSteps(turn, questions);
        this.communes = new CommuneSteps(turn, profile);
        this.contact = new ContactSteps(turn);
        this.offerSteps = new OfferSteps(turn, contact);
        this.check = new ContactCheckSteps(turn);
        this.news = new RequestNewsSteps(turn);
        this.handover = new HandoverSteps(turn);
    }

    void run(Input input) {
        switch (input) {
            case Input.ContactCheckDue due -> check.ask(due.prompt());
            case Input.RequestNewsArrived arrived -> news.tell(arrived.news());
            case Input.PersonSpoke spoke -> handover.person(spoke.input());
            case Input.Message ignored -> message();
        }
    }

    /**
     * Distress first, whatever else, even while a person holds the conversation: the help line at once.
     * Then global words (erase and stop win over the rest); while a person holds the conversation,
     * nothing more (see {@link HandoverSteps#hold}); then the answer to an offer of a person, to "were
     * you contacted?" or to news of a request if one waits, a call for a person, expiry, side questions
     * (the FAQ, a person to talk to), and the step the journey is at.
     */
    private void message() {
        if (safety.inDanger()) {
            if (handover.active()) {
                safety.helpLineOnly(); // the person goes on with the conversation, and reads this too
                handover.heard();
            } else {
                safety.answer(check, questions);
            }
            return;
        }
        Optional<Intent> global = words.globalIntent();
        if (turn.state().optedOut()) {
            words.comeBackAfterOptOut(global);
            return;
        }
        if (handover.active() && handover.hold(global)) {
            return; // a person holds the conversation: the bot says nothing
        }
        if (handover.offered() && handover.answerOffer()) {
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
        if (news.pending()) {
            if (global.isPresent() && global.get() == Intent.HELP) {
                news.help();
                return;
            }
            if (global.isPresent()) {
                news.drop();
            } else if (news.answer(words)) {
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
        if (handover.asked()) {
            return;
        }
        if (turn.state().phase() == Phase.NEW) {
            profile.firstMessage(sides);
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
        if (sides.answer()) {
            return; // a question of the FAQ is more precise than a call for help ("c'est quoi la boussole ?")
        }
        if (global.isPresent()) {
            if (global.get() == Intent.HELP) {
                turn.say(TurnContext.prefixed(turn.prompts.help(turn.state()), turn.prompt()));
            } else {
                words.back();
            }
            return;
        }
        step();
    }

    private void step() {
        switch (turn.state().phase()) {
            case NEW, AGE -> profile.age();
            case COMMUNE -> profile.commune();
            case COMMUNE_CHOICE -> communes.choice();
            case FACTS -> profile.facts();
            case THEME -> profile.theme();
            case SWITCH_THEME -> profile.switchTheme();
            case QUESTION -> midway(questions::question);
            case OFFERS -> midway(offerSteps::offersTurn);
            case OFFER -> midway(offerSteps::offer);
            case CONTACT -> contact.contact();
            case CONSENT -> contact.consent();
            case DONE -> offerSteps.done();
            case RESUME -> words.resume();
        }
    }

    /**
     * A step mid-way: another theme named with a change of mind is checked first ("non en fait plutôt
     * formation" at a yes-or-no question is not a "non"); a message that answers nothing there may
     * still correct the age or the commune, or name another theme, instead of being asked again.
     */
    private void midway(Runnable step) {
        if (turn.typed() && turn.reading().changeOfMind() && profile.correction()) {
            return;
        }
        turn.correctionBeforeReask(profile::correction);
        step.run();
    }
}
