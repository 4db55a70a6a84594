package fr.boussole.core.journey;

import fr.boussole.core.conversation.ConsentRecord;
import fr.boussole.core.conversation.DialogEvent;
import fr.boussole.core.promise.ContactChecks;
import fr.boussole.core.promise.RequestNews;
import fr.boussole.core.journey.JourneyState.PendingNews;
import fr.boussole.core.language.Intent;
import fr.boussole.core.message.Choice;
import fr.boussole.core.message.Inbound;
import fr.boussole.core.message.OutboundMessage;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * News of a request, told on a system message whatever the journey's phase: taken in hand, closed
 * (how, in plain words) or past its delay (what happens next). When the young person was left without
 * help, the next matching offer is proposed with one tap to send a new request (the proposal is the
 * consent: it names the organisation, what it receives and the delay), or else who to call. When the
 * delay passed, "On m'a contacté" answers "were you contacted?" in the same message. Like the contact
 * check, the answer waits above the phase, and anything else goes to the journey after one re-ask.
 */
final class RequestNewsSteps {

    static final String SEND = "news-envoyer";
    static final String DECLINE = "news-non";
    static final String CONTACTED = "news-contacte";

    private final TurnContext turn;

    RequestNewsSteps(TurnContext turn) {
        this.turn = turn;
    }

    /** The system message: tell it, unless the young person opted out (then not a word). */
    void tell(RequestNews news) {
        if (turn.state().optedOut()) {
            return;
        }
        StringBuilder text = new StringBuilder(lead(news));
        String consent = null;
        if (needsAnotherWay(news)) {
            if (news.next() != null) {
                consent = turn.texts.text("news.next", Map.of("organisation", news.next().organisationName(),
                        "offer", news.next().title(), "delay", Integer.toString(news.next().delayDays())));
                text.append("\n\n").append(consent);
            } else if (news.fallback() != null) {
                text.append("\n\n").append(turn.texts.text("news.fallback",
                        Map.of("name", news.fallback().name(), "phone", news.fallback().phone())));
            } else {
                text.append("\n\n").append(turn.texts.text("news.write-again"));
            }
        }
        List<Choice> choices = choices(news);
        if (!choices.isEmpty()) {
            String shown = consent;
            turn.update(s -> s.withNews(new PendingNews(news, shown, 0)));
        }
        turn.say(new OutboundMessage(text.toString(), choices, false, true));
    }

    boolean pending() {
        return turn.state().news() != null;
    }

    /**
     * The young person's message while the news waits for an answer: a tap or its words do what
     * they say and the journey goes on; anything else is asked again once, then the news is dropped
     * and the message goes to the journey.
     *
     * @return whether the message was taken by the news
     */
    boolean answer(GlobalWords words) {
        PendingNews pending = turn.state().news();
        List<Choice> choices = choices(pending.news());
        Optional<String> answer = read(pending.news(), choices);
        if (answer.isEmpty()) {
            if (pending.reasks() == 0) {
                turn.update(s -> s.withNews(new PendingNews(pending.news(), pending.consentText(), 1)));
                turn.say(OutboundMessage.withChoices(turn.texts.text("news.reask"), choices));
                return true;
            }
            drop();
            return false;
        }
        drop();
        RequestNews news = pending.news();
        String said = switch (answer.get()) {
            case SEND -> {
                turn.events.add(new DialogEvent.AnotherOfferRequested(news.requestId(), news.next().offerId(),
                        new ConsentRecord(pending.consentText(), turn.texts.text("consent.version"), turn.now,
                                turn.key.channel())));
                yield turn.texts.text("news.sent", Map.of("organisation", news.next().organisationName(),
                        "delay", Integer.toString(news.next().delayDays())));
            }
            case CONTACTED -> {
                turn.events.add(new DialogEvent.ContactCheckAnswered(news.requestId(), ContactChecks.Answer.YES));
                yield turn.texts.text("check.thanks-yes");
            }
            default -> turn.texts.text("news.declined");
        };
        if (turn.state().phase() == Phase.NEW || turn.state().phase() == Phase.DONE) {
            turn.say(OutboundMessage.of(said)); // nothing to go back to
        } else if (words.expired()) {
            words.offerToResume(said);
        } else {
            turn.say(TurnContext.prefixed(said, turn.prompt()));
        }
        return true;
    }

    /** "aide" while the news waits: what it is about, then its choices again. */
    void help() {
        turn.say(OutboundMessage.withChoices(turn.texts.text("news.help"), choices(turn.state().news().news())));
    }

    /** A global word other than help: the news is dropped and the word does what it always does. */
    void drop() {
        turn.update(s -> s.withNews(null));
    }

    private String lead(RequestNews news) {
        Map<String, String> names = Map.of("organisation", orEmpty(news.organisationName()),
                "offer", orEmpty(news.offerTitle()));
        return switch (news.kind()) {
            case TAKEN_IN_HAND -> turn.texts.text("news.taken", names);
            case CLOSED -> turn.texts.text("news.closed." + news.closing().name(), names);
            case EXPIRED -> turn.texts.text("news.expired", names);
        };
    }

    /** Left without help, or left waiting: another way is given. */
    private static boolean needsAnotherWay(RequestNews news) {
        return news.kind() == RequestNews.Kind.EXPIRED
                || (news.kind() == RequestNews.Kind.CLOSED && news.closing().leftWithoutHelp());
    }

    private List<Choice> choices(RequestNews news) {
        List<Choice> choices = new ArrayList<>();
        if (needsAnotherWay(news) && news.next() != null) {
            choices.add(new Choice(SEND, turn.texts.text("news.send")));
            choices.add(new Choice(DECLINE, turn.texts.text("news.decline")));
        }
        if (news.kind() == RequestNews.Kind.EXPIRED) {
            choices.add(new Choice(CONTACTED, turn.texts.text("news.contacted")));
        }
        return choices;
    }

    /** A tap, "on m'a contacté" in words, a yes or a no, or a number. */
    private Optional<String> read(RequestNews news, List<Choice> choices) {
        Inbound inbound = turn.inbound;
        if (inbound.choiceId() != null) {
            return choices.stream().map(Choice::id).filter(inbound.choiceId()::equals).findFirst();
        }
        if (inbound.text().isBlank()) {
            return Optional.empty();
        }
        var understanding = turn.ports.understanding();
        String typed = " " + understanding.normalise(inbound.text()) + " ";
        boolean contacted = Arrays.stream(turn.texts.text("news.contacted-words").split(","))
                .map(words -> understanding.normalise(words.strip()))
                .anyMatch(words -> !words.isEmpty() && typed.contains(" " + words + " "));
        boolean offersContacted = choices.stream().anyMatch(c -> c.id().equals(CONTACTED));
        if (contacted && offersContacted) {
            return Optional.of(CONTACTED);
        }
        Optional<Choice> numbered = understanding.choiceIn(inbound.text(), choices);
        if (numbered.isPresent()) {
            return numbered.map(Choice::id);
        }
        Intent intent = understanding.intentOf(inbound.text());
        boolean offersSend = choices.stream().anyMatch(c -> c.id().equals(SEND));
        if (intent == Intent.YES) {
            return Optional.of(offersSend ? SEND : CONTACTED);
        }
        if (intent == Intent.NO) {
            return Optional.of(DECLINE);
        }
        return Optional.empty();
    }

    private static String orEmpty(String text) {
        return text == null ? "" : text;
    }
}
