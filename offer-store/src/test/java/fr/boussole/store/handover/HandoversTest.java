package fr.boussole.store.handover;

import fr.boussole.core.handover.Handovers;
import fr.boussole.core.handover.OfficeHours;
import fr.boussole.core.handover.PersonDesk;
import fr.boussole.core.handover.PersonInput;
import fr.boussole.core.message.Channel;
import fr.boussole.core.message.ConversationKey;
import fr.boussole.core.rights.DataSubject;
import fr.boussole.core.rights.Footprint;
import fr.boussole.core.rights.PersonalDataHolder;
import fr.boussole.store.StoreIntegrationTest;
import fr.boussole.store.organisation.Competence;
import fr.boussole.store.organisation.Organisation;
import fr.boussole.store.organisation.OrganisationContact;
import fr.boussole.store.organisation.OrganisationType;
import fr.boussole.store.organisation.Organisations;
import fr.boussole.store.organisation.ScopeLevel;
import fr.boussole.store.directory.StoreTerritoryDirectory;
import fr.boussole.store.territory.Territories;
import fr.boussole.store.territory.Territory;
import fr.boussole.store.territory.TerritoryStatus;
import fr.boussole.testing.RecordingInbox;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Conversations handed to a person: recorded once per asking message, one open per conversation,
 * the address sealed at rest, acts of a person through the conversation's inbox, erased with their
 * conversation; and the desk of a territory.
 */
class HandoversTest extends StoreIntegrationTest {

    private static final ConversationKey YOUNG = new ConversationKey(Channel.SMS, "+33611223344");
    private static final Instant T0 = Instant.parse("2026-03-02T08:00:00Z");

    @Autowired
    Handovers handovers;
    @Autowired
    HandoverRecords records;
    @Autowired
    HandoverInbox inbox;
    @Autowired
    RecordingInbox messages;
    @Autowired
    List<PersonalDataHolder> holders;
    @Autowired
    Territories territories;
    @Autowired
    Organisations organisations;
    @Autowired
    StoreTerritoryDirectory directory;

    @BeforeEach
    void clean() {
        records.deleteAll();
        messages.clear();
        clock.set(T0);
    }

    @Test
    void one_handover_per_asking_message_and_one_open_per_conversation() {
        handovers.requested("ho_1", YOUNG, "te_a", "asked", T0);
        handovers.requested("ho_1", YOUNG, "te_a", "asked", T0); // replayed after a crash
        handovers.requested("ho_2", YOUNG, "te_a", "not-understood", T0.plusSeconds(600));

        assertThat(records.findAll()).hasSize(2);
        assertThat(records.findById("ho_1").orElseThrow().getStatus()).isEqualTo(HandoverStatus.ENDED);
        assertThat(records.findById("ho_1").orElseThrow().getEndReason()).isEqualTo("replaced");
        assertThat(records.findById("ho_2").orElseThrow().getStatus()).isEqualTo(HandoverStatus.WAITING);
    }

    @Test
    void the_conversation_address_is_sealed_at_rest_and_found_by_its_lookup_key() {
        handovers.requested("ho_3", YOUNG, "te_a", "asked", T0);

        String stored = mongo.getCollection("handovers").find().into(new ArrayList<>()).toString();
        assertThat(stored).doesNotContain("+33611223344").doesNotContain("611223344");
        assertThat(records.findById("ho_3").orElseThrow().conversation()).isEqualTo(YOUNG);
    }

    @Test
    void the_young_persons_messages_mark_it_unread_and_the_bot_ends_it() {
        handovers.requested("ho_4", YOUNG, "te_a", "asked", T0);
        inbox.read("ho_4");
        handovers.heard(YOUNG, T0.plusSeconds(60));
        assertThat(records.findById("ho_4").orElseThrow().isUnread()).isTrue();
        assertThat(records.findById("ho_4").orElseThrow().getLastYoungMessageAt()).isEqualTo(T0.plusSeconds(60));

        handovers.ended(YOUNG, "quiet-time", T0.plusSeconds(120));
        Handover ended = records.findById("ho_4").orElseThrow();
        assertThat(ended.getStatus()).isEqualTo(HandoverStatus.ENDED);
        assertThat(ended.getEndReason()).isEqualTo("quiet-time");
        assertThatThrownBy(() -> inbox.reply("ho_4", "ac_1", "Camille", "Bonjour", "in_1")).isInstanceOf(IllegalStateException.class);
        assertThat(messages.accepted()).isEmpty();
    }

