package fr.boussole.core.journey;

import fr.boussole.core.conversation.Answer;
import fr.boussole.core.conversation.ConsentRecord;
import fr.boussole.core.conversation.ContactMethod;
import fr.boussole.core.conversation.ContactRequestDraft;
import fr.boussole.core.conversation.DialogEvent;
import fr.boussole.core.language.Intent;
import fr.boussole.core.message.Choice;
import fr.boussole.core.message.Inbound;
import fr.boussole.core.message.OutboundMessage;
import fr.boussole.core.offer.InfoJeunesContact;
import fr.boussole.core.offer.OfferDetails;
import fr.boussole.core.offer.OfferSummary;
import fr.boussole.core.offer.TerritoryView;
import fr.boussole.core.place.Commune;
import fr.boussole.core.questionnaire.Questionnaire;
import fr.boussole.core.questionnaire.Step;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

/** One turn of the journey: reads the message against the state, updates the state, collects events. */
final class TurnRunner {

    private static final Set<Intent> GLOBAL = Set.of(Intent.HELP, Intent.BACK, Intent.RESTART, Intent.STOP, Intent.ERASE);
    private static final int MAX_REASKS = 2;
    private static final int MAX_TRAIL = 30;
    private static final int MIN_AGE = 15;
    private static final int MAX_AGE = 30;

    private final JourneyPorts ports;
    private final Texts texts;
    private final AnswerReader reader;
    private final OfferPages offers;
    private final Prompts prompts;
    private final Session session;
    private final Inbound inbound;
    private final Instant now;
    private final List<DialogEvent> events;

    TurnRunner(JourneyPorts ports, AnswerReader reader, OfferPages offers, Prompts prompts, Session session,
               Inbound inbound, Instant now, List<DialogEvent> events) {
        this.ports = ports;
        this.texts = ports.texts();
        this.reader = reader;
        this.offers = offers;
        this.prompts = prompts;
        this.session = session;
        this.inbound = inbound;
        this.now = now;
        this.events = events;
    }

    void run() {
        Optional<Intent> global = globalIntent();
        if (session.optedOut()) {
            comeBackAfterOptOut(global);
            return;
        }
        if (global.isPresent()) {
            switch (global.get()) {
                case ERASE -> { erase(); return; }
                case STOP -> { stop(); return; }
                case RESTART -> { restart(); return; }
                default -> { }
            }
        }
        if (session.phase() == Phase.NEW) {
            welcome();
            return;
        }
        if (staleQuestion()) {
            restart(); // the questionnaire changed under this conversation: start over cleanly
            return;
        }
        if (expired()) {
            offerToResume(null);
            return;
        }
        if (global.isPresent()) {
            if (global.get() == Intent.HELP) {
                say(prefixed(prompts.help(session), prompt()));
            } else {
                back();
            }
            return;
        }
        switch (session.phase()) {
            case NEW, AGE -> age();
            case COMMUNE -> commune();
            case COMMUNE_CHOICE -> communeChoice();
            case THEME -> theme();
            case QUESTION -> question();
            case OFFERS -> offersTurn();
            case WANTS_CONTACT -> wantsContact();
            case CONTACT_METHOD -> contactMethod();
            case CONTACT_ADDRESS -> contactAddress();
            case CONSENT -> consent();
            case DONE -> done();
            case RESUME -> resume();
        }
    }

    // --- global words ------------------------------------------------------------------------

    /** Buttons carry their meaning in their id; words go through the intent model. */
    private Optional<Intent> globalIntent() {
        if (inbound.choiceId() != null) {
            return inbound.choiceId().equals(Prompts.RESTART) ? Optional.of(Intent.RESTART) : Optional.empty();
        }
        if (inbound.text().isBlank()) {
            return Optional.empty();
        }
        if (session.phase() != Phase.NEW && !session.optedOut() && reader.isExactly(inbound, currentChoices())) {
            return reader.isExactly(inbound, List.of(new Choice(Prompts.RESTART, texts.text("choice.restart"))))
                    ? Optional.of(Intent.RESTART) : Optional.empty();
        }
        Intent intent = ports.understanding().intentOf(inbound.text());
        return GLOBAL.contains(intent) ? Optional.of(intent) : Optional.empty();
    }

