package fr.boussole.core.privacy;

import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * Where a sealed value lives: its collection, its document's id and its field (a dotted path, without
 * array positions: {@code answers.values} for every value of every answer). It is the value's
 * <em>associated data</em>: authenticated with it but not stored in it, so that a value copied into
 * another document or another field — by someone who can write to the store but holds no key — no
 * longer opens, instead of being revealed there.
 *
 * @param collection the collection
 * @param documentId the document's {@code _id} as a string
 * @param field      the field's dotted path
 */
public record SealedField(String collection, String documentId, String field) {

    private static final String VERSION = "boussole-sealed-field-v1";

    public SealedField {
        Objects.requireNonNull(collection, "collection");
        Objects.requireNonNull(documentId, "documentId");
        Objects.requireNonNull(field, "field");
    }

    public static SealedField of(String collection, Object documentId, String field) {
        return new SealedField(collection, String.valueOf(documentId), field);
    }

    /** The same document, another field. */
    public SealedField field(String other) {
        return new SealedField(collection, documentId, other);
    }

    /** The bytes authenticated with the value: unambiguous (NUL-separated, and none of the parts holds a NUL). */
    byte[] associatedData() {
        if ((collection + documentId + field).indexOf('\u0000') >= 0) {
            throw new IllegalArgumentException("a sealed field's place holds a NUL character");
        }
        return String.join("\u0000", VERSION, collection, documentId, field).getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public String toString() {
        return collection + "/" + field; // never the id: it may derive from an address
    }
}
