package fr.boussole.dialogs.transcripts;

import fr.boussole.core.conversation.ContactRequestDraft;
import fr.boussole.core.conversation.ConversationEngine;
import fr.boussole.core.conversation.ConversationState;
import fr.boussole.core.conversation.DialogEvent;
import fr.boussole.core.conversation.Turn;
import fr.boussole.core.followup.ContactCheckPrompt;
import fr.boussole.core.followup.RequestNews;
import fr.boussole.core.handover.PersonInput;
import fr.boussole.core.journey.JourneySettings;
import fr.boussole.core.journey.JourneyState;
import fr.boussole.core.journey.JourneyStateCodec;
import fr.boussole.core.message.Channel;
import fr.boussole.core.message.Choice;
import fr.boussole.core.message.ConversationKey;
import fr.boussole.core.message.Inbound;
import fr.boussole.core.message.OutboundMessage;
import fr.boussole.dialogs.Dialogs;
import fr.boussole.dialogs.commune.Communes;
import fr.boussole.dialogs.language.FrenchUnderstanding;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs every golden transcript through the real engine, questionnaires and texts, on a fixed clock.
 * Between turns the state goes through its stored form, YAML text and back (numbers coming back as
 * Long, as from a document store), so persistence is tested on every scenario: the typed state read
 * back must equal the typed state the turn ended with, and write itself out the same way again.
 * {@code -Dtranscripts.update=true} rewrites the expected lines after a deliberate change: review the diff.
 */
class TranscriptTest {

    private static final Path DIRECTORY = Path.of("src/test/resources/transcripts");
    private static final Instant START = Instant.parse("2026-11-23T09:00:00Z");
    private static final boolean UPDATE = Boolean.getBoolean("transcripts.update");
    private static final Communes COMMUNES = Communes.load();
    private static final FrenchUnderstanding UNDERSTANDING = FrenchUnderstanding.load();

    private final ConversationEngine engine = Dialogs.engine(LotFixtures.catalog(), LotFixtures.territories(),
            COMMUNES, UNDERSTANDING, JourneySettings.defaults());

    @TestFactory
    Stream<DynamicTest> transcripts() throws IOException {
        List<Path> files;
        try (Stream<Path> listed = Files.list(DIRECTORY)) {
            files = listed.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
        }
        assertThat(files).as("transcripts in " + DIRECTORY.toAbsolutePath()).isNotEmpty();
        return files.stream().map(file -> DynamicTest.dynamicTest(file.getFileName().toString(), () -> run(file)));
    }

    @SuppressWarnings("unchecked")
    private void run(Path file) throws IOException {
        String original = Files.readString(file, StandardCharsets.UTF_8);
        Map<String, Object> transcript = (Map<String, Object>) yaml().load(original);
        Channel channel = Channel.valueOf(((String) transcript.getOrDefault("channel", "web")).toUpperCase(Locale.ROOT));
        String address = (String) transcript.getOrDefault("address", "session-" + file.getFileName().toString().hashCode());
        ConversationKey key = new ConversationKey(channel, address);
        ConversationState state = ConversationState.start(key);
        Instant now = START;
        List<Map<String, Object>> actualTurns = new ArrayList<>();
        int number = 0;
        for (Map<String, Object> turn : (List<Map<String, Object>>) transcript.get("turns")) {
            number++;
            now = now.plus(turn.containsKey("after") ? Duration.parse((String) turn.get("after")) : Duration.ofMinutes(1));
            Inbound inbound = inbound(turn, key, now, file.getFileName() + "#" + number);
            Turn result = engine.handle(state, inbound, now);
            state = roundTrip(result.state());
            Map<String, Object> actual = new LinkedHashMap<>();
            for (String input : List.of("after", "system", "user", "tap", "shared-phone")) {
                if (turn.containsKey(input)) {
                    actual.put(input, turn.get(input));
                }
            }
            actual.put("bot", replies(result));
            List<String> events = events(result);
            if (!events.isEmpty()) {
                actual.put("events", events);
            }
            actualTurns.add(actual);
        }
        Map<String, Object> rewritten = new LinkedHashMap<>(transcript);
        rewritten.put("turns", actualTurns);
        String expected = TranscriptWriter.write(rewritten);
        if (UPDATE) {
            Files.writeString(file, expected, StandardCharsets.UTF_8);
        } else {
            assertThat(TranscriptWriter.write(normalised(transcript)))
                    .as("%s (run with -Dtranscripts.update=true to rewrite it after a deliberate change)", file)
                    .isEqualTo(expected);
        }
    }

