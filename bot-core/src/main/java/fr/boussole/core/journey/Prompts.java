package fr.boussole.core.journey;

import fr.boussole.core.message.Channel;
import fr.boussole.core.message.Choice;
import fr.boussole.core.message.ConversationKey;
import fr.boussole.core.message.OutboundMessage;
import fr.boussole.core.offer.OfferDetails;
import fr.boussole.core.offer.TerritoryView;
import fr.boussole.core.questionnaire.Question;
import fr.boussole.core.questionnaire.Questionnaire;
import fr.boussole.core.questionnaire.Step;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The question the bot asks at each point of the journey, rebuilt from the state alone. */
final class Prompts {

    static final String RESTART = "recommencer";
    static final String RESUME = "reprendre";
    static final String THIS_NUMBER = "ce-numero";
    static final String OTHER_NUMBER = "autre-numero";
    static final String EMAIL = "email";
    static final String ACCEPT = "accepte";
    static final String REFUSE = "refuse";
    static final String OTHER_OFFERS = "autres-offres";
    static final String PHONE_STEP = "telephone";
    static final String EMAIL_STEP = "email";

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
            case NEW, AGE -> OutboundMessage.of(texts.text("age.ask"));
            case COMMUNE -> OutboundMessage.of(texts.text("commune.ask"));
            case COMMUNE_CHOICE -> OutboundMessage.withChoices(texts.text("commune.choose"),
                    CommuneChoices.of(state.candidates(), ports.communes()));
            case THEME -> OutboundMessage.withChoices(texts.text("theme.ask",
                    Map.of("commune", state.profile().communeName())), themeChoices(state));
            case QUESTION -> question(state);
            case OFFERS -> {
                var matching = offers.matching(state, now);
                yield offers.render(matching, Math.min(state.search().page(), offers.pageCount(matching.size()) - 1));
            }
            case WANTS_CONTACT -> wantsContact(state);
            case CONTACT_METHOD -> contactMethod(state);
            case CONTACT_ADDRESS -> !EMAIL_STEP.equals(state.at().step())
                    ? new OutboundMessage(texts.text("contact.ask-phone"), List.of(), true)
                    : OutboundMessage.of(texts.text("contact.ask-email"));
            case CONSENT -> OutboundMessage.withChoices(state.request().consentText(), List.of(
                    new Choice(ACCEPT, texts.text("consent.accept")), new Choice(REFUSE, texts.text("consent.refuse"))));
            case DONE -> OutboundMessage.withChoices(texts.text("done.next"), List.of(
                    new Choice(OTHER_OFFERS, texts.text("done.other-offers")),
                    new Choice(RESTART, texts.text("choice.restart"))));
            case RESUME -> OutboundMessage.withChoices(texts.text("resume.ask"), List.of(
                    new Choice(RESUME, texts.text("resume.resume")), new Choice(RESTART, texts.text("choice.restart"))));
        };
    }

    /** What "aide" says at this point, before the question is asked again. */
    String help(JourneyState state) {
        String specific = switch (state.phase()) {
            case QUESTION -> currentStep(state).map(Step::help).orElse(null);
            default -> null;
        };
        String key = "help." + state.phase().name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
        return (specific != null ? specific : texts.text(key)) + "\n" + texts.text("help.words");
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

    List<Choice> contactMethodChoices() {
        List<Choice> choices = new ArrayList<>();
        if (writesFromAPhone()) {
            choices.add(new Choice(THIS_NUMBER, texts.text("contact.this-number")));
            choices.add(new Choice(OTHER_NUMBER, texts.text("contact.other-number")));
        } else {
            choices.add(new Choice(OTHER_NUMBER, texts.text("contact.a-number")));
        }
        choices.add(new Choice(EMAIL, texts.text("contact.an-email")));
        return choices;
    }

    boolean writesFromAPhone() {
        Channel channel = key.channel();
        return channel == Channel.SMS || channel == Channel.WHATSAPP;
    }

    private OutboundMessage contactMethod(JourneyState state) {
        return new OutboundMessage(texts.text("contact.how"), contactMethodChoices(), true);
    }

    private OutboundMessage question(JourneyState state) {
        Step step = currentStep(state).orElseThrow();
        if (step.question() instanceof Question.CommuneQuestion && !state.candidates().isEmpty()) {
            return OutboundMessage.withChoices(texts.text("commune.choose"),
                    CommuneChoices.of(state.candidates(), ports.communes()));
        }
        String hint = switch (step.question()) {
            case Question.Number n when n.unit() != null && !n.unit().isBlank() ->
                    "\n" + texts.text("question.number-hint", Map.of("unit", n.unit()));
            default -> "";
        };
        return OutboundMessage.withChoices(step.text() + hint, reader.choicesOf(step));
    }

    private OutboundMessage wantsContact(JourneyState state) {
        Optional<OfferDetails> offer = ports.catalog().offer(state.request().offerId());
        if (offer.isEmpty()) {
            return OutboundMessage.withChoices(texts.text("offer.gone"), reader.yesNoChoices());
        }
        return OutboundMessage.withChoices(details(offer.get()) + "\n\n" + texts.text("contact.want"),
                reader.yesNoChoices());
    }

    String details(OfferDetails offer) {
        return texts.text("offer.details", Map.of("title", offer.title(), "description", offer.description(),
                "organisation", offer.organisationName(), "place", offer.place() == null ? "" : offer.place(),
                "delay", Integer.toString(offer.contactDelayDays())));
    }
}
