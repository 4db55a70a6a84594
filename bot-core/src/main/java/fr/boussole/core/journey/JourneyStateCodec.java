package fr.boussole.core.journey;

import fr.boussole.core.conversation.ContactMethod;
import fr.boussole.core.conversation.ConversationState;
import fr.boussole.core.followup.ContactCheckPrompt;
import fr.boussole.core.followup.RequestNews;
import fr.boussole.core.journey.JourneyState.Contact;
import fr.boussole.core.journey.JourneyState.Given;
import fr.boussole.core.journey.JourneyState.Handover;
import fr.boussole.core.journey.JourneyState.PendingCheck;
import fr.boussole.core.journey.JourneyState.PendingNews;
import fr.boussole.core.journey.JourneyState.Place;
import fr.boussole.core.journey.JourneyState.Position;
import fr.boussole.core.journey.JourneyState.Profile;
import fr.boussole.core.journey.JourneyState.Request;
import fr.boussole.core.journey.JourneyState.Search;
import fr.boussole.core.message.ConversationKey;
import fr.boussole.core.questionnaire.QuestionnaireRef;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The one way between {@link JourneyState} and its stored form: a plain document (strings, numbers,
 * booleans, lists and maps) with a version number {@code v}. Documents of an older version are first
 * brought up to date by {@link StateMigrations}, so that a conversation in progress when a new version
 * is deployed goes on. Values equal to their default are left out: an erased or fresh state is an
 * empty document. Numbers are read as {@link Number}: a document store may give back a Long or a
 * Double for what was written as an int.
 */
public final class JourneyStateCodec {

    /** The version this code writes; see {@link StateMigrations} for what each one changed. */
    public static final int VERSION = 5;
    static final String V = "v";

    private JourneyStateCodec() {}

    public static JourneyState decode(ConversationState state) {
        return decode(state.values());
    }

    public static ConversationState encode(ConversationKey key, JourneyState state) {
        return new ConversationState(key, encode(state));
    }

    /** @throws IllegalStateException on a document written by a newer version, which this code cannot read */
    public static JourneyState decode(Map<String, Object> stored) {
        if (stored.isEmpty()) {
            return JourneyState.FRESH;
        }
        Map<String, Object> doc = StateMigrations.upToDate(stored);
        Map<String, Object> profile = map(doc, "profile");
        Map<String, Object> commune = map(profile, "commune");
        Map<String, Object> search = map(doc, "search");
        Map<String, Object> request = map(doc, "request");
        Map<String, Object> contact = map(request, "contact");
        Map<String, Object> check = map(doc, "check");
        Map<String, Object> news = map(doc, "news");
        Map<String, Object> handover = map(doc, "handover");
        Map<String, Given> answers = new LinkedHashMap<>();
        map(search, "answers").forEach((question, value) -> {
            Map<String, Object> given = asMap(value);
            answers.put(question, new Given(strings(given, "values"), strings(given, "labels")));
        });
        return new JourneyState(
                position(string(doc, "at"), Position.START),
                integer(doc, "reasks"),
                strings(doc, "candidates"),
                new Profile(integer(profile, "age"),
                        commune.isEmpty() ? null : new Place(string(commune, "insee"), string(commune, "name")),
                        string(profile, "territory")),
                new Search(string(search, "theme"), questionnaire(map(search, "questionnaire")), answers,
                        strings(search, "reached"), integer(search, "page")),
                new Request(string(request, "offer"),
                        contact.isEmpty() ? null : new Contact(ContactMethod.valueOf(string(contact, "method")),
                                string(contact, "address")),
                        string(request, "consent"), Boolean.TRUE.equals(request.get("consented")),
                        string(request, "suggestion")),
                strings(doc, "trail").stream().map(Position::parse).toList(),
                position(string(doc, "resumeAt"), null),
                check.isEmpty() ? null : new PendingCheck(new ContactCheckPrompt(string(check, "request"),
                        string(check, "organisation"), string(check, "offer")), integer(check, "reasks")),
                string(doc, "lastSeen") == null ? null : Instant.parse(string(doc, "lastSeen")),
                Boolean.TRUE.equals(doc.get("optedOut")), Boolean.TRUE.equals(doc.get("urgent")),
                RequestNews.parse(string(news, "told"))
                        .map(told -> new PendingNews(told, string(news, "consent"), integer(news, "reasks"))).orElse(null),
                handover.isEmpty() ? null : new Handover(Handover.Stage.valueOf(string(handover, "stage")),
                        Instant.parse(string(handover, "since")), Instant.parse(string(handover, "lastActivity")),
                        string(handover, "person"), string(handover, "reason")));
    }

