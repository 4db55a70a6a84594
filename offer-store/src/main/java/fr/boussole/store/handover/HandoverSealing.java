package fr.boussole.store.handover;

import fr.boussole.core.message.Channel;
import fr.boussole.core.privacy.PersonalData;
import fr.boussole.core.privacy.SealedField;
import org.bson.Document;
import org.springframework.data.mongodb.core.mapping.event.AbstractMongoEventListener;
import org.springframework.data.mongodb.core.mapping.event.AfterLoadEvent;
import org.springframework.data.mongodb.core.mapping.event.BeforeSaveEvent;
import org.springframework.stereotype.Component;

import java.util.Locale;

/**
 * Seals a handover's conversation address in the stored document and opens it when read, and keeps
 * its lookup key, by which an erasure and the pipeline's events find it.
 */
@Component
class HandoverSealing extends AbstractMongoEventListener<Handover> {

    static final String COLLECTION = "handovers";

    private final PersonalData personalData;

    HandoverSealing(PersonalData personalData) {
        this.personalData = personalData;
    }

    @Override
    public void onBeforeSave(BeforeSaveEvent<Handover> event) {
        Document doc = event.getDocument();
        if (doc == null || !(doc.get("conversationAddress") instanceof String address)) {
            return;
        }
        Channel channel = Channel.valueOf(doc.getString("channel").toUpperCase(Locale.ROOT));
        doc.put("conversationLookup", personalData.lookupKey(channel, address));
        doc.put("conversationAddress", personalData.seal(address, place(doc)));
    }

    /** Bound to its place, so that the sealed address opens in no other document or field. */
    private static SealedField place(Document doc) {
        Object id = doc.get("_id");
        if (id == null) {
            throw new IllegalStateException("a handover is sealed once it has its id");
        }
        return SealedField.of(COLLECTION, id, "conversationAddress");
    }

    @Override
    public void onAfterLoad(AfterLoadEvent<Handover> event) {
        Document doc = event.getDocument();
        if (doc != null && doc.get("conversationAddress") instanceof String sealed) {
            doc.put("conversationAddress", personalData.open(sealed, place(doc)));
        }
    }
}
