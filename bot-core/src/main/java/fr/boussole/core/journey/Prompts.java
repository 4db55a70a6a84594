package fr.boussole.core.journey;

import fr.boussole.core.journey.JourneyState.Contact;
import fr.boussole.core.message.Channel;
import fr.boussole.core.message.Choice;
import fr.boussole.core.message.ConversationKey;
import fr.boussole.core.message.OutboundMessage;
import fr.boussole.core.message.PhoneNumbers;
import fr.boussole.core.offer.OfferDetails;
import fr.boussole.core.offer.TerritoryView;
import fr.boussole.core.questionnaire.Question;
import fr.boussole.core.questionnaire.Questionnaire;
import fr.boussole.core.questionnaire.Step;
import fr.boussole.core.conversation.ContactMethod;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** The question the bot asks at each point of the journey, rebuilt from the state alone. */
final class Prompts {

    static final String RESTART = "recommencer";
    static final String RESUME = "reprendre";
    static final String CONTACT_ME = "contactez-moi";
    static final String OTHER_OFFERS = "autres-offres";
    static final String REFUSE = "refuse";
    static final String KEEP_EMAIL = "garder";
    static final String OTHER_COMMUNE = "autre-commune";
    static final String HOME_STEP = "home";
    static final String EMAIL_CHECK_STEP = "email-check";
    /** A message longer than two SMS segments costs more and reads worse: the card is fitted under it. */
    static final int MAX_MESSAGE = 306;
    private static final int MAX_SUMMARY = 140;

    private final JourneyPorts ports;
    private final Texts texts;
    private final AnswerReader reader;
    private final OfferPages offers;
    private final ConversationKey key;

    Prompts(JourneyPorts ports, AnswerReader reader, OfferPages offers, ConversationKey key) {
        this.ports = ports;
        this.texts = ports.texts();
        this.reader = reader;
        this.offers = offers;
        this.key = key;
    }

    OutboundMessage current(JourneyState state, Instant now) {
        return switch (state.phase()) {
            case NEW, AGE -> OutboundMessage.of(texts.text(state.profile().commune() == null ? "age.ask" : "age.ask-only"));
            case COMMUNE -> OutboundMessage.of(texts.text("commune.ask"));
            case COMMUNE_CHOICE -> communeChoice(state);
            case FACTS -> OutboundMessage.withChoices(texts.text("facts.check", Map.of("facts", facts(state))),
                    reader.yesNoChoices());
            case THEME -> OutboundMessage.withChoices(texts.text("theme.ask",
                    Map.of("commune", String.valueOf(state.profile().communeName()))), themeChoices(state));
            case SWITCH_THEME -> OutboundMessage.withChoices(texts.text("theme.switch",
                    Map.of("theme", themeName(state.at().step()))), reader.yesNoChoices());
            case QUESTION -> question(state);
            case OFFERS -> {
                var matching = offers.matching(state, now);
                var page = offers.render(matching, Math.min(state.search().page(), offers.pageCount(matching.size()) - 1));
                yield matching.isEmpty() ? WayForward.whenNothingFits(ports, state, page) : page;
            }
            case OFFER -> offer(state);
            case CONTACT -> EMAIL_CHECK_STEP.equals(state.at().step())
                    ? OutboundMessage.withChoices(texts.text("contact.email-check",
                            Map.of("suggestion", String.valueOf(state.request().suggestion()))), List.of(
                            new Choice(fr.boussole.core.questionnaire.Question.YesNo.YES, texts.text("choice.yes")),
                            new Choice(KEEP_EMAIL, texts.text("contact.email-keep"))))
                    : new OutboundMessage(texts.text(key.channel() == Channel.TELEGRAM ? "contact.ask-telegram"
                            : "contact.ask"), List.of(), true);
            case CONSENT -> OutboundMessage.withChoices(String.valueOf(state.request().consentText()), List.of(
                    new Choice(CONTACT_ME, texts.text("contact.yes")), new Choice(REFUSE, texts.text("consent.refuse"))));
            case DONE -> OutboundMessage.withChoices(texts.text("done.next"), doneChoices());
            case RESUME -> OutboundMessage.withChoices(texts.text("resume.ask"), List.of(
                    new Choice(RESUME, texts.text("resume.resume")), new Choice(RESTART, texts.text("choice.restart"))));
        };
    }

