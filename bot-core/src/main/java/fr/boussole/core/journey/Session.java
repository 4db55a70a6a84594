package fr.boussole.core.journey;

import fr.boussole.core.conversation.ConversationState;
import fr.boussole.core.message.ConversationKey;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A working copy of a conversation's state during one turn, with typed accessors. The stored form
 * holds only strings, numbers, booleans, lists and maps; numbers are read as {@link Number} because
 * a document store may give back a Long or a Double for what was written as an int.
 */
final class Session {

    private static final String PHASE = "phase";
    private static final String STEP = "step";
    private static final String LAST_SEEN = "lastSeen";
    private static final String OPTED_OUT = "optedOut";
    private static final String REASKS = "reasks";
    private static final String AGE = "age";
    private static final String COMMUNE_INSEE = "communeInsee";
    private static final String COMMUNE_NAME = "communeName";
    private static final String TERRITORY = "territoryId";
    private static final String THEME = "theme";
    private static final String ANSWERS = "answers";
    private static final String ANSWER_LABELS = "answerLabels";
    private static final String CANDIDATES = "candidates";
    private static final String PAGE = "page";
    private static final String OFFER = "offerId";
    private static final String CONTACT_METHOD = "contactMethod";
    private static final String CONTACT_ADDRESS = "contactAddress";
    private static final String CONSENT_TEXT = "consentText";
    private static final String TRAIL = "trail";
    private static final String RESUME_AT = "resumeAt";
    private static final String CHECK = "contactCheck";
    private static final String CHECK_REASKS = "contactCheckReasks";

    private final ConversationKey key;
    private final Map<String, Object> values;

    private Session(ConversationKey key, Map<String, Object> values) {
        this.key = key;
        this.values = values;
    }

    static Session of(ConversationState state) {
        return new Session(state.key(), new LinkedHashMap<>(state.values()));
    }

    ConversationState toState() {
        return new ConversationState(key, values);
    }

    ConversationKey key() {
        return key;
    }

    /** Forgets everything: the next message starts afresh. */
    void clear() {
        values.clear();
    }

    /** Forgets the journey but keeps the opt-out flag and the last activity. */
    void restart() {
        Object seen = values.get(LAST_SEEN);
        values.clear();
        if (seen != null) {
            values.put(LAST_SEEN, seen);
        }
    }

    Phase phase() {
        Object phase = values.get(PHASE);
        return phase == null ? Phase.NEW : Phase.valueOf((String) phase);
    }

    void phase(Phase phase) {
        values.put(PHASE, phase.name());
    }

    Optional<String> step() {
        return Optional.ofNullable((String) values.get(STEP));
    }

    void step(String stepId) {
        put(STEP, stepId);
    }

    Optional<Instant> lastSeen() {
        return Optional.ofNullable((String) values.get(LAST_SEEN)).map(Instant::parse);
    }

    void lastSeen(Instant at) {
        values.put(LAST_SEEN, at.toString());
    }

    boolean optedOut() {
        return Boolean.TRUE.equals(values.get(OPTED_OUT));
    }

    void optedOut(boolean optedOut) {
        if (optedOut) {
            values.put(OPTED_OUT, true);
        } else {
            values.remove(OPTED_OUT);
        }
    }

    int reasks() {
        return intOr(REASKS, 0);
    }

    void reasks(int count) {
        if (count == 0) {
            values.remove(REASKS);
        } else {
            values.put(REASKS, count);
        }
    }

    int age() {
        return intOr(AGE, 0);
    }

    void age(int age) {
        values.put(AGE, age);
    }

    String communeInsee() {
        return (String) values.get(COMMUNE_INSEE);
    }

    String communeName() {
        return (String) values.get(COMMUNE_NAME);
    }

    void commune(String insee, String name) {
        put(COMMUNE_INSEE, insee);
        put(COMMUNE_NAME, name);
    }

    String territoryId() {
        return (String) values.get(TERRITORY);
    }