    private void comeBackAfterOptOut(Optional<Intent> global) {
        if (global.isPresent() && global.get() == Intent.STOP) {
            return; // still opted out: not even an acknowledgement
        }
        session.optedOut(false);
        events.add(new DialogEvent.OptedIn());
        if (global.isPresent() && global.get() == Intent.ERASE) {
            erase();
        } else if (session.phase() == Phase.NEW) {
            welcome();
        } else if (expired()) {
            offerToResume(texts.text("optin.back"));
        } else {
            say(prefixed(texts.text("optin.back"), prompt()));
        }
    }

    private void erase() {
        events.add(new DialogEvent.ErasureRequested());
        session.clear();
        say(OutboundMessage.of(texts.text("erase.done")));
    }

    private void stop() {
        say(OutboundMessage.of(texts.text("stop.done")));
        events.add(new DialogEvent.OptedOut());
        session.optedOut(true);
    }

    private void restart() {
        session.restart();
        enter(Phase.AGE, null, texts.text("restart.done"));
    }

    private void welcome() {
        say(OutboundMessage.of(texts.text("welcome")));
        enter(Phase.AGE, null, null);
    }

    private boolean expired() {
        return session.phase() != Phase.DONE && session.phase() != Phase.RESUME
                && session.lastSeen().map(seen -> seen.plus(ports.settings().idleExpiry()).isBefore(now)).orElse(false);
    }

    private void offerToResume(String prefix) {
        session.resumeAt(position());
        session.phase(Phase.RESUME);
        session.reasks(0);
        say(prefixed(prefix, prompt()));
    }

    private void back() {
        List<String> trail = new ArrayList<>(session.trail());
        if (trail.size() < 2) {
            say(prefixed(texts.text("back.none"), prompt()));
            return;
        }
        trail.removeLast();
        session.trail(trail);
        goTo(trail.getLast());
        session.candidates(List.of());
        if (staleQuestion()) {
            restart();
            return;
        }
        say(prompt());
    }

    // --- the journey ---------------------------------------------------------------------------

    private void age() {
        OptionalInt age = ports.understanding().numberIn(inbound.text());
        if (age.isEmpty() || age.getAsInt() < 1 || age.getAsInt() > 120) {
            reask("reask.age", "easier.age");
        } else if (age.getAsInt() < MIN_AGE) {
            session.clear(); // nothing is kept of someone the service is not for
            say(OutboundMessage.of(texts.text("age.too-young")));
        } else if (age.getAsInt() > MAX_AGE) {
            session.clear();
            say(OutboundMessage.of(texts.text("age.too-old")));
        } else {
            session.age(age.getAsInt());
            enter(Phase.COMMUNE, null, null);
        }
    }

    private void commune() {
        List<Commune> found = inbound.text().isBlank() ? List.of() : ports.communes().resolve(inbound.text());
        if (found.isEmpty()) {
            reask("reask.commune", "easier.commune");
        } else if (found.size() == 1) {
            communeChosen(found.getFirst());
        } else {
            session.candidates(CommuneChoices.firstInsees(found));
            session.phase(Phase.COMMUNE_CHOICE);
            session.reasks(0);
            say(prompt());
        }
    }

    private void communeChoice() {
        List<Choice> choices = CommuneChoices.of(session.candidates(), ports.communes());
        Optional<Choice> chosen = reader.chosen(inbound, choices);
        if (chosen.isPresent()) {
            communeChosen(ports.communes().byInsee(chosen.get().id()).orElseThrow());
        } else if (inbound.choiceId() == null && !inbound.text().isBlank()
                && !ports.communes().resolve(inbound.text()).isEmpty()) {
            commune(); // typed another commune instead of choosing
        } else {
            reask("reask.choice", "easier.choice");
        }
    }

