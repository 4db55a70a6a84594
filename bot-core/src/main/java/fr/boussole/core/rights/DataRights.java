package fr.boussole.core.rights;

import fr.boussole.core.message.Channel;
import fr.boussole.core.message.ConversationKey;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
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

    /** The kind of a conversation's own record, whose territory is the conversation's. */
    public static final String CONVERSATION_KIND = "conversation";

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

    /** Everything held about the subject, every holder's records in turn, whatever their territory. */
    public List<HeldRecord> export(DataSubject subject) {
        return held(subject, RightsScope.NATIONAL).records();
    }

    /**
     * What is held about the subject as seen from {@code scope}: the records in it, and how many each
     * other territory holds. A record's territory is its own (a request's) or its conversation's: the
     * territory the conversation reached, else that of a request made from it; a record of neither is of
     * no territory, and only a national scope covers it.
     */
    public Held held(DataSubject subject, RightsScope scope) {
        return held(all(footprint(subject)), scope);
    }

    /** How many records of each kind are held about the subject, in any territory. */
    public Map<String, Integer> counts(DataSubject subject) {
        return held(subject, RightsScope.NATIONAL).counts();
    }

    /** Erases the subject from every holder; returns how many records of each kind went. */
    public Map<String, Integer> erase(DataSubject subject, Instant now) {
        return erase(subject, RightsScope.NATIONAL, now);
    }

    /**
     * Erases what is held about the subject within {@code scope}: the conversations of the scope's
     * territory and the requests it holds; the rest stays for the territory that holds it.
     */
    public Map<String, Integer> erase(DataSubject subject, RightsScope scope, Instant now) {
        Footprint whole = footprint(subject);
        Footprint scoped = whole;
        if (!(scope instanceof RightsScope.National)) {
            Map<ConversationKey, String> territories = conversationTerritories(all(whole));
            Set<ConversationKey> within = new LinkedHashSet<>();
            for (ConversationKey key : whole.conversations()) {
                if (scope.covers(territories.get(key))) {
                    within.add(key);
                }
            }
            scoped = new Footprint(subject, within, scope);
        }
        Map<String, Integer> erased = new LinkedHashMap<>();
        Footprint footprint = scoped;
        holders.forEach(holder -> holder.erase(footprint, now).forEach((kind, n) -> erased.merge(kind, n, Integer::sum)));
        return erased;
    }

    private List<HeldRecord> all(Footprint footprint) {
        List<HeldRecord> all = new ArrayList<>();
        holders.forEach(holder -> all.addAll(holder.export(footprint)));
        return all;
    }

    private static Held held(List<HeldRecord> all, RightsScope scope) {
        Map<ConversationKey, String> territories = conversationTerritories(all);
        List<HeldRecord> records = new ArrayList<>();
        Map<String, Integer> counts = new TreeMap<>();
        Map<String, Integer> elsewhere = new TreeMap<>();
        Set<String> touched = new LinkedHashSet<>();
        for (HeldRecord record : all) {
            String territory = record.territory() != null ? record.territory()
                    : record.conversation() == null ? null : territories.get(record.conversation());
            if (scope.covers(territory)) {
                records.add(record);
                counts.merge(record.kind(), 1, Integer::sum);
                touched.add(territory == null ? Held.NO_TERRITORY : territory);
            } else {
                elsewhere.merge(territory == null ? Held.NO_TERRITORY : territory, 1, Integer::sum);
            }
        }
        return new Held(records, counts, elsewhere, touched);
    }

    /**
     * The territory of each conversation: the one its own record names (the territory it reached), else
     * the first named by a record of it (a request made from it).
     */
    private static Map<ConversationKey, String> conversationTerritories(List<HeldRecord> all) {
        Map<ConversationKey, String> territories = new HashMap<>();
        for (HeldRecord record : all) {
            if (record.conversation() != null && record.territory() != null && CONVERSATION_KIND.equals(record.kind())) {
                territories.put(record.conversation(), record.territory());
            }
        }
        for (HeldRecord record : all) {
            if (record.conversation() != null && record.territory() != null) {
                territories.putIfAbsent(record.conversation(), record.territory());
            }
        }
        return territories;
    }
}
