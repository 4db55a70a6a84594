package fr.boussole.dialogs.fuzz;

import fr.boussole.core.conversation.ConversationEngine;
import fr.boussole.core.conversation.ConversationState;
import fr.boussole.core.conversation.DialogEvent;
import fr.boussole.core.conversation.Turn;
import fr.boussole.core.journey.JourneySettings;
import fr.boussole.core.message.Channel;
import fr.boussole.core.message.Choice;
import fr.boussole.core.message.ConversationKey;
import fr.boussole.core.message.Inbound;
import fr.boussole.core.message.OutboundMessage;
import fr.boussole.dialogs.Dialogs;
import fr.boussole.dialogs.commune.Communes;
import fr.boussole.dialogs.language.FrenchUnderstanding;
import fr.boussole.dialogs.transcripts.LotFixtures;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The real engine (questionnaires, texts, communes, language) under random sequences of hostile input,
 * from a fresh conversation and from every state the golden transcripts pass through: texts in any
 * Unicode, control characters, emoji, numbers, phone numbers, 5,000-character texts, global words,
 * taps on offered or made-up choices, shared phones and long silences. Every turn returns; its state
 * holds only what a document store keeps (strings, numbers, booleans, lists, maps with plain keys) and
 * comes back from its stored form, numbers widened as MongoDB gives them, to the same behaviour; and
 * a valid journey afterwards still ends in a contact request: the conversation can always recover.
 * Fails when the engine throws on some input, stores something it cannot read back, or gets stuck.
 *
 * <p>Seeds: jqwik draws a new seed each run and prints it with any failure; the failing seed is kept in
 * {@code target/.jqwik-database} and tried first on the next run; {@code @Property(seed = "…")} replays it.
 */
class EngineRobustnessProperties {

    private static final ConversationEngine ENGINE = Dialogs.engine(LotFixtures.catalog(), LotFixtures.territories(),
            Communes.load(), FrenchUnderstanding.load(), JourneySettings.defaults());
    private static final List<TranscriptStates.Reached> TRANSCRIPT_STATES = TranscriptStates.all(ENGINE);
    private static final int RECOVERY_TURNS = 40;

    /** One thing the young person does. */
    sealed interface Step {
        record Typed(String text) implements Step {}

        /** A tap: on the n-th choice last offered when {@code offered}, else on a made-up id. */
        record Tapped(int index, boolean offered, String madeUpId) implements Step {}

        record SharedPhone(String phone) implements Step {}

        record Silence(Duration duration) implements Step {}
    }

    @Property(tries = 100)
    void from_a_fresh_conversation_any_input_is_answered_and_the_journey_recovers(
            @ForAll("channels") Channel channel, @ForAll("steps") List<Step> steps) {
        ConversationKey key = new ConversationKey(channel, channel == Channel.SMS || channel == Channel.WHATSAPP ? "+33611122233"
                : channel == Channel.TELEGRAM ? "700111222" : "session-fuzz-1");
        run(ConversationState.start(key), TranscriptStates.START, steps);
    }

    @Property(tries = 150)
    void from_any_transcript_state_any_input_is_answered_and_the_journey_recovers(
            @ForAll("transcriptStates") TranscriptStates.Reached start, @ForAll("steps") List<Step> steps) {
        run(start.state(), start.at(), steps);
    }

    private void run(ConversationState start, Instant at, List<Step> steps) {
        ConversationState state = start;
        Instant now = at;
        List<Choice> offered = List.of();
        int number = 0;
        for (Step step : steps) {
            if (step instanceof Step.Silence(Duration duration)) {
                now = now.plus(duration);
                continue;
            }
            now = now.plusSeconds(30);
            Inbound inbound = inbound(step, state.key(), offered, "fuzz-" + ++number, now);
            Turn turn = turnOf(state, inbound, now);
            state = turn.state();
            offered = lastChoices(turn, offered);
        }
        assertThat(recovers(state, now)).as("a valid journey after the random input ends in a contact request").isTrue();
    }

