package fr.boussole.channels.twilio.whatsapp;

import fr.boussole.channels.twilio.TwilioAnswer;
import fr.boussole.channels.twilio.TwilioApi;
import fr.boussole.core.ids.Ids;
import java.time.Clock;
import java.util.Date;
import org.bson.Document;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.context.annotation.Conditional;
import org.springframework.stereotype.Component;
import fr.boussole.channels.twilio.TwilioConfigured;

/**
 * WhatsApp rich messages are contents created once through Twilio's Content API and then sent by their
 * SID. The SIDs are kept in MongoDB under the hash of their definition, so that every instance reuses
 * them and the same buttons are never created twice (up to a race between two instances, harmless).
 */
@Component
@Conditional(TwilioConfigured.class)
public class ContentTemplates {

    static final String COLLECTION = "whatsapp_contents";

    private final MongoTemplate mongo;
    private final TwilioApi twilio;
    private final Clock clock;

    ContentTemplates(MongoTemplate mongo, TwilioApi twilio, Clock clock) {
        this.mongo = mongo;
        this.twilio = twilio;
        this.clock = clock;
    }

    /** The content's SID, creating it if needed; a refusal is returned as Twilio gave it. */
    public TwilioAnswer sidFor(String definitionWithoutName) {
        String key = Ids.derived("ct", definitionWithoutName);
        Document cached = mongo.findById(key, Document.class, COLLECTION);
        if (cached != null) {
            return new TwilioAnswer.Created(cached.getString("sid"));
        }
        String definition = definitionWithoutName.replaceFirst("^\\{", "{\"friendly_name\":\"boussole_" + key + "\",");
        TwilioAnswer answer = twilio.createContent(definition);
        if (answer instanceof TwilioAnswer.Created created) {
            try {
                mongo.insert(new Document("_id", key).append("sid", created.sid()).append("createdAt", Date.from(clock.instant())), COLLECTION);
            } catch (DuplicateKeyException e) {
                // another instance created the same content meanwhile: either SID works
            }
        }
        return answer;
    }
}
