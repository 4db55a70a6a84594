package fr.boussole.core.journey;

import fr.boussole.core.conversation.DialogEvent;
import fr.boussole.core.handover.PersonDesk;
import fr.boussole.core.handover.PersonInput;
import fr.boussole.core.journey.JourneyState.Handover;
import fr.boussole.core.language.Intent;
import fr.boussole.core.message.Choice;
import fr.boussole.core.message.OutboundMessage;

import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A person who answers: "parler à quelqu'un" (or the choice offered after the bot failed to understand
 * twice) opens the conversation in the console's inbox of the territory's desk; the bot then stays
 * quiet, only passing on what the person writes, until the person hands it back or nobody has written
 * for the desk's quiet time. Stop, erase and start again still work, and end the handover. Office
 * hours: outside them the young person is told when someone will answer.
 */
final class HandoverSteps {

    /** The choice that asks for a person (after an offer, or beside a question asked again). */
    static final String ASK = "parler-personne";
    static final String DECLINE = "personne-non";
    static final String ASKED = "asked";
    static final String NOT_UNDERSTOOD = "not-understood";

    private final TurnContext turn;

    HandoverSteps(TurnContext turn) {
        this.turn = turn;
    }

    /** The desk of the young person's territory, once their commune is known. */
    static Optional<PersonDesk> desk(TurnContext turn) {
        String territory = turn.state().profile().territoryId();
        return territory == null ? Optional.empty() : turn.ports.territories().personDesk(territory);
    }

    /** The choice to put beside a question asked a second time, when someone can answer. */
    static Optional<Choice> choiceWhenStuck(TurnContext turn) {
        return desk(turn).map(d -> new Choice(ASK, turn.texts.text("person.choice")));
    }

    boolean active() {
        return turn.state().handover() != null && turn.state().handover().stage() == Handover.Stage.OPEN;
    }

    boolean offered() {
        return turn.state().handover() != null && turn.state().handover().stage() == Handover.Stage.OFFERED;
    }

    /**
     * The young person asks for a person: a tap on the choice opens the conversation at once, the
     * words offer it. False when nobody can answer here (the journey then gives someone to call).
     */
    boolean asked() {
        if (desk(turn).isEmpty() || turn.inbound == null) {
            return false;
        }
        if (ASK.equals(turn.inbound.choiceId()) || typedTheChoiceWhenStuck()) {
            open(turn.state().reasks() >= TurnContext.MAX_REASKS ? NOT_UNDERSTOOD : ASKED);
            return true;
        }
        // a question of the FAQ ("et si personne ne me répond ?") is answered as such, not taken for a call
        if (turn.typed() && turn.reading().faq().isEmpty() && turn.reading().intent() == Intent.PERSON) {
            offer();
            return true;
        }
        return false;
    }

    /** By SMS a choice is typed: its number or its words, among the question's choices and the person's. */
    private boolean typedTheChoiceWhenStuck() {
        if (turn.state().reasks() < TurnContext.MAX_REASKS || turn.inbound.choiceId() != null
                || turn.inbound.text().isBlank()) {
            return false;
        }
        List<Choice> shown = new java.util.ArrayList<>(turn.prompt().choices());
        choiceWhenStuck(turn).ifPresent(shown::add);
        return turn.ports.understanding().choiceIn(turn.inbound.text(), shown).map(c -> c.id().equals(ASK)).orElse(false);
    }

    private void offer() {
        PersonDesk desk = desk(turn).orElseThrow();
        turn.update(s -> s.withHandover(new Handover(Handover.Stage.OFFERED, turn.now, turn.now, null, ASKED)));
        String when = when(desk);
        String text = when == null ? turn.texts.text("person.offer", Map.of("desk", desk.name()))
                : turn.texts.text("person.offer-later", Map.of("desk", desk.name(), "when", when));
        if (turn.person.contact().isPresent()) {
            text = turn.person.line() + "\n\n" + text; // someone to call as well, as at any step
        }
        turn.say(OutboundMessage.withChoices(text, List.of(new Choice(ASK, turn.texts.text("person.yes")),
                new Choice(DECLINE, turn.texts.text("person.no")))));
    }

    /** The answer to the offer: yes opens, no goes back to where the journey was; anything else goes to the journey. */
    boolean answerOffer() {
        var reader = turn.ports.understanding();
        String choice = turn.inbound.choiceId();
        Intent intent = null;
        if (choice == null && !turn.inbound.text().isBlank()) {
            List<Choice> offered = List.of(new Choice(ASK, turn.texts.text("person.yes")),
                    new Choice(DECLINE, turn.texts.text("person.no")));
            choice = reader.choiceIn(turn.inbound.text(), offered).map(Choice::id).orElse(null);
            intent = choice == null ? reader.intentOf(turn.inbound.text()) : null;
        }
        if (ASK.equals(choice) || intent == Intent.YES) {
            open(turn.state().handover().reason());
            return true;
        }
        turn.update(s -> s.withHandover(null));
        if (DECLINE.equals(choice) || intent == Intent.NO) {
            String declined = turn.texts.text("person.declined");
            turn.say(turn.state().phase() == Phase.NEW || turn.state().phase() == Phase.DONE
                    ? OutboundMessage.of(declined) : TurnContext.prefixed(declined, turn.prompt()));
            return true;
        }
        return false;
    }

