package fr.boussole.channels.twilio.whatsapp;

import fr.boussole.core.message.Channel;
import fr.boussole.core.message.ConversationKey;
import fr.boussole.core.privacy.PersonalData;
import fr.boussole.core.rights.DataSubject;
import fr.boussole.core.rights.Footprint;
import fr.boussole.core.rights.HeldRecord;
import fr.boussole.core.rights.PersonalDataHolder;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;

/**
 * WhatsApp's service window of a number ({@link ServiceWindows}: its keyed hash, when it last wrote, when a
 * re-engagement template went) as personal data: exported and erased with the number's WhatsApp
 * conversation, through the one eraser. Erased for a person (the animateur, the national team) or an idle
 * conversation: deleted. Asked by message from the WhatsApp conversation itself, the conversation goes on and
 * the bot answers that very message, which WhatsApp lets go as a free message only inside the window: what
 * it knows of the past goes (the template sent), when the young person last wrote stays (that is the message
 * that asked, or a later one). Present whether or not Twilio is configured: windows stored while it was are
 * still erased.
 */
@Component
class ServiceWindowData implements PersonalDataHolder {

    static final String KIND = "whatsapp-window";

    private final MongoTemplate mongo;
    private final PersonalData personalData;

    ServiceWindowData(MongoTemplate mongo, PersonalData personalData) {
        this.mongo = mongo;
        this.personalData = personalData;
    }

    @Override
    public List<HeldRecord> export(Footprint footprint) {
        List<HeldRecord> records = new ArrayList<>();
        for (ConversationKey key : whatsApp(footprint)) {
            Document window = mongo.findById(id(key), Document.class, ServiceWindows.COLLECTION);
            if (window != null) {
                records.add(HeldRecord.of(KIND).conversation(key).with("address", key.address())
                        .with("lastInboundAt", instant(window.get("lastInboundAt")))
                        .with("reengagedAt", instant(window.get("reengagedAt"))).build());
            }
        }
        return records;
    }

    @Override
    public Map<String, Integer> erase(Footprint footprint, Instant now) {
        int erased = 0;
        for (ConversationKey key : whatsApp(footprint)) {
            Query byId = Query.query(Criteria.where("_id").is(id(key)));
            switch (footprint.subject()) {
                case DataSubject.Writer ignored -> erased += (int) mongo.updateFirst(byId, new Update().unset("reengagedAt"),
                        ServiceWindows.COLLECTION).getModifiedCount();
                case DataSubject.Idle idle -> {
                    // not if the number wrote since the conversation was found idle: it is no longer
                    Document window = mongo.findById(id(key), Document.class, ServiceWindows.COLLECTION);
                    if (window != null && before(window.get("lastInboundAt"), idle.lastActiveBefore())
                            && before(window.get("reengagedAt"), idle.lastActiveBefore())) {
                        erased += (int) mongo.remove(byId, ServiceWindows.COLLECTION).getDeletedCount();
                    }
                }
                default -> erased += (int) mongo.remove(byId, ServiceWindows.COLLECTION).getDeletedCount();
            }
        }
        return erased == 0 ? Map.of() : Map.of(KIND, erased);
    }

    private static List<ConversationKey> whatsApp(Footprint footprint) {
        return footprint.conversations().stream().filter(key -> key.channel() == Channel.WHATSAPP).toList();
    }

    private String id(ConversationKey key) {
        return ServiceWindows.idOf(personalData, key.address());
    }

    private static boolean before(Object value, Instant limit) {
        return !(value instanceof Date date) || date.toInstant().isBefore(limit);
    }

    private static Instant instant(Object value) {
        return value instanceof Date date ? date.toInstant() : null;
    }
}
