package fr.boussole.console.inbox;

import fr.boussole.console.support.ConsoleIntegrationTest;
import fr.boussole.console.support.StubTranscripts;
import fr.boussole.core.handover.ConversationTranscripts;
import fr.boussole.core.handover.PersonInput;
import fr.boussole.core.message.Inbound;
import fr.boussole.store.handover.HandoverRecords;
import fr.boussole.store.handover.HandoverStatus;
import fr.boussole.store.territory.Territories;
import fr.boussole.testing.RecordingInbox;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The inbox of conversations handed to a person: the territory's animateur and Info Jeunes
 * professionals read the transcript, take the conversation, answer (through the conversation's
 * inbox, once per form) and hand it back; nobody else sees it; every act is audited.
 */
class InboxPageTest extends ConsoleIntegrationTest {

    @Autowired
    RecordingInbox inbox;
    @Autowired
    HandoverRecords handovers;
    @Autowired
    StubTranscripts transcripts;
    @Autowired
    MongoTemplate mongo;
    @Autowired
    Territories territories;

    @BeforeEach
    void emptyInbox() {
        inbox.clear();
    }

    @Test
    void the_animateur_reads_takes_answers_once_and_hands_back_and_each_act_is_audited() throws Exception {
        var world = fixtures.world();
        String id = fixtures.handover(world, clock.instant());
        var conversation = handovers.findById(id).orElseThrow().conversation();
        transcripts.said(conversation, new ConversationTranscripts.Line(clock.instant(), true, "je veux parler à quelqu'un"));
        var animateur = world.animateur();

        mvc.perform(get("/console/conversations").with(user(animateur))).andExpect(status().isOk())
                .andExpect(content().string(containsString("non lu")))
                .andExpect(content().string(not(containsString(conversation.address()))));
        mvc.perform(get("/console/conversations/" + id).with(user(animateur))).andExpect(status().isOk())
                .andExpect(content().string(containsString("je veux parler à quelqu&#39;un")))
                .andExpect(content().string(not(containsString(conversation.address()))));
        assertThat(handovers.findById(id).orElseThrow().isUnread()).isFalse();

        mvc.perform(post("/console/conversations/" + id + "/prendre").with(user(animateur)).with(csrf()))
                .andExpect(status().is3xxRedirection());
        mvc.perform(post("/console/conversations/" + id + "/repondre").with(user(animateur)).with(csrf())
                .param("text", "Bonjour, je suis là.").param("inputId", "in_form_000001"))
                .andExpect(status().is3xxRedirection());
        mvc.perform(post("/console/conversations/" + id + "/repondre").with(user(animateur)).with(csrf())
                .param("text", "Bonjour, je suis là.").param("inputId", "in_form_000001"))
                .andExpect(status().is3xxRedirection());
        mvc.perform(post("/console/conversations/" + id + "/rendre").with(user(animateur)).with(csrf()))
                .andExpect(status().is3xxRedirection());

        List<PersonInput> acts = inbox.accepted().stream().map(PersonInput::in).map(java.util.Optional::orElseThrow).toList();
        assertThat(acts).extracting(PersonInput::kind)
                .containsExactly(PersonInput.Kind.TAKEN, PersonInput.Kind.REPLY, PersonInput.Kind.RETURNED);
        assertThat(acts).allSatisfy(a -> assertThat(a.personName()).isEqualTo("Camille"));
        assertThat(acts.get(1).text()).isEqualTo("Bonjour, je suis là.");
        assertThat(inbox.accepted()).allSatisfy(a -> assertThat(a.conversation()).isEqualTo(conversation));
        assertThat(handovers.findById(id).orElseThrow().getStatus()).isEqualTo(HandoverStatus.ENDED);
        assertThat(audit(id)).containsExactly("CONVERSATION_VIEWED", "CONVERSATION_TAKEN", "CONVERSATION_REPLIED",
                "CONVERSATION_REPLIED", "CONVERSATION_RETURNED");

        // handed back: read only
        mvc.perform(post("/console/conversations/" + id + "/repondre").with(user(animateur)).with(csrf())
                .param("text", "Encore là ?").param("inputId", "in_form_000002")).andExpect(status().isConflict());
        assertThat(inbox.accepted()).hasSize(3);
    }