    public static Map<String, Object> encode(JourneyState state) {
        if (state.equals(JourneyState.FRESH)) {
            return Map.of();
        }
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put(V, VERSION);
        if (!state.at().equals(Position.START)) {
            doc.put("at", state.at().code());
        }
        putIf(doc, "reasks", state.reasks());
        putIf(doc, "candidates", state.candidates());
        Profile profile = state.profile();
        Map<String, Object> p = new LinkedHashMap<>();
        putIf(p, "age", profile.age());
        if (profile.commune() != null) {
            p.put("commune", document("insee", profile.commune().insee(), "name", profile.commune().name()));
        }
        putIf(p, "territory", profile.territoryId());
        putIf(doc, "profile", p);
        Search search = state.search();
        Map<String, Object> s = new LinkedHashMap<>();
        putIf(s, "theme", search.theme());
        if (search.questionnaire() != null) {
            s.put("questionnaire", document("id", search.questionnaire().id(), "version", search.questionnaire().version()));
        }
        Map<String, Object> answers = new LinkedHashMap<>();
        search.answers().forEach((question, given) -> answers.put(question,
                document("values", given.values(), "labels", given.labels())));
        putIf(s, "answers", answers);
        putIf(s, "reached", search.reached());
        putIf(s, "page", search.page());
        putIf(doc, "search", s);
        Request request = state.request();
        Map<String, Object> r = new LinkedHashMap<>();
        putIf(r, "offer", request.offerId());
        if (request.contact() != null) {
            r.put("contact", document("method", request.contact().method().name(),
                    "address", request.contact().address()));
        }
        putIf(r, "consent", request.consentText());
        if (request.consented()) {
            r.put("consented", true);
        }
        putIf(r, "suggestion", request.suggestion());
        putIf(doc, "request", r);
        putIf(doc, "trail", state.trail().stream().map(Position::code).toList());
        putIf(doc, "resumeAt", state.resumeAt() == null ? null : state.resumeAt().code());
        if (state.check() != null) {
            ContactCheckPrompt prompt = state.check().prompt();
            Map<String, Object> c = new LinkedHashMap<>();
            c.put("request", prompt.requestId());
            putIf(c, "organisation", prompt.organisationName());
            putIf(c, "offer", prompt.offerTitle());
            putIf(c, "reasks", state.check().reasks());
            doc.put("check", c);
        }
        if (state.news() != null) {
            Map<String, Object> n = new LinkedHashMap<>();
            n.put("told", state.news().news().toChoiceId());
            putIf(n, "consent", state.news().consentText());
            putIf(n, "reasks", state.news().reasks());
            doc.put("news", n);
        }
        if (state.handover() != null) {
            Handover h = state.handover();
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("stage", h.stage().name());
            m.put("since", h.since().toString());
            m.put("lastActivity", h.lastActivity().toString());
            putIf(m, "person", h.person());
            putIf(m, "reason", h.reason());
            doc.put("handover", m);
        }
        putIf(doc, "lastSeen", state.lastSeen() == null ? null : state.lastSeen().toString());
        if (state.optedOut()) {
            doc.put("optedOut", true);
        }
        if (state.urgent()) {
            doc.put("urgent", true);
        }
        return doc;
    }

    /** Absent in a state written before journeys recorded their questionnaire's version (up to version 4). */
    private static QuestionnaireRef questionnaire(Map<String, Object> doc) {
        return string(doc, "id") == null ? null : new QuestionnaireRef(string(doc, "id"), integer(doc, "version"));
    }

    private static Position position(String code, Position fallback) {
        return code == null ? fallback : Position.parse(code);
    }

    private static Map<String, Object> document(String k1, Object v1, String k2, Object v2) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put(k1, v1);
        doc.put(k2, v2);
        return doc;
    }

    private static void putIf(Map<String, Object> doc, String name, Object value) {
        boolean absent = value == null || (value instanceof Integer i && i == 0)
                || (value instanceof List<?> l && l.isEmpty()) || (value instanceof Map<?, ?> m && m.isEmpty());
        if (!absent) {
            doc.put(name, value);
        }
    }

    static String string(Map<String, Object> doc, String name) {
        return doc.get(name) instanceof String text ? text : null;
    }

    static int integer(Map<String, Object> doc, String name) {
        return doc.get(name) instanceof Number number ? number.intValue() : 0;
    }

    static List<String> strings(Map<String, Object> doc, String name) {
        if (!(doc.get(name) instanceof List<?> list)) {
            return List.of();
        }
        List<String> strings = new ArrayList<>();
        list.forEach(item -> strings.add(String.valueOf(item)));
        return strings;
    }

    static Map<String, Object> map(Map<String, Object> doc, String name) {
        return asMap(doc.get(name));
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> asMap(Object value) {
        return value instanceof Map<?, ?> map ? (Map<String, Object>) map : Map.of();
    }
}