    private void communeChosen(Commune commune) {
        session.candidates(List.of());
        Optional<TerritoryView> territory = ports.territories().openTerritoryFor(commune.insee());
        if (territory.isEmpty() || territory.get().activeThemes().isEmpty()) {
            session.phase(Phase.COMMUNE);
            session.reasks(0);
            say(OutboundMessage.of(outsideTerritory(commune)));
            say(OutboundMessage.of(texts.text("commune.ask-other")));
            return;
        }
        session.commune(commune.insee(), commune.name());
        session.territoryId(territory.get().id());
        enter(Phase.THEME, null, null);
    }

    private String outsideTerritory(Commune commune) {
        StringBuilder text = new StringBuilder(texts.text("territory.none", Map.of("commune", commune.name())));
        for (InfoJeunesContact contact : ports.territories().infoJeunesFor(commune)) {
            List<String> parts = new ArrayList<>();
            parts.add(contact.name());
            for (String part : new String[] {contact.phone(), contact.email(), contact.website()}) {
                if (part != null && !part.isBlank()) {
                    parts.add(part);
                }
            }
            text.append('\n').append("- ").append(String.join(" · ", parts));
        }
        return text.toString();
    }

    private void theme() {
        List<Choice> themes = prompts.themeChoices(session);
        Optional<Choice> chosen = reader.chosen(inbound, themes).or(() -> themeByWords(themes));
        if (chosen.isEmpty()) {
            reask("reask.choice", "easier.choice");
            return;
        }
        session.theme(chosen.get().id());
        session.clearAnswers();
        Optional<Step> first = questionnaire().flatMap(q -> q.first(session.answers()));
        if (first.isPresent()) {
            enter(Phase.QUESTION, first.get().id(), texts.text("questions.intro"));
        } else {
            showOffers(true, null);
        }
    }

    /**
     * A theme named in the young person's words ("du boulot", "un appart"): the texts list, per theme
     * id, words that point to it. Only one theme may match, else it is asked again.
     */
    private Optional<Choice> themeByWords(List<Choice> themes) {
        List<String> typed = List.of(ports.understanding().normalise(inbound.text()).split(" "));
        List<Choice> named = themes.stream().filter(theme -> texts.has("theme.words." + theme.id()))
                .filter(theme -> java.util.Arrays.stream(texts.text("theme.words." + theme.id()).split(","))
                        .map(word -> ports.understanding().normalise(word))
                        .anyMatch(word -> !word.isEmpty() && typed.contains(word)))
                .toList();
        return named.size() == 1 ? Optional.of(named.getFirst()) : Optional.empty();
    }

    private void question() {
        Step step = prompts.currentStep(session).orElseThrow();
        StepAnswer answer = dontKnow() ? reader.noPreference(step).orElse(null)
                : reader.read(step, inbound, session.candidates());
        if (answer == null) {
            session.candidates(List.of());
            next(step, texts.text("easier.skip")); // "je sais pas" on a question without such a value
            return;
        }
        switch (answer) {
            case StepAnswer.Given given -> {
                session.answer(step.id(), given.values(), given.labels());
                session.candidates(List.of());
                next(step, null);
            }
            case StepAnswer.Ambiguous ambiguous -> {
                session.candidates(ambiguous.communeInsees());
                session.reasks(0);
                say(prompt());
            }
            case StepAnswer.Invalid invalid -> {
                if (session.reasks() < MAX_REASKS) {
                    session.reasks(session.reasks() + 1);
                    say(prefixed(texts.text(invalid.reasonKey()), prompt()));
                } else {
                    // The easier way out: skip the question rather than block the young person on it.
                    session.candidates(List.of());
                    next(step, texts.text("easier.skip"));
                }
            }
        }
    }