    /** One turn, checked: it returns, and its state survives the store. */
    private static Turn turnOf(ConversationState state, Inbound inbound, Instant now) {
        Turn turn = ENGINE.handle(state, inbound, now);
        assertThat(turn).isNotNull();
        assertThat(turn.state().key()).isEqualTo(state.key());
        Map<String, Object> stored = turn.state().toStored();
        assertStorable(stored, "state");
        Map<String, Object> widened = widen(stored);
        ConversationState back = ConversationState.fromStored(widened);
        assertThat(widen(back.toStored())).as("the stored form comes back unchanged").isEqualTo(widened);
        return turn;
    }

    /**
     * Starts over and answers as a young person would (age, commune, the first choice each time, this
     * number, yes), on the channel's own terms; true once a contact request is made.
     */
    private static boolean recovers(ConversationState state, Instant now) {
        Inbound restart = Inbound.text("recover-0", state.key(), "recommencer", now.plusSeconds(60));
        Turn turn = turnOf(state, restart, restart.receivedAt());
        for (int i = 1; i <= RECOVERY_TURNS; i++) {
            if (turn.events().stream().anyMatch(e -> e instanceof DialogEvent.ContactRequested)) {
                return true;
            }
            Instant at = now.plusSeconds(60L + i * 30L);
            OutboundMessage last = lastReply(turn);
            String id = "recover-" + i;
            Inbound next;
            if (last == null) {
                next = Inbound.text(id, state.key(), "recommencer", at); // silent (opted out): writing opts back in
            } else if (last.asksForPhone() && !last.choices().isEmpty() && hasPhone(state.key())) {
                next = Inbound.choice(id, state.key(), last.choices().getFirst().id(), last.choices().getFirst().label(), at);
            } else if (last.asksForPhone()) {
                next = Inbound.text(id, state.key(), "06 12 34 56 78", at);
            } else if (!last.choices().isEmpty()) {
                next = Inbound.choice(id, state.key(), last.choices().getFirst().id(), last.choices().getFirst().label(), at);
            } else if (last.text().contains("âge")) {
                next = Inbound.text(id, state.key(), "19", at);
            } else if (last.text().contains("commune")) {
                next = Inbound.text(id, state.key(), "Cahors", at);
            } else {
                next = Inbound.text(id, state.key(), "recommencer", at);
            }
            turn = turnOf(turn.state(), next, at);
            state = turn.state();
        }
        return false;
    }

    private static boolean hasPhone(ConversationKey key) {
        return key.channel() == Channel.SMS || key.channel() == Channel.WHATSAPP;
    }

    private static Inbound inbound(Step step, ConversationKey key, List<Choice> offered, String id, Instant now) {
        return switch (step) {
            case Step.Typed(String text) -> Inbound.text(id, key, text, now);
            case Step.Tapped(int index, boolean fromOffered, String madeUp) -> fromOffered && !offered.isEmpty()
                    ? Inbound.choice(id, key, offered.get(index % offered.size()).id(), offered.get(index % offered.size()).label(), now)
                    : Inbound.choice(id, key, madeUp, madeUp, now);
            case Step.SharedPhone(String phone) -> new Inbound(id, key, "", null, phone, now);
            case Step.Silence ignored -> throw new IllegalArgumentException("a silence is no message");
        };
    }

    private static OutboundMessage lastReply(Turn turn) {
        OutboundMessage last = null;
        for (DialogEvent event : turn.events()) {
            if (event instanceof DialogEvent.Reply(OutboundMessage message)) {
                last = message;
            }
        }
        return last;
    }

    private static List<Choice> lastChoices(Turn turn, List<Choice> before) {
        OutboundMessage last = lastReply(turn);
        return last == null ? before : last.choices();
    }

    /** What a document store keeps as is; MongoDB also refuses field names starting with '$' or holding '.'. */
    private static void assertStorable(Object value, String path) {
        switch (value) {
            case null -> { }
            case String ignored -> { }
            case Number ignored -> { }
            case Boolean ignored -> { }
            case List<?> list -> {
                for (int i = 0; i < list.size(); i++) {
                    assertStorable(list.get(i), path + "[" + i + "]");
                }
            }
            case Map<?, ?> map -> map.forEach((k, v) -> {
                assertThat(k).as("a key at " + path).isInstanceOf(String.class);
                assertThat((String) k).as("a field name at " + path).doesNotStartWith("$").doesNotContain(".");
                assertStorable(v, path + "." + k);
            });
            default -> throw new AssertionError(path + " holds a " + value.getClass().getName() + ", which no document store keeps as is");
        }
    }

