package fr.boussole.app.privacy;

import fr.boussole.core.privacy.PersonalData;
import fr.boussole.core.privacy.SealedField;
import org.bson.Document;
import org.bson.types.ObjectId;
import org.springframework.data.mongodb.core.MongoTemplate;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import java.nio.ByteBuffer;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/**
 * Turns a store into one written by a version before associated data: every sealed value opened at its
 * place and sealed again the earlier way, AES-GCM without associated data, {@code keyId:base64}. So that a
 * test can run the upgrade (the re-seal) on it.
 */
final class LegacySealing {

    private LegacySealing() {}

    /** @return how many values were rewritten in the earlier form */
    static long unbindEverything(MongoTemplate mongo, PersonalData personalData, String keySetting) throws Exception {
        long count = 0;
        for (String collection : mongo.getCollectionNames()) {
            for (Document doc : mongo.getCollection(collection).find()) {
                Object id = doc.get("_id");
                SealedField place = SealedField.of(collection, id instanceof ObjectId oid ? oid.toHexString() : id, "");
                long[] changed = {0};
                Document copy = new Document();
                for (Map.Entry<String, Object> field : doc.entrySet()) {
                    copy.put(field.getKey(), field.getKey().equals("_id") ? field.getValue()
                            : unbind(field.getValue(), place.field(field.getKey()), personalData, keySetting, changed));
                }
                if (changed[0] > 0) {
                    mongo.getCollection(collection).replaceOne(new Document("_id", id), copy);
                    count += changed[0];
                }
            }
        }
        return count;
    }

    private static Object unbind(Object value, SealedField where, PersonalData personalData, String keySetting, long[] changed)
            throws Exception {
        if (value instanceof String text && personalData.keys().looksSealed(text) && text.contains("!")) {
            changed[0]++;
            return unbound(keySetting, personalData.openBytes(text, where));
        }
        if (value instanceof Document sub) {
            Document copy = new Document();
            for (Map.Entry<String, Object> e : sub.entrySet()) {
                copy.put(e.getKey(), unbind(e.getValue(), where.field(where.field() + "." + e.getKey()), personalData, keySetting, changed));
            }
            return copy;
        }
        if (value instanceof List<?> list) {
            List<Object> copy = new ArrayList<>();
            for (Object v : list) {
                copy.add(unbind(v, where, personalData, keySetting, changed));
            }
            return copy;
        }
        return value;
    }

    private static String unbound(String keySetting, byte[] clear) throws Exception {
        String id = keySetting.substring(0, keySetting.indexOf(':'));
        byte[] key = Base64.getDecoder().decode(keySetting.substring(keySetting.indexOf(':') + 1));
        byte[] nonce = new byte[12];
        new SecureRandom().nextBytes(nonce);
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "AES"), new GCMParameterSpec(128, nonce));
        byte[] sealed = cipher.doFinal(clear);
        return id + ":" + Base64.getEncoder().withoutPadding().encodeToString(
                ByteBuffer.allocate(12 + sealed.length).put(nonce).put(sealed).array());
    }
}