    /** "Je sais pas" typed (not tapped): an honest answer, not a failure to re-ask. */
    private boolean dontKnow() {
        return inbound.choiceId() == null && !inbound.text().isBlank()
                && ports.understanding().intentOf(inbound.text()) == Intent.DONT_KNOW;
    }

    private void next(Step answered, String prefix) {
        Optional<Step> next = questionnaire().flatMap(q -> q.after(answered.id(), session.answers()));
        if (next.isPresent()) {
            enter(Phase.QUESTION, next.get().id(), prefix);
        } else {
            showOffers(true, prefix);
        }
    }

    private void showOffers(boolean newSearch, String prefix) {
        session.page(0);
        if (newSearch) {
            List<OfferSummary> found = offers.matching(session, now);
            events.add(new DialogEvent.SearchRecorded(session.communeInsee(), session.territoryId(), session.theme(),
                    found.size()));
        }
        enter(Phase.OFFERS, null, prefix);
    }

    private void offersTurn() {
        List<OfferSummary> matching = offers.matching(session, now);
        int page = Math.min(session.page(), offers.pageCount(matching.size()) - 1);
        List<Choice> choices = matching.isEmpty()
                ? List.of(new Choice(OfferPages.OTHER_THEME, texts.text("offers.other-theme")))
                : offers.choices(matching, page);
        Optional<Choice> chosen = reader.chosen(inbound, choices);
        boolean more = chosen.map(c -> c.id().equals(OfferPages.MORE)).orElse(false)
                || (chosen.isEmpty() && inbound.choiceId() == null
                    && ports.understanding().intentOf(inbound.text()) == Intent.MORE);
        if (more) {
            if (page + 1 < offers.pageCount(matching.size())) {
                session.page(page + 1);
                session.reasks(0);
                say(prompt());
            } else {
                session.page(0);
                say(prefixed(texts.text("offers.no-more"), prompt()));
            }
        } else if (chosen.isPresent() && chosen.get().id().equals(OfferPages.OTHER_THEME)) {
            session.clearAnswers();
            enter(Phase.THEME, null, null);
        } else if (chosen.isPresent() && chosen.get().id().startsWith(OfferPages.OFFER_PREFIX)) {
            String offerId = chosen.get().id().substring(OfferPages.OFFER_PREFIX.length());
            if (ports.catalog().offer(offerId).isEmpty()) {
                say(prefixed(texts.text("offer.gone"), prompt()));
                return;
            }
            session.offerId(offerId);
            enter(Phase.WANTS_CONTACT, null, null);
        } else {
            reask("reask.choice", "easier.choice");
        }
    }

    private void wantsContact() {
        Optional<Boolean> yes = reader.yesOrNo(inbound);
        if (ports.catalog().offer(session.offerId()).isEmpty()) {
            enter(Phase.OFFERS, null, null);
        } else if (yes.isEmpty()) {
            reask("reask.yes-no", "easier.choice");
        } else if (yes.get()) {
            enter(Phase.CONTACT_METHOD, null, null);
        } else {
            enter(Phase.OFFERS, null, texts.text("contact.not-now"));
        }
    }

    private void contactMethod() {
        if (contactGiven()) {
            return;
        }
        Optional<Choice> chosen = reader.chosen(inbound, prompts.contactMethodChoices(session));
        if (chosen.isEmpty()) {
            reask("reask.choice", "easier.choice");
            return;
        }
        switch (chosen.get().id()) {
            case Prompts.THIS_NUMBER -> contactChosen(ContactMethod.PHONE, ownNumber());
            case Prompts.EMAIL -> enter(Phase.CONTACT_ADDRESS, Prompts.EMAIL_STEP, null);
            default -> enter(Phase.CONTACT_ADDRESS, Prompts.PHONE_STEP, null);
        }
    }

    private void contactAddress() {
        if (contactGiven()) {
            return;
        }
        boolean email = ContactAddresses.looksLikeEmail(inbound.text())
                || (!inbound.text().matches(".*\\d.*") && Prompts.EMAIL_STEP.equals(session.step().orElse("")));
        reask(email ? "reask.email" : "reask.phone", "easier.contact");
    }

