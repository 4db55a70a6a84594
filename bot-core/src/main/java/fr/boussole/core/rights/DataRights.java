package fr.boussole.core.rights;

import fr.boussole.core.message.Channel;
import fr.boussole.core.message.ConversationKey;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The one way to answer an access or erasure request, whoever asks: the animateur in the console
 * or the young person by message. Finds the subject's footprint across every holder, then has each
 * holder export or erase its part.
 */
public final class DataRights {

    private final List<PersonalDataHolder> holders;

    public DataRights(List<PersonalDataHolder> holders) {
        this.holders = List.copyOf(holders);
    }

    /** The subject and all their conversations: keyed by their phone number, or where they left it as a contact. */
    public Footprint footprint(DataSubject subject) {
        Set<ConversationKey> conversations = new LinkedHashSet<>();
        switch (subject) {
            case DataSubject.Phone phone -> {
                conversations.add(new ConversationKey(Channel.SMS, phone.e164()));
                conversations.add(new ConversationKey(Channel.WHATSAPP, phone.e164()));
            }
            case DataSubject.Writer writer -> conversations.add(writer.conversation());
            case DataSubject.Idle idle -> conversations.add(idle.conversation());
            case DataSubject.Email ignored -> { }
        }
        if (subject.isPerson()) {
            holders.forEach(holder -> conversations.addAll(holder.conversationsOf(subject)));
        }
        return new Footprint(subject, conversations);
    }

    /** Everything held about the subject, every holder's records in turn. */
    public List<HeldRecord> export(DataSubject subject) {
        Footprint footprint = footprint(subject);
        List<HeldRecord> all = new ArrayList<>();
        holders.forEach(holder -> all.addAll(holder.export(footprint)));
        return all;
    }

    /** How many records of each kind are held about the subject (what an animateur sees before erasing). */
    public Map<String, Integer> counts(DataSubject subject) {
        Map<String, Integer> counts = new TreeMap<>();
        export(subject).forEach(record -> counts.merge(record.kind(), 1, Integer::sum));
        return counts;
    }

    /** Erases the subject from every holder; returns how many records of each kind went. */
    public Map<String, Integer> erase(DataSubject subject, Instant now) {
        Footprint footprint = footprint(subject);
        Map<String, Integer> erased = new LinkedHashMap<>();
        holders.forEach(holder -> holder.erase(footprint, now).forEach((kind, n) -> erased.merge(kind, n, Integer::sum)));
        return erased;
    }
}