    @Test
    void an_empty_or_too_long_reply_is_refused_with_the_form_and_sends_nothing() throws Exception {
        var world = fixtures.world();
        String id = fixtures.handover(world, clock.instant());

        mvc.perform(post("/console/conversations/" + id + "/repondre").with(user(world.animateur())).with(csrf())
                .param("text", " ").param("inputId", "in_form_000003")).andExpect(status().isOk())
                .andExpect(content().string(containsString("280 caractères")));
        mvc.perform(post("/console/conversations/" + id + "/repondre").with(user(world.animateur())).with(csrf())
                .param("text", "a".repeat(281)).param("inputId", "in_form_000004")).andExpect(status().isOk());
        assertThat(inbox.accepted()).isEmpty();
    }

    @Test
    void the_territorys_info_jeunes_professionals_answer_too_and_nobody_else_sees_a_thing() throws Exception {
        var world = fixtures.world();
        fixtures.infoJeunes(world.b());
        String id = fixtures.handover(world, clock.instant());
        var other = fixtures.world();

        mvc.perform(get("/console/conversations/" + id).with(user(world.b().professional()))).andExpect(status().isOk());
        mvc.perform(post("/console/conversations/" + id + "/repondre").with(user(world.b().professional())).with(csrf())
                .param("text", "Je regarde ça.").param("inputId", "in_form_000005")).andExpect(status().is3xxRedirection());
        assertThat(PersonInput.in(inbox.accepted().getFirst()).orElseThrow().personName()).isEqualTo("Dominique");

        // a professional of another kind of organisation: an empty list, and the conversation does not exist
        mvc.perform(get("/console/conversations").with(user(world.a().professional()))).andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"not-a-desk\"")));
        mvc.perform(get("/console/conversations/" + id).with(user(world.a().professional()))).andExpect(status().isNotFound());
        // another territory's animateur, and the national administrator
        mvc.perform(get("/console/conversations/" + id).with(user(other.animateur()))).andExpect(status().isNotFound());
        mvc.perform(post("/console/conversations/" + id + "/rendre").with(user(other.animateur())).with(csrf()))
                .andExpect(status().isNotFound());
        mvc.perform(get("/console/conversations").with(user(fixtures.administrator()))).andExpect(status().isForbidden());
        assertThat(inbox.accepted()).hasSize(1);
    }

    @Test
    void the_animateur_sets_the_desks_hours_and_a_wrong_value_says_what_is_wrong() throws Exception {
        var world = fixtures.world();

        mvc.perform(post("/console/conversations/horaires").with(user(world.animateur())).with(csrf())
                .param("hours", "lun-ven 10:00-16:00").param("quietHours", "48")).andExpect(status().is3xxRedirection());
        var territory = territories.findById(world.territoryId()).orElseThrow();
        assertThat(territory.getDeskHours()).isEqualTo("lun 10:00-16:00; mar 10:00-16:00; mer 10:00-16:00; jeu 10:00-16:00; ven 10:00-16:00");
        assertThat(territory.getDeskQuietFor()).isEqualTo(Duration.ofHours(48));

        mvc.perform(post("/console/conversations/horaires").with(user(world.animateur())).with(csrf())
                .param("hours", "lundi 9h-17h").param("quietHours", "24")).andExpect(status().isOk())
                .andExpect(content().string(containsString("lundi")));
        assertThat(territories.findById(world.territoryId()).orElseThrow().getDeskQuietFor()).isEqualTo(Duration.ofHours(48));
        fixtures.infoJeunes(world.b());
        mvc.perform(post("/console/conversations/horaires").with(user(world.b().professional())).with(csrf())
                .param("hours", "lun 10:00-11:00").param("quietHours", "1")).andExpect(status().isNotFound());
    }

    private List<String> audit(String subject) {
        return mongo.getCollection("console_audit_log").find(new Document("subjectId", subject))
                .sort(new Document("at", 1)).into(new ArrayList<>()).stream().map(d -> d.getString("action")).toList();
    }
}
