package fr.boussole.pipeline.sealed;

import com.mongodb.MongoClientSettings;
import fr.boussole.core.privacy.PersonalData;
import fr.boussole.core.privacy.SealedField;
import org.bson.ByteBuf;
import org.bson.Document;
import org.bson.RawBsonDocument;
import org.bson.codecs.DocumentCodec;
import org.springframework.stereotype.Component;

/**
 * A sub-document that nothing queries inside (a conversation's state, a turn's events, a payload)
 * stored as one sealed value: its BSON bytes, so that it reads back with the same types.
 */
@Component
public class SealedDocuments {

    private static final DocumentCodec CODEC = new DocumentCodec(MongoClientSettings.getDefaultCodecRegistry());

    private final PersonalData personalData;

    public SealedDocuments(PersonalData personalData) {
        this.personalData = personalData;
    }

    /** The document as one sealed value, bound to its place ({@code where}). */
    public String seal(Document document, SealedField where) {
        ByteBuf buffer = new RawBsonDocument(document, CODEC).getByteBuffer();
        byte[] bytes = new byte[buffer.remaining()];
        buffer.get(bytes);
        return personalData.sealBytes(bytes, where);
    }

    /**
     * @throws fr.boussole.core.privacy.SealingException when altered, moved from another place, or sealed under
     *                                                   a key no longer given
     */
    public Document open(String sealed, SealedField where) {
        return new RawBsonDocument(personalData.openBytes(sealed, where)).decode(CODEC);
    }

    public PersonalData personalData() {
        return personalData;
    }
}