    /** A number shared by the channel, or a valid number or email typed: straight to consent. */
    private boolean contactGiven() {
        if (inbound.sharedPhone() != null) {
            String shared = inbound.sharedPhone().strip();
            contactChosen(ContactMethod.PHONE, ContactAddresses.frenchMobile(shared)
                    .orElse(shared.startsWith("+") ? shared : "+" + shared));
            return true;
        }
        Optional<String> phone = ContactAddresses.frenchMobile(inbound.text());
        if (phone.isPresent()) {
            contactChosen(ContactMethod.PHONE, phone.get());
            return true;
        }
        Optional<String> email = ContactAddresses.email(inbound.text());
        if (email.isPresent()) {
            contactChosen(ContactMethod.EMAIL, email.get());
            return true;
        }
        return false;
    }

    private String ownNumber() {
        String address = session.key().address();
        return address.startsWith("whatsapp:") ? address.substring("whatsapp:".length()) : address;
    }

    private void contactChosen(ContactMethod method, String address) {
        OfferDetails offer = ports.catalog().offer(session.offerId()).orElse(null);
        if (offer == null) {
            enter(Phase.OFFERS, null, texts.text("offer.gone"));
            return;
        }
        session.contact(method.name(), address);
        session.consentText(texts.text("consent.text", Map.of("organisation", offer.organisationName(),
                "contact", address, "delay", Integer.toString(offer.contactDelayDays()))));
        enter(Phase.CONSENT, null, null);
    }

    private void consent() {
        Optional<Boolean> yes = inbound.choiceId() != null && inbound.choiceId().equals(Prompts.ACCEPT) ? Optional.of(true)
                : inbound.choiceId() != null && inbound.choiceId().equals(Prompts.REFUSE) ? Optional.of(false)
                : reader.yesOrNo(inbound).or(() -> reader.chosen(inbound, prompt().choices())
                        .map(c -> c.id().equals(Prompts.ACCEPT)));
        if (yes.isEmpty()) {
            reask("reask.yes-no", "easier.choice");
        } else if (yes.get()) {
            request();
        } else {
            session.contact(null, null);
            session.consentText(null);
            enter(Phase.OFFERS, null, texts.text("consent.declined"));
        }
    }

    private void request() {
        Optional<OfferDetails> offer = ports.catalog().offer(session.offerId());
        Optional<Questionnaire> questionnaire = questionnaire();
        if (offer.isEmpty()) {
            enter(Phase.OFFERS, null, texts.text("offer.gone"));
            return;
        }
        ConsentRecord consent = new ConsentRecord(session.consentText(), texts.text("consent.version"), now,
                session.key().channel());
        events.add(new DialogEvent.ContactRequested(new ContactRequestDraft(session.key(), offer.get().id(),
                session.territoryId(), session.theme(), questionnaire.map(Questionnaire::id).orElse(session.theme()),
                questionnaire.map(Questionnaire::version).orElse(0), session.age(), session.communeInsee(),
                session.communeName(), answerSnapshot(questionnaire), ContactMethod.valueOf(session.contactMethod()),
                session.contactAddress(), consent, now)));
        LocalDate due = LocalDate.ofInstant(now, ports.settings().zone()).plusDays(offer.get().contactDelayDays());
        String confirmation = texts.text(ContactMethod.valueOf(session.contactMethod()) == ContactMethod.PHONE
                ? "done.confirmed-phone" : "done.confirmed-email", Map.of(
                "organisation", offer.get().organisationName(), "contact", session.contactAddress(),
                "date", DateTimeFormatter.ofPattern(texts.text("format.date"), Locale.FRENCH).format(due)));
        session.consentText(null);
        session.trail(List.of()); // no way back into a request already made
        say(OutboundMessage.of(confirmation));
        enter(Phase.DONE, null, null);
    }

