package fr.boussole.core.rights;

import fr.boussole.core.message.Channel;
import fr.boussole.core.message.ConversationKey;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The eraser asks every holder, with one footprint: a person's phone reaches their SMS and WhatsApp
 * conversations and the ones where they left it as a contact; a conversation erased alone reaches
 * only itself. Fails if a holder is skipped or the footprint misses a conversation.
 */
class DataRightsTest {

    static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");
    static final ConversationKey WEB = new ConversationKey(Channel.WEB, "session-of-lea-0001");

    /** A holder that knows the web session where the phone was left, and records what it is asked. */
    static final class Recording implements PersonalDataHolder {
        final List<Footprint> erased = new ArrayList<>();

        @Override
        public Set<ConversationKey> conversationsOf(DataSubject subject) {
            return subject.equals(new DataSubject.Phone("+33612345678")) ? Set.of(WEB) : Set.of();
        }

        @Override
        public List<HeldRecord> export(Footprint footprint) {
            return footprint.conversations().stream()
                    .map(key -> HeldRecord.of("conversation").with("address", key.address()).build()).toList();
        }

        @Override
        public Map<String, Integer> erase(Footprint footprint, Instant now) {
            erased.add(footprint);
            return Map.of("conversation", footprint.conversations().size());
        }
    }

    @Test
    void a_phone_reaches_its_sms_and_whatsapp_conversations_and_where_it_was_left_in_every_holder() {
        Recording first = new Recording();
        Recording second = new Recording();
        DataRights rights = new DataRights(List.of(first, second));

        Map<String, Integer> erased = rights.erase(new DataSubject.Phone("+33612345678"), NOW);

        Set<ConversationKey> expected = Set.of(new ConversationKey(Channel.SMS, "+33612345678"),
                new ConversationKey(Channel.WHATSAPP, "+33612345678"), WEB);
        assertThat(first.erased).singleElement().satisfies(f -> assertThat(f.conversations()).isEqualTo(expected));
        assertThat(second.erased).singleElement().satisfies(f -> assertThat(f.forgetsAddresses()).isTrue());
        assertThat(erased).containsEntry("conversation", 6);
        assertThat(rights.counts(new DataSubject.Phone("+33612345678"))).containsEntry("conversation", 6);
    }

    @Test
    void a_young_person_erasing_by_message_reaches_only_their_conversation_up_to_that_message() {
        Recording holder = new Recording();
        DataRights rights = new DataRights(List.of(holder));

        rights.erase(new DataSubject.Writer(WEB, 7), NOW);

        assertThat(holder.erased).singleElement().satisfies(f -> {
            assertThat(f.conversations()).containsExactly(WEB);
            assertThat(f.throughMessage()).isEqualTo(7);
            assertThat(f.forgetsAddresses()).isFalse();
        });
    }

    @Test
    void an_email_reaches_only_where_it_was_left() {
        Recording holder = new Recording();
        assertThat(new DataRights(List.of(holder)).footprint(new DataSubject.Email("lea@example.org")).conversations()).isEmpty();
    }

    /**
     * Fails if a scope reaches records of another territory: a conversation belongs to the territory it
     * reached, else to that of a request made from it, its messages with it; one that reached none belongs
     * to no territory, which only the national scope covers.
     */
    @Test
    void a_territory_scope_holds_its_conversations_their_messages_and_its_requests_and_counts_the_rest() {
        ConversationKey sms = new ConversationKey(Channel.SMS, "+33612345678");
        ConversationKey whatsapp = new ConversationKey(Channel.WHATSAPP, "+33612345678");
        PersonalDataHolder holder = new PersonalDataHolder() {
            @Override
            public Set<ConversationKey> conversationsOf(DataSubject subject) {
                return Set.of(WEB);
            }

            @Override
            public List<HeldRecord> export(Footprint footprint) {
                List<HeldRecord> all = new ArrayList<>();
                for (ConversationKey key : footprint.conversations()) {
                    // SMS reached the Lot; the web chat reached nothing, but a Figeac request came from it
                    String territory = key.equals(sms) ? "te_lot" : null;
                    all.add(HeldRecord.of("conversation").conversation(key).territory(territory).build());
                    all.add(HeldRecord.of("inbound-message").conversation(key).build());
                }
                all.add(HeldRecord.of("contact-request").conversation(WEB).territory("te_figeac").build());
                return all;
            }

            @Override
            public Map<String, Integer> erase(Footprint footprint, Instant now) {
                erasedFootprints.add(footprint);
                return Map.of();
            }
        };
        DataRights rights = new DataRights(List.of(holder));
        DataSubject phone = new DataSubject.Phone("+33612345678");

        Held lot = rights.held(phone, RightsScope.territory("te_lot"));
        assertThat(lot.counts()).containsEntry("conversation", 1).containsEntry("inbound-message", 1).hasSize(2);
        assertThat(lot.elsewhere()).containsEntry("te_figeac", 3).containsEntry(Held.NO_TERRITORY, 2);
        assertThat(rights.held(phone, RightsScope.territory("te_figeac")).counts())
                .containsEntry("conversation", 1).containsEntry("inbound-message", 1).containsEntry("contact-request", 1);
        assertThat(rights.held(phone, RightsScope.NATIONAL).elsewhere()).isEmpty();

        rights.erase(phone, RightsScope.territory("te_lot"), NOW);
        assertThat(erasedFootprints).singleElement().satisfies(f -> {
            assertThat(f.conversations()).containsExactly(sms);
            assertThat(f.covers("te_lot")).isTrue();
            assertThat(f.covers("te_figeac")).isFalse();
            assertThat(f.covers(null)).isFalse();
        });
        assertThat(whatsapp).isNotIn(erasedFootprints.getFirst().conversations());
    }

    final List<Footprint> erasedFootprints = new ArrayList<>();
}