    private void open(String reason) {
        Optional<PersonDesk> found = desk(turn);
        if (found.isEmpty()) {
            return;
        }
        PersonDesk desk = found.get();
        turn.update(s -> s.withHandover(new Handover(Handover.Stage.OPEN, turn.now, turn.now, null, reason)));
        turn.events.add(new DialogEvent.HandoverRequested(desk.territoryId(), reason));
        String when = when(desk);
        turn.say(OutboundMessage.of(when == null ? turn.texts.text("person.opened", Map.of("desk", desk.name()))
                : turn.texts.text("person.opened-later", Map.of("desk", desk.name(), "when", when))));
    }

    /**
     * A message of the young person while a person holds the conversation: the bot says nothing and
     * the inbox shows it, unless the quiet time passed (the bot takes the conversation back and
     * answers) or it is stop, erase or start again (the handover ends and the word does its work).
     * Taps are the bot's: they answer the bot's own questions.
     *
     * @return whether the message was left to the person
     */
    boolean hold(Optional<Intent> global) {
        Handover handover = turn.state().handover();
        Optional<PersonDesk> desk = desk(turn);
        if (desk.isEmpty() || quietTimeOver(handover, desk.get())) {
            end("quiet-time");
            turn.say(OutboundMessage.of(turn.texts.text("person.timeout")));
            return false;
        }
        if (global.isPresent() && (global.get() == Intent.STOP || global.get() == Intent.ERASE
                || global.get() == Intent.RESTART)) {
            end(global.get().name().toLowerCase(java.util.Locale.ROOT));
            return false;
        }
        if (turn.inbound.choiceId() != null) {
            return false;
        }
        heard();
        return true;
    }

    /** The young person's message goes to the person holding the conversation (the inbox shows it as new). */
    void heard() {
        turn.events.add(new DialogEvent.HandoverHeard());
    }

    /**
     * The quiet time counts from the person's last word (or the opening), or from the desk's next
     * opening when it was closed then: a Saturday question waits for Monday's team, not for Sunday.
     */
    private boolean quietTimeOver(Handover handover, PersonDesk desk) {
        java.time.Instant from = desk.hours().nextOpening(handover.lastActivity())
                .map(ZonedDateTime::toInstant).orElse(handover.lastActivity());
        return from.plus(desk.quietFor()).isBefore(turn.now);
    }

    /** What a person did from the inbox, said to the young person as written. */
    void person(PersonInput input) {
        if (turn.state().optedOut()) {
            return;
        }
        Handover current = turn.state().handover();
        Handover held = current == null || current.stage() != Handover.Stage.OPEN
                ? new Handover(Handover.Stage.OPEN, turn.now, turn.now, input.personName(), ASKED)
                : current.heardFrom(input.personName(), turn.now);
        String desk = desk(turn).map(PersonDesk::name).orElse("");
        switch (input.kind()) {
            case TAKEN -> {
                turn.update(s -> s.withHandover(held));
                turn.say(unprompted(turn.texts.text("person.taken", Map.of("name", input.personName(), "desk", desk))));
            }
            case REPLY -> {
                turn.update(s -> s.withHandover(held));
                turn.say(unprompted(turn.texts.text("person.says", Map.of("name", input.personName(),
                        "text", input.text().strip()))));
            }
            case RETURNED -> {
                turn.update(s -> s.withHandover(null));
                String back = turn.texts.text("person.returned", Map.of("name", input.personName()));
                OutboundMessage message = turn.state().phase() == Phase.NEW || turn.state().phase() == Phase.DONE
                        ? OutboundMessage.of(back) : TurnContext.prefixed(back, turn.prompt());
                turn.say(message.asUnprompted());
            }
        }
    }

    private void end(String reason) {
        turn.update(s -> s.withHandover(null));
        turn.events.add(new DialogEvent.HandoverEnded(reason));
    }

    private static OutboundMessage unprompted(String text) {
        return OutboundMessage.of(text).asUnprompted();
    }

    /** When the desk answers next, in words, or null when it is open now. */
    private String when(PersonDesk desk) {
        if (desk.hours().openAt(turn.now)) {
            return null;
        }
        Optional<ZonedDateTime> next = desk.hours().nextOpening(turn.now);
        if (next.isEmpty()) {
            return turn.texts.text("person.when.soon");
        }
        ZonedDateTime at = next.get();
        ZonedDateTime today = turn.now.atZone(at.getZone());
        String time = at.getMinute() == 0
                ? turn.texts.text("time.hour", Map.of("h", Integer.toString(at.getHour())))
                : turn.texts.text("time.hour-minute", Map.of("h", Integer.toString(at.getHour()),
                        "m", String.format("%02d", at.getMinute())));
        long days = java.time.temporal.ChronoUnit.DAYS.between(today.toLocalDate(), at.toLocalDate());
        if (days == 0) {
            return turn.texts.text("person.when.today", Map.of("time", time));
        }
        if (days == 1) {
            return turn.texts.text("person.when.tomorrow", Map.of("time", time));
        }
        return turn.texts.text("person.when.day", Map.of("day", turn.texts.text("day." + at.getDayOfWeek().getValue()),
                "time", time));
    }
}