    private List<Answer> answerSnapshot(Optional<Questionnaire> questionnaire) {
        if (questionnaire.isEmpty()) {
            return List.of();
        }
        Map<String, List<String>> answers = session.answers();
        Map<String, List<String>> labels = session.answerLabels();
        List<Answer> snapshot = new ArrayList<>();
        for (Step step : questionnaire.get().steps()) {
            if (answers.containsKey(step.id()) && questionnaire.get().active(step, answers)) {
                snapshot.add(new Answer(step.id(), step.text(), answers.get(step.id()),
                        labels.getOrDefault(step.id(), answers.get(step.id()))));
            }
        }
        return snapshot;
    }

    private void done() {
        Optional<Choice> chosen = reader.chosen(inbound, prompt().choices());
        if (chosen.isPresent() && chosen.get().id().equals(Prompts.OTHER_OFFERS)) {
            session.contact(null, null);
            showOffers(false, null);
        } else {
            say(prompt());
        }
    }

    private void resume() {
        Optional<Choice> chosen = reader.chosen(inbound, prompt().choices());
        if (chosen.isPresent() && chosen.get().id().equals(Prompts.RESUME)) {
            goTo(session.resumeAt().orElse(Phase.AGE.name()));
            session.resumeAt(null);
            session.reasks(0);
            if (staleQuestion()) {
                restart();
                return;
            }
            say(prefixed(texts.text("resume.back"), prompt()));
        } else if (chosen.isPresent()) {
            restart();
        } else {
            reask("reask.choice", "easier.choice");
        }
    }

    // --- helpers ---------------------------------------------------------------------------------

    private Optional<Questionnaire> questionnaire() {
        return session.theme() == null ? Optional.empty() : ports.questionnaires().forTheme(session.theme());
    }

    /**
     * Whether the state points at a question its questionnaire no longer has (a new version was
     * deployed during the conversation, or the theme lost its questionnaire).
     */
    private boolean staleQuestion() {
        return session.phase() == Phase.QUESTION && prompts.currentStep(session).isEmpty();
    }

    /** Moves to a new point of the journey and asks its question, after an optional lead-in. */
    private void enter(Phase phase, String step, String prefix) {
        session.phase(phase);
        session.step(step);
        session.reasks(0);
        String position = position();
        List<String> trail = new ArrayList<>(session.trail());
        if (trail.isEmpty() || !trail.getLast().equals(position)) {
            trail.add(position);
        }
        while (trail.size() > MAX_TRAIL) {
            trail.removeFirst();
        }
        session.trail(trail);
        say(prefixed(prefix, prompt()));
    }

    /** A kind re-ask, at most twice; then an easier way to answer, each time it fails. */
    private void reask(String reaskKey, String easierKey) {
        session.reasks(session.reasks() + 1);
        String lead = session.reasks() <= MAX_REASKS ? texts.text(reaskKey) : texts.text(easierKey);
        say(prefixed(lead, prompt()));
    }

    private String position() {
        return session.step().map(step -> session.phase().name() + ":" + step).orElse(session.phase().name());
    }

    private void goTo(String position) {
        int colon = position.indexOf(':');
        session.phase(Phase.valueOf(colon < 0 ? position : position.substring(0, colon)));
        session.step(colon < 0 ? null : position.substring(colon + 1));
        session.reasks(0);
    }

    private List<Choice> currentChoices() {
        if (session.phase() == Phase.QUESTION) {
            return prompts.currentStep(session).map(reader::choicesOf).orElse(List.of());
        }
        return prompt().choices();
    }

    private OutboundMessage prompt() {
        return prompts.current(session, now);
    }

    private void say(OutboundMessage message) {
        events.add(new DialogEvent.Reply(message));
    }

    private static OutboundMessage prefixed(String prefix, OutboundMessage message) {
        if (prefix == null || prefix.isBlank()) {
            return message;
        }
        return new OutboundMessage(prefix + "\n\n" + message.text(), message.choices(), message.asksForPhone());
    }
}
