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
}
