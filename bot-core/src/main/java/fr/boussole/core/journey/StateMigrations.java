package fr.boussole.core.journey;

import fr.boussole.core.followup.ContactCheckPrompt;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

import static fr.boussole.core.journey.JourneyStateCodec.integer;
import static fr.boussole.core.journey.JourneyStateCodec.map;
import static fr.boussole.core.journey.JourneyStateCodec.string;

/**
 * Brings a stored state written by an older version up to {@link JourneyStateCodec#VERSION}, one
 * version at a time, on the plain document (as goflow migrates flow definitions). Each migration is
 * kept as long as a stored conversation may still be in that form: conversations are forgotten after
 * their retention period, so a migration may go once every state older than that has been rewritten.
 * <ul>
 *   <li>1 (no {@code v}): a flat map of 22 keys ({@code phase}, {@code step}, {@code age},
 *       {@code communeInsee}, {@code answers} and {@code answerLabels} side by side, the "were you
 *       contacted?" question as its {@code contact-check|…} marker string...).</li>
 *   <li>2: nested documents mirroring {@link JourneyState}: {@code at}, {@code profile},
 *       {@code search} (answers with their labels), {@code request}, {@code check}.</li>
 *   <li>3: the shorter journey of issue 11. The phases {@code WANTS_CONTACT} ("do you want to be
 *       contacted?") became {@code OFFER} (the card with "Oui, contactez-moi"), and
 *       {@code CONTACT_METHOD} / {@code CONTACT_ADDRESS} (how, then which address) became
 *       {@code CONTACT} (the address in one answer), in {@code at}, {@code trail} and {@code resumeAt};
 *       new: {@code urgent}, {@code request.consented}, {@code request.suggestion} (absent = false / none).
 *       A version-2 conversation at the contact step had not consented yet: it is asked after the
 *       address, as before.</li>
 *   <li>4: closing the loop (issue 16). New: {@code news} (news of a request told, waiting for its
 *       answer: {@code told}, {@code consent}, {@code reasks}) and {@code handover} (a person offered or
 *       holding the conversation: {@code stage}, {@code since}, {@code lastActivity}, {@code person},
 *       {@code reason}); absent = none, which is what every version-3 conversation had. Nothing else
 *       changes meaning.</li>
 *   <li>5: questionnaires owned by territories (issue 13). New in {@code search}: {@code questionnaire}
 *       ({@code id}, {@code version}: the version the theme was chosen under, which the journey reads to
 *       the end) and {@code reached} (the questions asked so far in this pass, which the drop-off funnel
 *       counts). A version-4 conversation pinned no version: it goes on with the questionnaire in force
 *       in its territory (the engine pins that one at its next question), and its funnel counts only the
 *       questions reached from then on.</li>
 * </ul>
 */
final class StateMigrations {

    /** Index i migrates version i + 1 to version i + 2. */
    private static final List<UnaryOperator<Map<String, Object>>> STEPS =
            List.of(StateMigrations::v1ToV2, StateMigrations::v2ToV3, StateMigrations::v3ToV4,
                    StateMigrations::v4ToV5);

    /** Version 2 phases that are gone, and the version 3 phase that does their job now. */
    private static final Map<String, String> V3_PHASES = Map.of("WANTS_CONTACT", "OFFER",
            "CONTACT_METHOD", "CONTACT", "CONTACT_ADDRESS", "CONTACT");

    private StateMigrations() {}

    static Map<String, Object> upToDate(Map<String, Object> stored) {
        int version = stored.containsKey(JourneyStateCodec.V) ? integer(stored, JourneyStateCodec.V) : 1;
        if (version > JourneyStateCodec.VERSION) {
            throw new IllegalStateException("conversation state of version " + version + " written by a newer release;"
                    + " this one reads up to " + JourneyStateCodec.VERSION);
        }
        Map<String, Object> doc = stored;
        for (int v = version; v < JourneyStateCodec.VERSION; v++) {
            doc = STEPS.get(v - 1).apply(doc);
        }
        return doc;
    }

