package fr.boussole.dialogs.bench;

import fr.boussole.channels.sms.Gsm7;
import fr.boussole.channels.sms.SmsRenderer;
import fr.boussole.core.conversation.ConversationEngine;
import fr.boussole.core.conversation.ConversationState;
import fr.boussole.core.conversation.DialogEvent;
import fr.boussole.core.conversation.Turn;
import fr.boussole.core.journey.JourneySettings;
import fr.boussole.core.journey.JourneyStateCodec;
import fr.boussole.core.journey.Phase;
import fr.boussole.core.message.Channel;
import fr.boussole.core.message.Choice;
import fr.boussole.core.message.ConversationKey;
import fr.boussole.core.message.Inbound;
import fr.boussole.core.message.OutboundMessage;
import fr.boussole.dialogs.Dialogs;
import fr.boussole.dialogs.commune.Communes;
import fr.boussole.dialogs.language.FrenchUnderstanding;
import fr.boussole.dialogs.transcripts.LotFixtures;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * How many messages a young person sends from "bonjour" to a confirmed request, and how many SMS
 * segments the bot's answers cost on an SMS journey, for each theme: the figures of BENCHMARKS.md
 * ("Journey length"). Run with {@code scripts/journeys}.
 * <p>
 * The real engine, questionnaires, texts, understanding and communes, with the transcripts' offers
 * of the Lot ({@link LotFixtures}). Four young people per theme, each answering what the bot asks
 * (read from the state's phase) the same way every time:
 * <ul>
 *   <li><b>web, buttons</b>: types "bonjour", then "19 ans, Cahors", taps the first choice of every
 *       question and offer, "Oui, contactez-moi", and types an email;</li>
 *   <li><b>WhatsApp, buttons</b>: the same, the number written from being the contact;</li>
 *   <li><b>SMS, one sentence</b>: "bonjour j'ai 19 ans j'habite à Cahors et je cherche …" (the
 *       theme in words), then "oui" and line numbers;</li>
 *   <li><b>SMS, typed</b>: "bonjour", "19 ans, Cahors", then line numbers and "oui"; every bot message
 *       is rendered for SMS (numbered choices, GSM-7, split) and its segments counted.</li>
 * </ul>
 */
public final class JourneyLengths {

    private static final Instant START = Instant.parse("2026-11-23T09:00:00Z");
    private static final List<String> THEMES = List.of("emploi", "formation", "logement", "sante", "mobilite-internationale");
    private static final Map<String, String> IN_WORDS = Map.of("emploi", "un boulot", "formation", "une formation",
            "logement", "un appart", "sante", "voir un psy", "mobilite-internationale", "partir à l'étranger");
    private static final int MAX_TURNS = 30;

    enum Persona { WEB_BUTTONS, WHATSAPP_BUTTONS, SMS_ONE_SENTENCE, SMS_TYPED }

    /** One journey: the young person's messages to the request, the bot's messages and their SMS segments. */
    record Journey(int messages, int botMessages, int segments, boolean requested) {}

    private final ConversationEngine engine = Dialogs.engine(LotFixtures.catalog(), LotFixtures.territories(),
            Communes.load(), FrenchUnderstanding.load(), JourneySettings.defaults());

    public static void main(String[] args) {
        JourneyLengths lengths = new JourneyLengths();
        System.out.println("| theme | web, buttons | WhatsApp, buttons | SMS, one sentence | SMS, typed | SMS segments (bot SMS) |");
        System.out.println("|---|---|---|---|---|---|");
        List<Integer> web = new ArrayList<>();
        List<Integer> whatsapp = new ArrayList<>();
        List<Integer> sentence = new ArrayList<>();
        List<Integer> typed = new ArrayList<>();
        List<Integer> segments = new ArrayList<>();
        for (String theme : THEMES) {
            Journey w = lengths.run(theme, Persona.WEB_BUTTONS);
            Journey wa = lengths.run(theme, Persona.WHATSAPP_BUTTONS);
            Journey one = lengths.run(theme, Persona.SMS_ONE_SENTENCE);
            Journey sms = lengths.run(theme, Persona.SMS_TYPED);
            web.add(w.messages());
            whatsapp.add(wa.messages());
            sentence.add(one.messages());
            typed.add(sms.messages());
            segments.add(sms.segments());
            System.out.printf("| %s | %s | %s | %s | %s | %d (%d) |%n", theme, count(w), count(wa), count(one), count(sms),
                    sms.segments(), sms.botMessages());
        }
        System.out.printf("| **median** | %d | %d | %d | %d | %d |%n", median(web), median(whatsapp), median(sentence),
                median(typed), median(segments));
    }

    private static String count(Journey journey) {
        return journey.requested() ? Integer.toString(journey.messages()) : journey.messages() + " (no request!)";
    }

    static int median(List<Integer> values) {
        List<Integer> sorted = values.stream().sorted().toList();
        return sorted.get(sorted.size() / 2);
    }

    Journey run(String theme, Persona persona) {
        ConversationKey key = switch (persona) {
            case WEB_BUTTONS -> new ConversationKey(Channel.WEB, "bench-" + theme);
            case WHATSAPP_BUTTONS -> new ConversationKey(Channel.WHATSAPP, "whatsapp:+33699000001");
            case SMS_ONE_SENTENCE, SMS_TYPED -> new ConversationKey(Channel.SMS, "+33699000002");
        };
        ConversationState state = ConversationState.start(key);
        Instant now = START;
        List<OutboundMessage> said = new ArrayList<>();
        int messages = 0;
        int sms = 0;
        int segments = 0;
        Inbound next = Inbound.text("m0", key, persona == Persona.SMS_ONE_SENTENCE
                ? "bonjour j'ai 19 ans j'habite à Cahors et je cherche " + IN_WORDS.get(theme) : "bonjour", now);
        while (messages < MAX_TURNS) {
            messages++;
            Turn turn = engine.handle(state, next, now);
            state = turn.state();
            said.clear();
            for (DialogEvent event : turn.events()) {
                if (event instanceof DialogEvent.Reply(OutboundMessage message)) {
                    said.add(message);
                    for (String part : SmsRenderer.render(message)) {
                        sms++;
                        segments += Gsm7.segments(part);
                    }
                }
            }
            if (turn.events().stream().anyMatch(DialogEvent.ContactRequested.class::isInstance)) {
                return new Journey(messages, sms, segments, true);
            }
            now = now.plusSeconds(30);
            next = answer(key, persona, theme, JourneyStateCodec.decode(state).phase(), said.getLast(), "m" + messages, now);
            if (next == null) {
                break;
            }
        }
        return new Journey(messages, sms, segments, false);
    }

    /** What this young person answers to what the bot asks now. */
    private static Inbound answer(ConversationKey key, Persona persona, String theme, Phase phase, OutboundMessage asked,
                                  String id, Instant now) {
        boolean taps = persona == Persona.WEB_BUTTONS || persona == Persona.WHATSAPP_BUTTONS;
        List<Choice> choices = asked.choices();
        return switch (phase) {
            case AGE -> Inbound.text(id, key, "19 ans, Cahors", now);
            case COMMUNE -> Inbound.text(id, key, "Cahors", now);
            case FACTS, SWITCH_THEME -> Inbound.text(id, key, "oui", now);
            case THEME -> pick(key, taps, choices, choices.stream().map(Choice::id).toList().indexOf(theme), id, now);
            case QUESTION, OFFERS, COMMUNE_CHOICE -> pick(key, taps, choices, 0, id, now);
            case OFFER, CONSENT -> taps ? Inbound.choice(id, key, "contactez-moi", "", now) : Inbound.text(id, key, "oui", now);
            case CONTACT -> Inbound.text(id, key, "camille.martin@example.fr", now);
            default -> null;
        };
    }

    private static Inbound pick(ConversationKey key, boolean taps, List<Choice> choices, int index, String id, Instant now) {
        return taps ? Inbound.choice(id, key, choices.get(index).id(), choices.get(index).label(), now)
                : Inbound.text(id, key, Integer.toString(index + 1), now);
    }
}
