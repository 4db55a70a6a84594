package fr.boussole.dialogs.transcripts;

import fr.boussole.core.conversation.ConversationEngine;
import fr.boussole.core.conversation.ConversationState;
import fr.boussole.core.conversation.DialogEvent;
import fr.boussole.core.conversation.Turn;
import fr.boussole.core.followup.ContactCheckPrompt;
import fr.boussole.core.journey.JourneySettings;
import fr.boussole.core.journey.JourneyState;
import fr.boussole.core.journey.JourneyStateCodec;
import fr.boussole.core.message.ConversationKey;
import fr.boussole.core.message.Inbound;
import fr.boussole.core.message.OutboundMessage;
import fr.boussole.dialogs.Dialogs;
import fr.boussole.dialogs.commune.Communes;
import fr.boussole.dialogs.language.FrenchUnderstanding;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A conversation in progress when a new version is deployed goes on: states stored by the engine
 * before the typed state (version 1, captured from every phase of the golden transcripts at b5e5602,
 * with the input that followed) are read, migrated through every version, and answered where they
 * stood: what the young person gave is kept, and the journey neither fails nor starts over. (Until
 * the journey changed in version 3, the answers were checked word for word against that engine's.)
 */
class StateMigrationTest {

    private static final Path V1 = Path.of("src/test/resources/state-migrations/v1-states.yaml");

    private final ConversationEngine engine = Dialogs.engine(LotFixtures.catalog(), LotFixtures.territories(),
            Communes.load(), FrenchUnderstanding.load(), JourneySettings.defaults());

    @TestFactory
    @SuppressWarnings("unchecked")
    Stream<DynamicTest> every_version_1_state_continues_as_before() throws IOException {
        List<Map<String, Object>> captured = (List<Map<String, Object>>) new Yaml(new SafeConstructor(new LoaderOptions()))
                .load(Files.readString(V1, StandardCharsets.UTF_8));
        assertThat(captured).hasSizeGreaterThan(50);
        return captured.stream().map(entry -> DynamicTest.dynamicTest((String) entry.get("from"), () -> {
            Map<String, Object> stored = (Map<String, Object>) TranscriptTest.widen(entry.get("stored"));
            ConversationState state = ConversationState.fromStored(stored);
            Instant at = Instant.parse((String) entry.get("at"));
            JourneyState typed = JourneyStateCodec.decode(state);
            assertThat(JourneyStateCodec.decode(JourneyStateCodec.encode(typed))).isEqualTo(typed);
            assertThat(typed.profile().age()).isEqualTo(((Number) stored.getOrDefault("age", 0L)).intValue());
            assertThat(typed.profile().communeInsee()).isEqualTo(stored.get("communeInsee"));
            assertThat(typed.search().theme()).isEqualTo(stored.get("theme"));
            assertThat(typed.search().values()).isEqualTo(stored.getOrDefault("answers", Map.of()));
            Turn turn = engine.handle(state, inbound(entry, state.key(), at), at);
            boolean silenced = Boolean.TRUE.equals(stored.get("optedOut"));
            boolean restart = "recommencer".equals(entry.get("tap")) || "recommencer".equals(entry.get("user"));
            if (!silenced) {
                assertThat(replies(turn)).as("answered").isNotEmpty();
            }
            if (!restart) {
                assertThat(replies(turn)).as("not started over").noneMatch(r -> r.contains("On recommence"));
            }
            if (!List.of("AGE", "NEW").contains(String.valueOf(stored.getOrDefault("phase", "NEW")))
                    && !restart && !String.valueOf(entry.get("user")).matches("(?i)effacer|stop|.*supprim.*")) {
                assertThat(JourneyStateCodec.decode(turn.state()).profile().age()).as("age kept")
                        .isEqualTo(typed.profile().age());
            }
        }));
    }

    @Test
    void a_version_1_state_with_every_key_is_read_field_by_field() {
        Map<String, Object> v1 = new LinkedHashMap<>();
        v1.put("phase", "QUESTION");
        v1.put("step", "diplome");
        v1.put("lastSeen", "2026-11-23T09:05:00Z");
        v1.put("reasks", 1L);
        v1.put("age", 19L);
        v1.put("communeInsee", "46042");
        v1.put("communeName", "Cahors");
        v1.put("territoryId", "ter-lot");
        v1.put("theme", "emploi");
        v1.put("answers", Map.of("situation", List.of("sans-activite")));
        v1.put("answerLabels", Map.of("situation", List.of("Rien pour l'instant")));
        v1.put("candidates", List.of("46127", "71222"));
        v1.put("page", 1L);
        v1.put("offerId", "emp-cv");
        v1.put("contactMethod", "PHONE");
        v1.put("contactAddress", "+33612345678");
        v1.put("consentText", "D'accord ?");
        v1.put("trail", List.of("AGE", "COMMUNE", "THEME", "QUESTION:situation", "QUESTION:diplome"));
        v1.put("resumeAt", "QUESTION:situation");
        v1.put("contactCheck", new ContactCheckPrompt("cr_1", "Mission | locale", null).toChoiceId());
        v1.put("contactCheckReasks", 1L);
        v1.put("optedOut", true);

        JourneyState typed = JourneyStateCodec.decode(v1);

        assertThat(typed.at()).isEqualTo(new JourneyState.Position(fr.boussole.core.journey.Phase.QUESTION, "diplome"));
        assertThat(typed.reasks()).isEqualTo(1);
        assertThat(typed.lastSeen()).isEqualTo(Instant.parse("2026-11-23T09:05:00Z"));
        assertThat(typed.profile()).isEqualTo(new JourneyState.Profile(19, new JourneyState.Place("46042", "Cahors"), "ter-lot"));
        assertThat(typed.search().theme()).isEqualTo("emploi");
        assertThat(typed.search().answers()).containsExactly(Map.entry("situation",
                new JourneyState.Given(List.of("sans-activite"), List.of("Rien pour l'instant"))));
        assertThat(typed.search().page()).isEqualTo(1);
        assertThat(typed.candidates()).containsExactly("46127", "71222");
        assertThat(typed.request()).isEqualTo(new JourneyState.Request("emp-cv",
                new JourneyState.Contact(fr.boussole.core.conversation.ContactMethod.PHONE, "+33612345678"), "D'accord ?",
                false, null));
        assertThat(typed.trail()).hasSize(5).last().isEqualTo(typed.at());
        assertThat(typed.resumeAt()).isEqualTo(JourneyState.Position.parse("QUESTION:situation"));
        assertThat(typed.check()).isEqualTo(new JourneyState.PendingCheck(
                new ContactCheckPrompt("cr_1", "Mission | locale", null), 1));
        assertThat(typed.optedOut()).isTrue();
        assertThat(JourneyStateCodec.encode(typed)).containsEntry("v", JourneyStateCodec.VERSION);
        assertThat(JourneyStateCodec.encode(new ConversationKey(fr.boussole.core.message.Channel.SMS, "+33612345678"), typed)
                .contactAddress()).contains("+33612345678");
    }

    @Test
    void version_2_phases_that_are_gone_become_the_ones_doing_their_job() {
        Map<String, Object> v2 = new LinkedHashMap<>();
        v2.put("v", 2);
        v2.put("at", "CONTACT_ADDRESS:email");
        v2.put("trail", List.of("OFFERS", "WANTS_CONTACT", "CONTACT_METHOD", "CONTACT_ADDRESS:email"));
        v2.put("resumeAt", "WANTS_CONTACT");

        JourneyState typed = JourneyStateCodec.decode(v2);

        assertThat(typed.at()).isEqualTo(JourneyState.Position.of(fr.boussole.core.journey.Phase.CONTACT));
        assertThat(typed.trail()).extracting(JourneyState.Position::code).containsExactly("OFFERS", "OFFER", "CONTACT");
        assertThat(typed.resumeAt()).isEqualTo(JourneyState.Position.of(fr.boussole.core.journey.Phase.OFFER));
        assertThat(typed.request().consented()).as("not asked yet: asked after the address").isFalse();
    }

    @Test
    void a_version_3_state_gets_no_news_nor_person_and_a_version_4_one_keeps_them() {
        Map<String, Object> v3 = new LinkedHashMap<>();
        v3.put("v", 3);
        v3.put("at", "THEME");
        v3.put("urgent", true);
        v3.put("news", Map.of("told", "news|cr_1|TAKEN_IN_HAND|Mission locale"));
        v3.put("handover", Map.of("stage", "OPEN", "since", "2026-11-23T09:00:00Z", "lastActivity", "2026-11-23T09:00:00Z"));

        JourneyState typed = JourneyStateCodec.decode(v3);

        assertThat(typed.at()).isEqualTo(JourneyState.Position.of(fr.boussole.core.journey.Phase.THEME));
        assertThat(typed.urgent()).isTrue();
        assertThat(typed.news()).as("a version 3 never wrote it").isNull();
        assertThat(typed.handover()).as("a version 3 never wrote it").isNull();

        Instant at = Instant.parse("2026-11-23T09:00:00Z");
        JourneyState held = typed.withHandover(new JourneyState.Handover(JourneyState.Handover.Stage.OPEN, at, at,
                "Camille", "asked"));
        Map<String, Object> written = JourneyStateCodec.encode(held);
        assertThat(written).containsEntry("v", JourneyStateCodec.VERSION);
        assertThat(JourneyStateCodec.decode(written)).isEqualTo(held);
    }

    @Test
    void a_state_from_a_newer_release_is_refused_rather_than_misread() {
        assertThatThrownBy(() -> JourneyStateCodec.decode(Map.of("v", JourneyStateCodec.VERSION + 1, "at", "AGE")))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("newer release");
    }

    private static Inbound inbound(Map<String, Object> entry, ConversationKey key, Instant at) {
        String id = "migration-" + entry.get("from");
        if (entry.containsKey("system")) {
            return TranscriptTest.system(String.valueOf(entry.get("system")), key, at);
        }
        if (entry.containsKey("tap")) {
            return Inbound.choice(id, key, String.valueOf(entry.get("tap")), "", at);
        }
        if (entry.containsKey("shared-phone")) {
            return new Inbound(id, key, "", null, String.valueOf(entry.get("shared-phone")), at);
        }
        return Inbound.text(id, key, String.valueOf(entry.get("user")), at);
    }

    private static List<String> replies(Turn turn) {
        List<String> replies = new ArrayList<>();
        for (DialogEvent event : turn.events()) {
            if (event instanceof DialogEvent.Reply(OutboundMessage m)) {
                replies.add(m.text() + (m.choices().isEmpty() ? "" : " " + m.choices().stream().map(c -> c.id()).toList()));
            }
        }
        return replies;
    }
}