    @Test
    void a_persons_acts_go_to_the_conversations_inbox_once_each() {
        handovers.requested("ho_5", YOUNG, "te_a", "asked", T0);

        inbox.take("ho_5", "ac_1", "Camille");
        inbox.take("ho_5", "ac_1", "Camille");
        inbox.reply("ho_5", "ac_1", "Camille", "Bonjour !", "in_1");
        inbox.reply("ho_5", "ac_1", "Camille", "Bonjour !", "in_1");
        inbox.handBack("ho_5", "Camille");

        assertThat(messages.accepted()).extracting(m -> PersonInput.in(m).orElseThrow().kind())
                .containsExactly(PersonInput.Kind.TAKEN, PersonInput.Kind.REPLY, PersonInput.Kind.RETURNED);
        assertThat(messages.accepted()).allSatisfy(m -> assertThat(m.conversation()).isEqualTo(YOUNG));
        Handover done = records.findById("ho_5").orElseThrow();
        assertThat(done.getTakenByName()).isEqualTo("Camille");
        assertThat(done.getLastPersonMessageAt()).isNotNull();
        assertThat(done.getEndReason()).isEqualTo("returned");
    }

    @Test
    void erased_with_their_conversation_and_exported_to_the_young_person() {
        handovers.requested("ho_6", YOUNG, "te_a", "asked", T0);
        var footprint = new Footprint(new DataSubject.Phone("+33611223344"), Set.of(YOUNG));

        assertThat(holders.stream().flatMap(h -> h.export(footprint).stream()))
                .anySatisfy(r -> assertThat(r.kind()).isEqualTo("handover"));
        holders.forEach(h -> h.erase(footprint, T0));

        assertThat(records.findAll()).isEmpty();
    }

    @Test
    void a_territorys_desk_is_its_info_jeunes_with_its_hours_or_the_defaults() {
        Territory territory = new Territory("te_desk", "Boussole du Quercy", TerritoryStatus.OPEN);
        territories.save(territory);
        assertThat(directory.personDesk("te_desk")).hasValueSatisfying(desk -> {
            assertThat(desk.name()).isEqualTo("Boussole du Quercy");
            assertThat(desk.hours()).isEqualTo(OfficeHours.DEFAULT);
            assertThat(desk.quietFor()).isEqualTo(PersonDesk.DEFAULT_QUIET_FOR);
        });

        Organisation pij = new Organisation("or_pij_desk", "Point Info Jeunes du Quercy", OrganisationType.INFO_JEUNES,
                new Competence(ScopeLevel.TERRITORY, List.of("te_desk")));
        pij.setTerritoryId("te_desk");
        pij.setContacts(List.of(new OrganisationContact("Accueil", "accueil", "05 65 00 00 09", "pij@quercy.test", false)));
        organisations.save(pij);
        territory.setDeskHours("lun-ven 10:00-16:00");
        territory.setDeskQuietFor(Duration.ofHours(48));
        territories.save(territory);

        assertThat(directory.personDesk("te_desk")).hasValueSatisfying(desk -> {
            assertThat(desk.name()).isEqualTo("Point Info Jeunes du Quercy");
            assertThat(desk.hours().text()).startsWith("lun 10:00-16:00");
            assertThat(desk.quietFor()).isEqualTo(Duration.ofHours(48));
        });
        assertThat(directory.infoJeunesIn("te_desk", "46042")).hasValueSatisfying(contact ->
                assertThat(contact.phone()).isEqualTo("05 65 00 00 09"));

        territory.setStatus(TerritoryStatus.IN_PREPARATION);
        territories.save(territory);
        assertThat(directory.personDesk("te_desk")).isEmpty();
    }

}
