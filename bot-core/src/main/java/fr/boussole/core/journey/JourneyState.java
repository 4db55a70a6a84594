package fr.boussole.core.journey;

import fr.boussole.core.conversation.ContactMethod;
import fr.boussole.core.followup.ContactCheckPrompt;
import fr.boussole.core.followup.RequestNews;
import fr.boussole.core.questionnaire.QuestionnaireRef;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Everything the journey remembers of one conversation between two messages: immutable, typed, and
 * written to and read from its stored form by {@link JourneyStateCodec} only. A turn starts from one
 * value and ends with another; nothing else survives a turn.
 *
 * @param at        where the journey stands: what the bot waits for
 * @param reasks    how many times the question at {@code at} was asked again
 * @param candidates commune INSEE codes offered to choose from (a shared name or postal code), best first
 * @param profile   who and where: age, commune, territory
 * @param search    the theme, its questionnaire's version, the answers and the page of offers shown
 * @param request   the offer chosen and the contact request in the making
 * @param trail     the positions asked so far, latest last, for "retour"
 * @param resumeAt  where to go back to after "reprendre", when an idle conversation was offered to resume
 * @param check     the "were you contacted?" question waiting for its answer; it sits above {@code at}
 * @param lastSeen  the young person's last message (system messages do not count), for the idle expiry
 * @param optedOut  "stop" was said: nothing is sent until the young person writes again
 * @param urgent    the young person said they were in danger, or gave an answer marked urgent: the
 *                  request they make is marked urgent
 * @param news      news of a request told, with what it offers (another offer, "I was contacted"),
 *                  waiting for the answer; it sits above {@code at} like {@code check}
 * @param handover  a person offered, or holding the conversation (the bot stays quiet); above {@code at}
 */