    static Map<String, Object> v1ToV2(Map<String, Object> v1) {
        Map<String, Object> v2 = new LinkedHashMap<>();
        v2.put(JourneyStateCodec.V, 2);
        String phase = string(v1, "phase");
        String step = string(v1, "step");
        if (phase != null) {
            v2.put("at", step == null ? phase : phase + ":" + step);
        }
        copy(v1, "reasks", v2, "reasks");
        copy(v1, "candidates", v2, "candidates");
        Map<String, Object> profile = new LinkedHashMap<>();
        copy(v1, "age", profile, "age");
        String insee = string(v1, "communeInsee");
        if (insee != null) {
            String name = string(v1, "communeName");
            profile.put("commune", Map.of("insee", insee, "name", name == null ? insee : name));
        }
        copy(v1, "territoryId", profile, "territory");
        putIf(v2, "profile", profile);
        Map<String, Object> search = new LinkedHashMap<>();
        copy(v1, "theme", search, "theme");
        Map<String, Object> labels = map(v1, "answerLabels");
        Map<String, Object> answers = new LinkedHashMap<>();
        map(v1, "answers").forEach((question, values) -> answers.put(question,
                Map.of("values", values, "labels", labels.getOrDefault(question, values))));
        putIf(search, "answers", answers);
        copy(v1, "page", search, "page");
        putIf(v2, "search", search);
        Map<String, Object> request = new LinkedHashMap<>();
        copy(v1, "offerId", request, "offer");
        String method = string(v1, "contactMethod");
        String address = string(v1, "contactAddress");
        if (method != null && address != null) {
            request.put("contact", Map.of("method", method, "address", address));
        }
        copy(v1, "consentText", request, "consent");
        putIf(v2, "request", request);
        copy(v1, "trail", v2, "trail");
        copy(v1, "resumeAt", v2, "resumeAt");
        ContactCheckPrompt.parse(string(v1, "contactCheck")).ifPresent(prompt -> {
            Map<String, Object> check = new LinkedHashMap<>();
            check.put("request", prompt.requestId());
            if (prompt.organisationName() != null) {
                check.put("organisation", prompt.organisationName());
            }
            if (prompt.offerTitle() != null) {
                check.put("offer", prompt.offerTitle());
            }
            copy(v1, "contactCheckReasks", check, "reasks");
            v2.put("check", check);
        });
        copy(v1, "lastSeen", v2, "lastSeen");
        copy(v1, "optedOut", v2, "optedOut");
        return v2;
    }

    static Map<String, Object> v2ToV3(Map<String, Object> v2) {
        Map<String, Object> v3 = new LinkedHashMap<>(v2);
        v3.put(JourneyStateCodec.V, 3);
        for (String name : List.of("at", "resumeAt")) {
            if (string(v2, name) != null) {
                v3.put(name, v3Position(string(v2, name)));
            }
        }
        if (v2.get("trail") instanceof List<?> trail) {
            List<String> positions = new java.util.ArrayList<>();
            for (Object code : trail) {
                String position = v3Position(String.valueOf(code));
                if (positions.isEmpty() || !positions.getLast().equals(position)) {
                    positions.add(position);
                }
            }
            v3.put("trail", positions);
        }
        return v3;
    }

    static Map<String, Object> v3ToV4(Map<String, Object> v3) {
        Map<String, Object> v4 = new LinkedHashMap<>(v3);
        v4.put(JourneyStateCodec.V, 4);
        v4.remove("news"); // a version 3 never wrote them: whatever sits there is not ours to read
        v4.remove("handover");
        return v4;
    }

    static Map<String, Object> v4ToV5(Map<String, Object> v4) {
        Map<String, Object> v5 = new LinkedHashMap<>(v4);
        v5.put(JourneyStateCodec.V, 5);
        Map<String, Object> search = map(v4, "search");
        if (!search.isEmpty()) {
            Map<String, Object> s = new LinkedHashMap<>(search);
            s.remove("questionnaire"); // a version 4 never wrote them: whatever sits there is not ours to read
            s.remove("reached");
            v5.put("search", s);
        }
        return v5;
    }

    private static String v3Position(String code) {
        int colon = code.indexOf(':');
        String phase = colon < 0 ? code : code.substring(0, colon);
        String renamed = V3_PHASES.get(phase);
        return renamed == null ? code : renamed; // the old steps (telephone, email) meant nothing any more
    }

    private static void copy(Map<String, Object> from, String name, Map<String, Object> to, String as) {
        Object value = from.get(name);
        if (value != null) {
            to.put(as, value);
        }
    }

    private static void putIf(Map<String, Object> doc, String name, Map<String, Object> value) {
        if (!value.isEmpty()) {
            doc.put(name, value);
        }
    }
}