    List<Choice> doneChoices() {
        return List.of(new Choice(OTHER_OFFERS, texts.text("done.other-offers")),
                new Choice(RESTART, texts.text("choice.restart")));
    }

    /** What "aide" says at this point, before the question is asked again. */
    String help(JourneyState state) {
        String specific = state.phase() == Phase.QUESTION ? currentStep(state).map(Step::help).orElse(null) : null;
        String key = "help." + state.phase().name().toLowerCase(Locale.ROOT).replace('_', '-');
        return (specific != null ? specific : texts.text(key)) + "\n" + texts.text("help.words");
    }

    /** "19 ans, Cahors, un emploi": what the journey knows of the young person, for them to check. */
    String facts(JourneyState state) {
        List<String> facts = new ArrayList<>();
        if (state.profile().age() > 0) {
            facts.add(texts.text("facts.age", Map.of("age", Integer.toString(state.profile().age()))));
        }
        if (state.profile().commune() != null) {
            facts.add(state.profile().communeName());
        }
        if (state.search().theme() != null) {
            facts.add(themeName(state.search().theme()));
        }
        return String.join(", ", facts);
    }

    String themeName(String theme) {
        return texts.has("theme.name." + theme) ? texts.text("theme.name." + theme) : String.valueOf(theme);
    }

    List<Choice> themeChoices(JourneyState state) {
        return territory(state).map(t -> t.activeThemes().stream()
                .map(theme -> new Choice(theme.id(), theme.label())).toList()).orElse(List.of());
    }

    Optional<TerritoryView> territory(JourneyState state) {
        return state.profile().communeInsee() == null ? Optional.empty()
                : ports.territories().openTerritoryFor(state.profile().communeInsee());
    }

    Optional<Step> currentStep(JourneyState state) {
        String step = state.at().step();
        return step == null ? Optional.empty() : questionnaire(state).flatMap(q -> q.step(step));
    }

    /**
     * The questionnaire the journey answers: the version recorded when the theme was chosen (a journey
     * finishes on it whatever is published meanwhile), else, for a state written before versions were
     * recorded, the one in force in the territory.
     */
    Optional<Questionnaire> questionnaire(JourneyState state) {
        JourneyState.Search search = state.search();
        if (search.theme() == null) {
            return Optional.empty();
        }
        return search.questionnaire() != null ? ports.questionnaires().version(search.questionnaire())
                : ports.questionnaires().current(state.profile().territoryId(), search.theme());
    }

    /** The number the young person writes from, when the channel is a phone's (SMS, WhatsApp). */
    Optional<String> ownNumber() {
        if (key.channel() != Channel.SMS && key.channel() != Channel.WHATSAPP) {
            return Optional.empty();
        }
        String address = key.address();
        return Optional.of(address.startsWith("whatsapp:") ? address.substring("whatsapp:".length()) : address);
    }

    /** The contact a request would carry now: the one given in this conversation, else the phone written from. */
    Optional<Contact> knownContact(JourneyState state) {
        if (state.request().contact() != null) {
            return Optional.of(state.request().contact());
        }
        return ownNumber().map(number -> new Contact(ContactMethod.PHONE, number));
    }

    /** "ton numéro 06 12 34 56 78", "ton e-mail lea@exemple.fr", or "ton numéro ou ton e-mail" when none is known. */
    String contactWords(Optional<Contact> contact) {
        return contact.map(c -> texts.text(c.method() == ContactMethod.PHONE ? "contact.your-number" : "contact.your-email",
                        Map.of("address", display(c))))
                .orElseGet(() -> texts.text("contact.your-contact"));
    }

    static String display(Contact contact) {
        return contact.method() == ContactMethod.PHONE ? PhoneNumbers.display(contact.address()) : contact.address();
    }

    /** The consent the offer card shows, for the contact known now. */
    String cardConsent(OfferDetails offer, JourneyState state) {
        return consent("consent.card", offer, knownContact(state));
    }

