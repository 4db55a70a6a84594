package fr.boussole.store.rights;

import fr.boussole.core.message.ConversationKey;
import fr.boussole.core.privacy.PersonalData;
import fr.boussole.core.rights.Footprint;
import fr.boussole.core.rights.HeldRecord;
import fr.boussole.core.rights.PersonalDataHolder;
import fr.boussole.store.handover.Handover;
import fr.boussole.store.handover.HandoverRecords;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Conversations handed to a person, as personal data: they name a conversation (its address sealed).
 * They go with their conversation, whoever erases it (the young person by message, an animateur, the
 * idle conversations' retention): the transcript they pointed to is gone then too.
 */
@Component
class HandoverData implements PersonalDataHolder {

    static final String KIND = "handover";

    private final HandoverRecords records;
    private final PersonalData personalData;

    HandoverData(HandoverRecords records, PersonalData personalData) {
        this.records = records;
        this.personalData = personalData;
    }

    @Override
    public List<HeldRecord> export(Footprint footprint) {
        return matching(footprint).stream().map(h -> HeldRecord.of(KIND)
                .with("id", h.getId())
                .with("channel", h.getChannel().id())
                .with("conversationAddress", h.getConversationAddress())
                .with("createdAt", h.getOpenedAt())
                .with("status", h.getStatus())
                .with("answeredBy", h.getTakenByName())
                .with("closedAt", h.getEndedAt())
                .build()).toList();
    }

    @Override
    public Map<String, Integer> erase(Footprint footprint, Instant now) {
        List<Handover> matching = matching(footprint);
        records.deleteAll(matching);
        return Map.of(KIND, matching.size());
    }

    private List<Handover> matching(Footprint footprint) {
        List<Handover> found = new ArrayList<>();
        for (ConversationKey key : footprint.conversations()) {
            found.addAll(records.findByConversationLookup(personalData.lookupKey(key.channel(), key.address())));
        }
        return found;
    }
}
