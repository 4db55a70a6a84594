package fr.boussole.store.request;

import fr.boussole.core.message.Channel;
import fr.boussole.core.privacy.PersonalData;
import java.util.List;
import java.util.Locale;
import java.util.function.BiFunction;
import fr.boussole.core.privacy.SealedField;
import org.bson.Document;
import org.springframework.data.mongodb.core.mapping.event.AbstractMongoEventListener;
import org.springframework.data.mongodb.core.mapping.event.AfterLoadEvent;
import org.springframework.data.mongodb.core.mapping.event.BeforeSaveEvent;
import org.springframework.stereotype.Component;

/**
 * Seals a contact request's personal fields in the stored document and opens them when it is read,
 * so that the aggregate and the console work with clear values and the store holds none: the
 * addresses, the consent text (which quotes the contact), the answers' values and labels (free text
 * among them), and the professionals' comments. Works on the mapped document, after it is written
 * from the entity and before it is read into one. The two addresses get lookup fields
 * ({@code contactLookup}, {@code conversationLookup}) so that a data subject's requests can be found.
 */
@Component
class ContactRequestSealing extends AbstractMongoEventListener<ContactRequest> {

    static final String COLLECTION = "contactRequests";

    private final PersonalData personalData;

    ContactRequestSealing(PersonalData personalData) {
        this.personalData = personalData;
    }

    @Override
    public void onBeforeSave(BeforeSaveEvent<ContactRequest> event) {
        Document doc = event.getDocument();
        if (doc != null) {
            seal(doc, personalData);
        }
    }

    /** Seals the personal fields of a request's document in place and sets its lookup fields. */
    static void seal(Document doc, PersonalData personalData) {
        String contact = doc.getString("contactAddress");
        String conversation = doc.getString("conversationAddress");
        putOrRemove(doc, "contactLookup", personalData.lookupKey(contact));
        Channel channel = doc.getString("channel") == null ? null
                : Channel.valueOf(doc.getString("channel").toUpperCase(Locale.ROOT));
        putOrRemove(doc, "conversationLookup", channel == null || conversation == null ? null
                : personalData.lookupKey(channel, conversation));
        transform(doc, (value, where) -> personalData.seal(value, where));
    }

    @Override
    public void onAfterLoad(AfterLoadEvent<ContactRequest> event) {
        Document doc = event.getDocument();
        if (doc != null) {
            transform(doc, (value, where) -> personalData.open(value, where));
        }
    }

    /**
     * Applies {@code f} (seal or open) to every personal field of the document, in place, each with its
     * place: the collection, the request's id and the field's path ({@code answers.values} for every value
     * of every answer), so that a sealed value opens nowhere else.
     */
    static void transform(Document doc, BiFunction<String, SealedField, String> f) {
        Object id = doc.get("_id");
        if (id == null) {
            throw new IllegalStateException("a contact request is sealed once it has its id");
        }
        SealedField place = SealedField.of(COLLECTION, id, "");
        apply(doc, "contactAddress", place.field("contactAddress"), f);
        apply(doc, "conversationAddress", place.field("conversationAddress"), f);
        apply(doc, "outcomeComment", place.field("outcomeComment"), f);
        if (doc.get("consent") instanceof Document consent) {
            apply(consent, "textShown", place.field("consent.textShown"), f);
        }
        for (Object answer : list(doc.get("answers"))) {
            if (answer instanceof Document a) {
                a.put("values", list(a.get("values")).stream()
                        .map(v -> v == null ? null : f.apply(v.toString(), place.field("answers.values"))).toList());
                a.put("labels", list(a.get("labels")).stream()
                        .map(v -> v == null ? null : f.apply(v.toString(), place.field("answers.labels"))).toList());
            }
        }
        for (Object followUp : list(doc.get("followUps"))) {
            if (followUp instanceof Document d) {
                apply(d, "comment", place.field("followUps.comment"), f);
            }
        }
    }

    private static void apply(Document doc, String field, SealedField where, BiFunction<String, SealedField, String> f) {
        if (doc.get(field) instanceof String value) {
            doc.put(field, f.apply(value, where));
        }
    }

    private static List<?> list(Object value) {
        return value instanceof List<?> list ? list : List.of();
    }

    private static void putOrRemove(Document doc, String field, String value) {
        if (value == null) {
            doc.remove(field);
        } else {
            doc.put(field, value);
        }
    }
}