public record JourneyState(Position at, int reasks, List<String> candidates, Profile profile, Search search,
                           Request request, List<Position> trail, Position resumeAt, PendingCheck check,
                           Instant lastSeen, boolean optedOut, boolean urgent, PendingNews news, Handover handover) {

    /** A conversation nobody has written in yet, or one erased. */
    public static final JourneyState FRESH = new JourneyState(Position.START, 0, List.of(), Profile.NONE,
            Search.NONE, Request.NONE, List.of(), null, null, null, false, false, null, null);

    public JourneyState {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(profile, "profile");
        Objects.requireNonNull(search, "search");
        Objects.requireNonNull(request, "request");
        candidates = List.copyOf(candidates);
        trail = List.copyOf(trail);
        if (reasks < 0) {
            throw new IllegalArgumentException("reasks must not be negative");
        }
    }

    /** A point of the journey: a phase and, within a questionnaire or the contact step, a step id. */
    public record Position(Phase phase, String step) {

        public static final Position START = new Position(Phase.NEW, null);

        public Position {
            Objects.requireNonNull(phase, "phase");
        }

        public static Position of(Phase phase) {
            return new Position(phase, null);
        }

        /** The compact form kept in the trail: {@code PHASE} or {@code PHASE:step}. */
        public String code() {
            return step == null ? phase.name() : phase.name() + ":" + step;
        }

        public static Position parse(String code) {
            int colon = code.indexOf(':');
            return colon < 0 ? of(Phase.valueOf(code))
                    : new Position(Phase.valueOf(code.substring(0, colon)), code.substring(colon + 1));
        }
    }

    /** A commune as the journey keeps it: its INSEE code and the name shown. */
    public record Place(String insee, String name) {
        public Place {
            Objects.requireNonNull(insee, "insee");
            Objects.requireNonNull(name, "name");
        }
    }

    /** @param age 0 until given */
    public record Profile(int age, Place commune, String territoryId) {
        public static final Profile NONE = new Profile(0, null, null);

        public Profile withAge(int newAge) {
            return new Profile(newAge, commune, territoryId);
        }

        public Profile withCommune(Place newCommune, String newTerritoryId) {
            return new Profile(age, newCommune, newTerritoryId);
        }

        public String communeInsee() {
            return commune == null ? null : commune.insee();
        }

        public String communeName() {
            return commune == null ? null : commune.name();
        }
    }

    /** One answer: the value ids (offers' criteria read them) and their labels (professionals read them). */
    public record Given(List<String> values, List<String> labels) {
        public Given {
            values = List.copyOf(values);
            labels = List.copyOf(labels);
        }
    }

    /**
     * @param theme         the theme chosen, or null
     * @param questionnaire the questionnaire and version the theme was chosen under: the journey reads
     *                      that one to the end; null in a state written before versions were recorded
     * @param answers       question id to its answer, in the order answered
     * @param reached       the questions asked so far in this pass, in order, each once ("retour" does not
     *                      ask anew): what the drop-off funnel counts
     * @param page          the page of offers shown, from 0
     */
    public record Search(String theme, QuestionnaireRef questionnaire, Map<String, Given> answers, List<String> reached,
                         int page) {
        public static final Search NONE = new Search(null, null, Map.of(), List.of(), 0);

        public Search {
            answers = Collections.unmodifiableMap(new LinkedHashMap<>(answers));
            reached = List.copyOf(reached);
        }

        /**
         * Another theme, answered under this questionnaire: it starts afresh. The same theme chosen again
         * (a correction that names it) keeps the questions already reached, which the funnel counted.
         */
        public Search withTheme(String newTheme, QuestionnaireRef newQuestionnaire) {
            return new Search(newTheme, newQuestionnaire, Map.of(),
                    Objects.equals(newTheme, theme) ? reached : List.of(), page);
        }

        /** The version a theme chosen before its territory was known is answered under. */
        public Search withQuestionnaire(QuestionnaireRef pinned) {
            return new Search(theme, pinned, answers, reached, page);
        }

        public Search withAnswer(String questionId, Given given) {
            Map<String, Given> more = new LinkedHashMap<>(answers);
            more.put(questionId, given);
            return new Search(theme, questionnaire, more, reached, page);
        }

        /** The questionnaire to answer again from the start. */
        public Search withoutAnswers() {
            return new Search(theme, questionnaire, Map.of(), List.of(), page);
        }

        public Search withReached(String questionId) {
            if (reached.contains(questionId)) {
                return this;
            }
            List<String> more = new java.util.ArrayList<>(reached);
            more.add(questionId);
            return new Search(theme, questionnaire, answers, more, page);
        }

        public Search withPage(int newPage) {
            return new Search(theme, questionnaire, answers, reached, newPage);
        }

        /** Question id to value ids, as conditions and matching read them. */
        public Map<String, List<String>> values() {
            Map<String, List<String>> values = new LinkedHashMap<>();
            answers.forEach((question, given) -> values.put(question, given.values()));
            return values;
        }
    }

    /** How the young person wants to be contacted. */
    public record Contact(ContactMethod method, String address) {
        public Contact {
            Objects.requireNonNull(method, "method");
            Objects.requireNonNull(address, "address");
        }
    }

    /**
     * @param offerId     the offer chosen, or null
     * @param contact     the contact given, or null
     * @param consentText the exact consent text shown, kept until the request so that it is recorded as shown
     * @param consented   the young person said yes to {@code consentText} (on the offer card, before giving
     *                    a contact); false while it waits for that yes
     * @param suggestion  a corrected email address proposed for the one typed ("gmial.com"), waiting for a yes
     */
    public record Request(String offerId, Contact contact, String consentText, boolean consented, String suggestion) {
        public static final Request NONE = new Request(null, null, null, false, null);

        public Request withOffer(String newOfferId) {
            return new Request(newOfferId, contact, null, false, null);
        }

        public Request withContact(Contact newContact) {
            return new Request(offerId, newContact, consentText, consented, null);
        }

        /** A consent text shown, waiting for a yes ({@code consented} false) or given ({@code consented} true). */
        public Request withConsent(String text, boolean given) {
            return new Request(offerId, contact, text, given, suggestion);
        }

        public Request withSuggestion(String address) {
            return new Request(offerId, contact, consentText, consented, address);
        }

        /** The request was sent, or refused: the consent is spent, the contact kept for another offer. */
        public Request closed() {
            return new Request(offerId, contact, null, false, null);
        }
    }

    /** "Were you contacted?" asked about one request, and how many times it was asked again. */
    public record PendingCheck(ContactCheckPrompt prompt, int reasks) {
        public PendingCheck {
            Objects.requireNonNull(prompt, "prompt");
        }
    }

    /**
     * News of a request told and what it offers, waiting for an answer.
     *
     * @param consentText the exact proposal shown when it offers another request (its consent), or null
     * @param reasks      how many times it was asked again
     */
    public record PendingNews(RequestNews news, String consentText, int reasks) {
        public PendingNews {
            Objects.requireNonNull(news, "news");
        }
    }

    /**
     * A person to answer the young person: offered (waiting for their yes), or holding the conversation.
     *
     * @param since        when it was offered or opened
     * @param lastActivity the person's last word, or the opening: the quiet time counts from it
     * @param person       the first name of the person who took it, or null while nobody has
     * @param reason       {@code asked} or {@code not-understood}
     */
    public record Handover(Stage stage, Instant since, Instant lastActivity, String person, String reason) {

        public enum Stage { OFFERED, OPEN }

        public Handover {
            Objects.requireNonNull(stage, "stage");
            Objects.requireNonNull(since, "since");
            Objects.requireNonNull(lastActivity, "lastActivity");
        }

        public Handover heardFrom(String name, Instant at) {
            return new Handover(Stage.OPEN, since, at, name, reason);
        }
    }

    public JourneyState at(Position position) {
        return new JourneyState(position, 0, candidates, profile, search, request, trail, resumeAt, check, lastSeen,
                optedOut, urgent, news, handover);
    }

    public JourneyState withReasks(int count) {
        return new JourneyState(at, count, candidates, profile, search, request, trail, resumeAt, check, lastSeen,
                optedOut, urgent, news, handover);
    }

    public JourneyState withCandidates(List<String> insees) {
        return new JourneyState(at, reasks, insees, profile, search, request, trail, resumeAt, check, lastSeen,
                optedOut, urgent, news, handover);
    }

    public JourneyState withProfile(Profile newProfile) {
        return new JourneyState(at, reasks, candidates, newProfile, search, request, trail, resumeAt, check, lastSeen,
                optedOut, urgent, news, handover);
    }

    public JourneyState withSearch(Search newSearch) {
        return new JourneyState(at, reasks, candidates, profile, newSearch, request, trail, resumeAt, check, lastSeen,
                optedOut, urgent, news, handover);
    }

    public JourneyState withRequest(Request newRequest) {
        return new JourneyState(at, reasks, candidates, profile, search, newRequest, trail, resumeAt, check, lastSeen,
                optedOut, urgent, news, handover);
    }

    public JourneyState withTrail(List<Position> positions) {
        return new JourneyState(at, reasks, candidates, profile, search, request, positions, resumeAt, check, lastSeen,
                optedOut, urgent, news, handover);
    }

    public JourneyState withResumeAt(Position position) {
        return new JourneyState(at, reasks, candidates, profile, search, request, trail, position, check, lastSeen,
                optedOut, urgent, news, handover);
    }

    public JourneyState withCheck(PendingCheck pending) {
        return new JourneyState(at, reasks, candidates, profile, search, request, trail, resumeAt, pending, lastSeen,
                optedOut, urgent, news, handover);
    }

    public JourneyState withLastSeen(Instant seen) {
        return new JourneyState(at, reasks, candidates, profile, search, request, trail, resumeAt, check, seen,
                optedOut, urgent, news, handover);
    }

    public JourneyState withOptedOut(boolean out) {
        return new JourneyState(at, reasks, candidates, profile, search, request, trail, resumeAt, check, lastSeen,
                out, urgent, news, handover);
    }

    public JourneyState withUrgent(boolean isUrgent) {
        return new JourneyState(at, reasks, candidates, profile, search, request, trail, resumeAt, check, lastSeen,
                optedOut, isUrgent, news, handover);
    }

    public JourneyState withNews(PendingNews pending) {
        return new JourneyState(at, reasks, candidates, profile, search, request, trail, resumeAt, check, lastSeen,
                optedOut, urgent, pending, handover);
    }

    public JourneyState withHandover(Handover newHandover) {
        return new JourneyState(at, reasks, candidates, profile, search, request, trail, resumeAt, check, lastSeen,
                optedOut, urgent, news, newHandover);
    }

    /** Forgets the journey, keeping only the last activity (for the idle expiry). */
    public JourneyState restarted() {
        return FRESH.withLastSeen(lastSeen);
    }

    public Phase phase() {
        return at.phase();
    }
}