    private static Inbound inbound(Map<String, Object> turn, ConversationKey key, Instant now, String id) {
        if (turn.containsKey("system")) {
            return system(String.valueOf(turn.get("system")), key, now);
        }
        if (turn.containsKey("tap")) {
            String choiceId = String.valueOf(turn.get("tap"));
            return Inbound.choice(id, key, choiceId, "", now);
        }
        if (turn.containsKey("shared-phone")) {
            return new Inbound(id, key, "", null, String.valueOf(turn.get("shared-phone")), now);
        }
        return Inbound.text(id, key, String.valueOf(turn.getOrDefault("user", "")), now);
    }

    /**
     * A system message, as the app's jobs put it in the inbox: {@code contact-check <requestId>} asks
     * "were you contacted?" generically, {@code contact-check <requestId> | <organisation> | <offer>}
     * names the organisation and the offer.
     */
    static Inbound system(String line, ConversationKey key, Instant now) {
        String[] words = line.strip().split("\\s+", 2);
        if (words.length == 2 && words[0].equals("news")) {
            return news(words[1]).inbound(key, now);
        }
        if (words.length == 2 && words[0].equals("person")) {
            return person(words[1]).inbound(key, now);
        }
        if (words.length < 2 || !words[0].equals("contact-check")) {
            throw new IllegalArgumentException("unknown system line: " + line);
        }
        String[] parts = words[1].split("\\s*\\|\\s*");
        ContactCheckPrompt prompt = parts.length == 3 ? new ContactCheckPrompt(parts[0], parts[1], parts[2])
                : new ContactCheckPrompt(parts[0], null, null);
        return prompt.inbound(key, now);
    }

    /**
     * News of a request, as the offer store's promises put it in the inbox:
     * {@code news <requestId> <KIND> [<CLOSING>] | <organisation> [| next <offerId>; <title>; <organisation>; <delay>]
     * [| call <name>; <phone>]}.
     */
    static RequestNews news(String line) {
        String[] parts = line.split("\\s*\\|\\s*");
        String[] head = parts[0].split("\\s+");
        RequestNews.NextOffer next = null;
        RequestNews.Fallback fallback = null;
        for (int i = 2; i < parts.length; i++) {
            String[] fields = parts[i].substring(parts[i].indexOf(' ') + 1).split("\\s*;\\s*");
            if (parts[i].startsWith("next ")) {
                next = new RequestNews.NextOffer(fields[0], fields[1], fields[2], Integer.parseInt(fields[3]));
            } else if (parts[i].startsWith("call ")) {
                fallback = new RequestNews.Fallback(fields[0], fields[1]);
            } else {
                throw new IllegalArgumentException("unknown part of a news line: " + parts[i]);
            }
        }
        return new RequestNews(head[0], RequestNews.Kind.valueOf(head[1]),
                head.length > 2 ? RequestNews.Closing.valueOf(head[2]) : null, parts.length > 1 ? parts[1] : null, null,
                next, fallback);
    }

    /**
     * What a person did from the console's inbox: {@code person <handoverId> <KIND> <name> [| <text>]}
     * (its input id is the line's own hash: each line is one input).
     */
    static PersonInput person(String line) {
        String[] parts = line.split("\\s*\\|\\s*", 2);
        String[] head = parts[0].split("\\s+");
        return new PersonInput(head[0], PersonInput.Kind.valueOf(head[1]), head[2], parts.length > 1 ? parts[1] : null,
                Integer.toHexString(line.hashCode()));
    }

    /** Through the stored form and YAML text, with integers read back as Long like a document store gives them. */
    @SuppressWarnings("unchecked")
    private static ConversationState roundTrip(ConversationState state) {
        String text = new Yaml().dump(state.toStored());
        Map<String, Object> stored = (Map<String, Object>) widen(yaml().load(text));
        ConversationState back = ConversationState.fromStored(stored);
        JourneyState typed = JourneyStateCodec.decode(state);
        assertThat(JourneyStateCodec.decode(back)).as("the typed state read back from its stored form").isEqualTo(typed);
        assertThat(JourneyStateCodec.encode(back.key(), typed)).as("the typed state written out again").isEqualTo(state);
        return back;
    }

    @SuppressWarnings("unchecked")
    static Object widen(Object value) {
        return switch (value) {
            case Integer i -> i.longValue();
            case Map<?, ?> map -> {
                Map<String, Object> copy = new LinkedHashMap<>();
                map.forEach((k, v) -> copy.put((String) k, widen(v)));
                yield copy;
            }
            case List<?> list -> list.stream().map(TranscriptTest::widen).toList();
            default -> value;
        };
    }