    String consent(String key, OfferDetails offer, Optional<Contact> contact) {
        return texts.text(key, Map.of("organisation", offer.organisationName(), "contact", contactWords(contact),
                "delay", Integer.toString(offer.contactDelayDays())));
    }

    private OutboundMessage communeChoice(JourneyState state) {
        List<Choice> all = CommuneChoices.of(state.candidates(), ports.communes(), ports.territories());
        if (HOME_STEP.equals(state.at().step()) && !all.isEmpty()) {
            var home = ports.communes().byInsee(state.candidates().getFirst()).orElseThrow();
            return OutboundMessage.withChoices(texts.text("commune.home", Map.of("commune", home.name(),
                    "departement", ports.territories().departementName(home.departement()))), List.of(
                    new Choice(home.insee(), texts.text("choice.yes")),
                    new Choice(OTHER_COMMUNE, texts.text("commune.home-no"))));
        }
        return OutboundMessage.withChoices(texts.text("commune.choose"), all);
    }

    private OutboundMessage question(JourneyState state) {
        Step step = currentStep(state).orElseThrow();
        if (step.question() instanceof Question.CommuneQuestion && !state.candidates().isEmpty()) {
            return OutboundMessage.withChoices(texts.text("commune.choose"),
                    CommuneChoices.of(state.candidates(), ports.communes(), ports.territories()));
        }
        String hint = switch (step.question()) {
            case Question.Number n when n.unit() != null && !n.unit().isBlank() ->
                    "\n" + texts.text("question.number-hint", Map.of("unit", n.unit()));
            default -> "";
        };
        return OutboundMessage.withChoices(step.text() + hint, reader.choicesOf(step));
    }

    private OutboundMessage offer(JourneyState state) {
        Optional<OfferDetails> offer = ports.catalog().offer(state.request().offerId());
        if (offer.isEmpty()) {
            return OutboundMessage.withChoices(texts.text("offer.gone"), List.of(
                    new Choice(OTHER_OFFERS, texts.text("offers.other-offers"))));
        }
        return OutboundMessage.withChoices(card(offer.get(), cardConsent(offer.get(), state)), List.of(
                new Choice(CONTACT_ME, texts.text("contact.yes")),
                new Choice(OTHER_OFFERS, texts.text("offers.other-offers"))));
    }

    /**
     * The offer in a few lines, then what a request sends and to whom. Fitted under two SMS: the full
     * title if it fits, else the short one; the first sentence of the description, cut if need be.
     */
    String card(OfferDetails offer, String consent) {
        String summary = firstSentence(offer.description());
        for (String title : List.of(offer.title(), offer.shortTitle())) {
            String text = details(offer, title, summary) + "\n\n" + consent;
            if (text.length() <= MAX_MESSAGE) {
                return text;
            }
        }
        int room = MAX_MESSAGE - (details(offer, offer.shortTitle(), "") + "\n\n" + consent).length() - 1;
        return details(offer, offer.shortTitle(), cut(summary, Math.max(0, room))) + "\n\n" + consent;
    }

    private String details(OfferDetails offer, String title, String summary) {
        boolean place = offer.place() != null && !offer.place().isBlank();
        return texts.text(place ? "offer.card-place" : "offer.card", Map.of("title", title,
                "organisation", offer.organisationName(), "place", place ? offer.place() : "", "summary", summary)).strip();
    }

    static String firstSentence(String description) {
        if (description == null) {
            return "";
        }
        String text = description.strip();
        int end = -1;
        for (int i = 0; i < text.length() - 1; i++) {
            char c = text.charAt(i);
            if ((c == '.' || c == '!' || c == '?') && Character.isWhitespace(text.charAt(i + 1))) {
                end = i + 1;
                break;
            }
        }
        return cut(end < 0 ? text : text.substring(0, end), MAX_SUMMARY);
    }

    private static String cut(String text, int max) {
        if (text.length() <= max) {
            return text;
        }
        if (max < 2) {
            return "";
        }
        String cut = text.substring(0, max - 1);
        int space = cut.lastIndexOf(' ');
        return (space > max / 2 ? cut.substring(0, space) : cut).replaceAll("[\\s,;:.'’-]+$", "") + "…";
    }
}
