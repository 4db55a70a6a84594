package fr.boussole.core.privacy;

import fr.boussole.core.message.Channel;
import fr.boussole.core.message.ConversationKey;
import java.nio.charset.StandardCharsets;

/**
 * The one way personal data (phone numbers, emails, chat ids, texts, answers) goes to the store and
 * back: {@link #seal} before writing, {@link #open} after reading, each bound to the value's place
 * ({@link SealedField}), and {@link #lookupKey} for the fields that are searched, which hold a keyed
 * hash of the normalised value instead of the value.
 *
 * <p>To find what is held about a phone number or an email, compute {@link #lookupKey(String)} once
 * and match it against the lookup fields, or {@link #conversationRef} for the conversation
 * documents of a channel (see docs/privacy.md for each collection).
 */
public final class PersonalData {

    private final KeyRing keys;
    private final LookupKey lookup;

    public PersonalData(KeyRing keys, LookupKey lookup) {
        this.keys = keys;
        this.lookup = lookup;
    }

    /** Fresh random keys: the embedded store's first start, and tests. */
    public static PersonalData generate() {
        return new PersonalData(KeyRing.parse(KeyRing.newKeySetting("k1")), LookupKey.parse(LookupKey.newKeySetting()));
    }

    public KeyRing keys() {
        return keys;
    }

    /** The sealed form of a text, bound to its place; null stays null (an absent field tells nothing). */
    public String seal(String clear, SealedField where) {
        return clear == null ? null : keys.seal(clear.getBytes(StandardCharsets.UTF_8), where);
    }

    /** @throws SealingException when the value was altered, moved from another place, or its key is not in the ring */
    public String open(String sealed, SealedField where) {
        return sealed == null ? null : new String(keys.open(sealed, where), StandardCharsets.UTF_8);
    }

    public String sealBytes(byte[] clear, SealedField where) {
        return keys.seal(clear, where);
    }

    public byte[] openBytes(String sealed, SealedField where) {
        return keys.open(sealed, where);
    }

    /**
     * The same value sealed under the current key and bound to its place; unchanged when it already is
     * (re-sealing is idempotent).
     */
    public String reseal(String sealed, SealedField where) {
        return sealed == null || keys.isCurrent(sealed) ? sealed : keys.seal(keys.open(sealed, where), where);
    }

    /**
     * The lookup key of a contact address as a young person may type it: a phone number in any usual
     * French or E.164 form, or an email in any case.
     */
    public String lookupKey(String contact) {
        return contact == null ? null : lookup.hash(Normalisation.contact(contact));
    }

    /** The lookup key of a conversation's address: phone numbers normalised, chat and session ids as they are. */
    public String lookupKey(Channel channel, String address) {
        return address == null ? null : lookup.hash(Normalisation.address(channel, address));
    }

    /** The lookup key of an identifier taken exactly as it is (a chat id, a composite key). */
    public String lookupKeyOfId(String id) {
        return id == null ? null : lookup.hash(id);
    }

    /**
     * How the store names a conversation: {@code channel:lookupKey(address)}. The id of its
     * conversation document, and the {@code conversation} field of its inbound messages and outbox entries.
     */
    public String conversationRef(ConversationKey key) {
        return key.channel().id() + ":" + lookupKey(key.channel(), key.address());
    }
}
