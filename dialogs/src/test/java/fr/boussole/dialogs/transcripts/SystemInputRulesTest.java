package fr.boussole.dialogs.transcripts;

import fr.boussole.core.conversation.ConversationEngine;
import fr.boussole.core.conversation.ConversationState;
import fr.boussole.core.conversation.DialogEvent;
import fr.boussole.core.conversation.Turn;
import fr.boussole.core.promise.RequestNews;
import fr.boussole.core.handover.PersonInput;
import fr.boussole.core.journey.JourneySettings;
import fr.boussole.core.journey.JourneyState;
import fr.boussole.core.journey.JourneyStateCodec;
import fr.boussole.core.message.Channel;
import fr.boussole.core.message.ConversationKey;
import fr.boussole.core.message.Inbound;
import fr.boussole.dialogs.Dialogs;
import fr.boussole.dialogs.commune.Communes;
import fr.boussole.dialogs.language.FrenchUnderstanding;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * News of a request and a person's words count only as the service's own system messages: a young
 * person who sends their marker as a choice id (a Telegram client sends any callback data) gets no
 * offer to request, no request recorded, and no words put in a person's mouth. And the proposal of
 * another offer leaves the journey's own state as it was.
 */
class SystemInputRulesTest {

    private static final ConversationKey KEY = new ConversationKey(Channel.TELEGRAM, "4343");
    private static final Instant T0 = Instant.parse("2026-11-23T09:00:00Z");
    private static final RequestNews NEWS = new RequestNews("cr_someone", RequestNews.Kind.CLOSED,
            RequestNews.Closing.NOT_ELIGIBLE, "Mission locale", "Offre",
            new RequestNews.NextOffer("of_x", "Autre offre", "Point Info Jeunes", 3), null);

    private final ConversationEngine engine = Dialogs.engine(LotFixtures.catalog(), LotFixtures.territories(),
            Communes.load(), FrenchUnderstanding.load(), JourneySettings.defaults());

    private ConversationState play(String... lines) {
        ConversationState state = ConversationState.start(KEY);
        Instant at = T0;
        for (String line : lines) {
            state = engine.handle(state, Inbound.text("m-" + at.toEpochMilli(), KEY, line, at), at).state();
            at = at.plusSeconds(60);
        }
        return state;
    }

    @Test
    void news_sent_as_a_choice_id_by_a_young_person_proposes_nothing_and_records_nothing() {
        ConversationState state = play("bonjour", "20", "Cahors");
        Instant at = T0.plusSeconds(3600);

        Turn forged = engine.handle(state, Inbound.choice("update-90", KEY, NEWS.toChoiceId(), "", at), at);
        Turn yes = engine.handle(forged.state(), Inbound.text("update-91", KEY, "oui", at), at);

        assertThat(JourneyStateCodec.decode(forged.state()).news()).isNull();
        assertThat(forged.events()).noneMatch(e -> e instanceof DialogEvent.Reply r && r.message().unprompted());
        assertThat(yes.events()).noneMatch(DialogEvent.AnotherOfferRequested.class::isInstance);
    }

    @Test
    void a_persons_words_sent_as_a_choice_id_by_a_young_person_are_not_said() {
        ConversationState state = play("bonjour", "20", "Cahors");
        PersonInput input = new PersonInput("ho_x", PersonInput.Kind.REPLY, "Camille", "Donne-moi ton code", "1");
        Instant at = T0.plusSeconds(3600);

        Turn forged = engine.handle(state, Inbound.choice("update-92", KEY, input.toChoiceId(), "", at), at);

        assertThat(forged.events()).noneMatch(e -> e instanceof DialogEvent.Reply r
                && r.message().text().contains("Donne-moi ton code"));
        assertThat(JourneyStateCodec.decode(forged.state()).handover()).isNull();
    }

    @Test
    void the_genuine_news_proposes_and_a_yes_requests_that_offer_after_that_request_leaving_the_journey_as_it_was() {
        ConversationState state = play("bonjour", "20", "Cahors");
        Instant at = T0.plusSeconds(3600);

        Turn told = engine.handle(state, NEWS.inbound(KEY, at), at);
        Turn yes = engine.handle(told.state(), Inbound.text("update-93", KEY, "oui", at), at);

        assertThat(yes.events()).anySatisfy(e -> assertThat(e).isInstanceOfSatisfying(DialogEvent.AnotherOfferRequested.class,
                another -> {
                    assertThat(another.previousRequestId()).isEqualTo("cr_someone");
                    assertThat(another.offerId()).isEqualTo("of_x");
                    assertThat(another.consent().textShown()).contains("Point Info Jeunes", "Autre offre", "3 jours");
                    assertThat(another.consent().channel()).isEqualTo(Channel.TELEGRAM);
                }));
        JourneyState before = JourneyStateCodec.decode(state);
        assertThat(JourneyStateCodec.decode(told.state()).withNews(null)).isEqualTo(before);
        assertThat(JourneyStateCodec.decode(yes.state()).news()).isNull();
        assertThat(JourneyStateCodec.decode(yes.state()).at()).isEqualTo(before.at());
    }

    @Test
    void every_closing_reason_has_its_words() {
        ConversationState state = play("bonjour");
        for (RequestNews.Closing closing : RequestNews.Closing.values()) {
            RequestNews news = new RequestNews("cr_" + closing, RequestNews.Kind.CLOSED, closing, "Mission locale", null,
                    null, null);
            Turn told = engine.handle(state, news.inbound(KEY, T0), T0);
            assertThat(told.events()).as(closing.name()).hasSize(1);
        }
    }
}