    /** As MongoDB gives it back: integers as Long, maps as fresh maps. */
    @SuppressWarnings("unchecked")
    private static <T> T widen(T value) {
        Object widened = switch (value) {
            case Integer i -> i.longValue();
            case Short s -> s.longValue();
            case Map<?, ?> map -> {
                Map<String, Object> copy = new LinkedHashMap<>();
                map.forEach((k, v) -> copy.put((String) k, widen(v)));
                yield copy;
            }
            case List<?> list -> {
                List<Object> copy = new ArrayList<>();
                list.forEach(v -> copy.add(widen(v)));
                yield copy;
            }
            case null, default -> value;
        };
        return (T) widened;
    }

    @Provide
    Arbitrary<Channel> channels() {
        return Arbitraries.of(Channel.WEB, Channel.SMS, Channel.WHATSAPP, Channel.TELEGRAM);
    }

    @Provide
    Arbitrary<TranscriptStates.Reached> transcriptStates() {
        return Arbitraries.of(TRANSCRIPT_STATES);
    }

    @Provide
    Arbitrary<List<Step>> steps() {
        Arbitrary<Step> typed = texts().map(Step.Typed::new);
        Arbitrary<Step> tapped = net.jqwik.api.Combinators.combine(Arbitraries.integers().between(0, 20), Arbitraries.of(true, true, false),
                texts()).as(Step.Tapped::new);
        Arbitrary<Step> shared = Arbitraries.oneOf(Arbitraries.of("+33612345678", "33612345678", "+1", "", "abc"),
                Arbitraries.strings().all().ofMaxLength(30)).map(Step.SharedPhone::new);
        Arbitrary<Step> silence = Arbitraries.of(Duration.ofMinutes(5), Duration.ofHours(2), Duration.ofDays(3), Duration.ofDays(31),
                Duration.ofDays(400)).map(Step.Silence::new);
        return Arbitraries.frequencyOf(Tuple.of(6, typed), Tuple.of(3, tapped), Tuple.of(1, shared), Tuple.of(1, silence))
                .list().ofMinSize(1).ofMaxSize(12);
    }

    private static Arbitrary<String> texts() {
        return Arbitraries.frequencyOf(
                Tuple.of(3, Arbitraries.strings().all().ofMaxLength(80)),
                Tuple.of(1, Arbitraries.strings().withCharRange('\u0000', '\u001f').withChars('\u007f', '\u2028', '\u202e', '\ufeff').ofMaxLength(20)),
                Tuple.of(1, Arbitraries.of("😀", "👍🏽", "🇫🇷", "👨‍👩‍👧", "❤️", "e\u0301").list().ofMaxSize(10).map(l -> String.join(" ", l))),
                Tuple.of(2, Arbitraries.integers().between(-1000, 1_000_000).map(String::valueOf)),
                Tuple.of(1, Arbitraries.of("06 12 34 56 78", "+33612345678", "0033612345678", "+33 6", "0612", "jean@exemple.fr", "@", "0")),
                Tuple.of(3, Arbitraries.of("stop", "STOP", "effacer", "aide", "retour", "recommencer", "plus", "oui", "non", "bonjour",
                        "merci", "Cahors", "46000", "46100", "Paris", "19 ans", "1 et 3", "ce numéro", "autre", "emploi", "start")),
                Tuple.of(1, Arbitraries.of("$gt", "{\"$ne\":null}", "$where", "{{7*7}}", "${7*7}", "<b>x</b>", "%s %n", "\\")),
                Tuple.of(1, Arbitraries.strings().withChars("abcdefghijklmnopqrstuvwxyz éàç'-").ofMinLength(2000).ofMaxLength(5000)));
    }
}