    void territoryId(String id) {
        put(TERRITORY, id);
    }

    String theme() {
        return (String) values.get(THEME);
    }

    void theme(String theme) {
        put(THEME, theme);
    }

    /** Question id to the value ids given, in the order of the questions answered. */
    Map<String, List<String>> answers() {
        return stringLists(ANSWERS);
    }

    Map<String, List<String>> answerLabels() {
        return stringLists(ANSWER_LABELS);
    }

    void answer(String questionId, List<String> valueIds, List<String> labels) {
        Map<String, List<String>> answers = new LinkedHashMap<>(answers());
        Map<String, List<String>> answerLabels = new LinkedHashMap<>(answerLabels());
        answers.put(questionId, List.copyOf(valueIds));
        answerLabels.put(questionId, List.copyOf(labels));
        values.put(ANSWERS, answers);
        values.put(ANSWER_LABELS, answerLabels);
    }

    void clearAnswers() {
        values.remove(ANSWERS);
        values.remove(ANSWER_LABELS);
    }

    /** INSEE codes offered to choose from when a commune was ambiguous. */
    List<String> candidates() {
        return stringList(CANDIDATES);
    }

    void candidates(List<String> insees) {
        if (insees.isEmpty()) {
            values.remove(CANDIDATES);
        } else {
            values.put(CANDIDATES, List.copyOf(insees));
        }
    }

    int page() {
        return intOr(PAGE, 0);
    }

    void page(int page) {
        values.put(PAGE, page);
    }

    String offerId() {
        return (String) values.get(OFFER);
    }

    void offerId(String offerId) {
        put(OFFER, offerId);
    }

    String contactMethod() {
        return (String) values.get(CONTACT_METHOD);
    }

    String contactAddress() {
        return (String) values.get(CONTACT_ADDRESS);
    }

    void contact(String method, String address) {
        put(CONTACT_METHOD, method);
        put(CONTACT_ADDRESS, address);
    }

    String consentText() {
        return (String) values.get(CONSENT_TEXT);
    }

    void consentText(String text) {
        put(CONSENT_TEXT, text);
    }

    /** The positions asked so far, latest last, for "retour". */
    List<String> trail() {
        return stringList(TRAIL);
    }

    void trail(List<String> positions) {
        values.put(TRAIL, List.copyOf(positions));
    }

    Optional<String> resumeAt() {
        return Optional.ofNullable((String) values.get(RESUME_AT));
    }

    void resumeAt(String position) {
        put(RESUME_AT, position);
    }

    /** The "were you contacted?" question waiting for its answer, as its marker; it sits above the phase. */
    Optional<String> contactCheck() {
        return Optional.ofNullable((String) values.get(CHECK));
    }

    void contactCheck(String marker) {
        put(CHECK, marker);
        values.remove(CHECK_REASKS);
    }

    int contactCheckReasks() {
        return intOr(CHECK_REASKS, 0);
    }

    void contactCheckReasks(int count) {
        values.put(CHECK_REASKS, count);
    }

    private void put(String name, Object value) {
        if (value == null) {
            values.remove(name);
        } else {
            values.put(name, value);
        }
    }

    private int intOr(String name, int fallback) {
        Object value = values.get(name);
        return value instanceof Number number ? number.intValue() : fallback;
    }

    @SuppressWarnings("unchecked")
    private List<String> stringList(String name) {
        Object value = values.get(name);
        return value == null ? List.of() : List.copyOf((List<String>) value);
    }

    @SuppressWarnings("unchecked")
    private Map<String, List<String>> stringLists(String name) {
        Object value = values.get(name);
        if (value == null) {
            return Map.of();
        }
        Map<String, List<String>> copy = new LinkedHashMap<>();
        ((Map<String, List<String>>) value).forEach((k, v) -> copy.put(k, List.copyOf(new ArrayList<>(v))));
        return copy;
    }
}