    private static List<Object> replies(Turn turn) {
        List<Object> replies = new ArrayList<>();
        for (DialogEvent event : turn.events()) {
            if (event instanceof DialogEvent.Reply(OutboundMessage message)) {
                Map<String, Object> reply = new LinkedHashMap<>();
                reply.put("text", message.text());
                if (!message.choices().isEmpty()) {
                    reply.put("choices", message.choices().stream().map(TranscriptTest::choice).toList());
                }
                if (message.asksForPhone()) {
                    reply.put("asks-phone", true);
                }
                if (message.unprompted()) {
                    reply.put("unprompted", true);
                }
                replies.add(reply);
            }
        }
        return replies;
    }

    private static String choice(Choice choice) {
        return choice.id() + " | " + choice.label();
    }

    private static List<String> events(Turn turn) {
        List<String> events = new ArrayList<>();
        for (DialogEvent event : turn.events()) {
            switch (event) {
                case DialogEvent.Reply ignored -> { }
                case DialogEvent.QuestionnaireProgress ignored -> { } // counted for the funnel: FunnelEventsTest
                case DialogEvent.SearchRecorded s -> events.add("search-recorded: commune " + s.communeInsee()
                        + ", territory " + s.territoryId() + ", theme " + s.theme() + ", " + s.offersFound() + " offers");
                case DialogEvent.ContactRequested c -> events.add(contactRequest(c.draft()));
                case DialogEvent.ErasureRequested ignored -> events.add("erasure-requested");
                case DialogEvent.OptedOut ignored -> events.add("opted-out");
                case DialogEvent.OptedIn ignored -> events.add("opted-in");
                case DialogEvent.ContactCheckAnswered a -> events.add("contact-check-answered: request " + a.requestId()
                        + ", " + a.answer());
                case DialogEvent.HandoverRequested h -> events.add("handover-requested: territory " + h.territoryId()
                        + ", " + h.reason());
                case DialogEvent.HandoverHeard ignored -> events.add("handover-heard");
                case DialogEvent.HandoverEnded e -> events.add("handover-ended: " + e.reason());
                case DialogEvent.AnotherOfferRequested a -> events.add("another-offer-requested: after " + a.previousRequestId()
                        + ", offer " + a.offerId() + ", consent " + a.consent().textVersion() + " at "
                        + a.consent().acceptedAt() + " on " + a.consent().channel().id() + ", text shown:\n"
                        + a.consent().textShown());
            }
        }
        return events;
    }

    private static String contactRequest(ContactRequestDraft d) {
        StringBuilder text = new StringBuilder("contact-requested:\n");
        text.append("offer ").append(d.offerId()).append(", territory ").append(d.territoryId())
                .append(", theme ").append(d.theme()).append(", questionnaire ").append(d.questionnaireId())
                .append(" v").append(d.questionnaireVersion()).append('\n');
        if (d.urgent()) {
            text.append("URGENT\n");
        }
        text.append("age ").append(d.age()).append(", commune ").append(d.communeInsee()).append(' ')
                .append(d.communeName()).append('\n');
        text.append("contact ").append(d.contactMethod()).append(' ').append(d.contactAddress()).append('\n');
        d.answers().forEach(a -> text.append("answer ").append(a.questionId()).append(" = ")
                .append(String.join(", ", a.values())).append(" (").append(String.join(", ", a.labels())).append(")\n"));
        text.append("consent ").append(d.consent().textVersion()).append(" at ").append(d.consent().acceptedAt())
                .append(" on ").append(d.consent().channel().id()).append(", text shown:\n").append(d.consent().textShown())
                .append('\n');
        text.append("created ").append(d.createdAt());
        return text.toString();
    }

    /** The file as read, put in the writer's shape, so that formatting never fails a comparison. */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> normalised(Map<String, Object> transcript) {
        Map<String, Object> copy = new LinkedHashMap<>(transcript);
        List<Map<String, Object>> turns = new ArrayList<>();
        for (Map<String, Object> turn : (List<Map<String, Object>>) transcript.get("turns")) {
            Map<String, Object> t = new LinkedHashMap<>(turn);
            t.putIfAbsent("bot", List.of());
            turns.add(t);
        }
        copy.put("turns", turns);
        return copy;
    }

    private static Yaml yaml() {
        return new Yaml(new SafeConstructor(new LoaderOptions()));
    }
}
