package fr.boussole.app.outbox;

import fr.boussole.pipeline.outbox.OutboxStatus;
import fr.boussole.core.message.ConversationKey;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Twilio and Telegram down, in every way they go down, while young people write: both answer 5xx,
 * then 429 asking to come back later, then nothing at all (an answer held back far beyond the clients'
 * timeout), then cut connections, then come back. Every reply must then have reached its provider
 * exactly once, in the order of its conversation, with none lost and none dead-lettered.
 *
 * <p>Fails when: a reply is lost or sent twice (the accepted sends differ from the outbox entries);
 * replies of a conversation overtake one another (same lists, different order); the outbox retries
 * before a 429's Retry-After / retry_after; a silent provider holds a sender thread instead of timing
 * out (the silent phase never sees two sends per recipient, or sees them 20 s apart); retries stop
 * short of the configured attempts (an entry dead-lettered); the retries do not show in the metrics.
 */
class ProviderOutageIT extends FlakyProviders {

    static final String ANNA = "+33612000801";
    static final String BASILE = "+33612000802";
    static final long CHLOE = 700800801L;

    @AfterEach
    void providersBack() {
        providersAnswer(Answer.OK);
    }

    @Test
    void every_reply_goes_out_once_and_in_order_through_an_outage_of_every_kind() {
        List<String> recipients = List.of(ANNA, BASILE, Long.toString(CHLOE));
        List<ConversationKey> conversations = List.of(smsConversation(ANNA), smsConversation(BASILE), telegramConversation(CHLOE));
        double retriedBefore = metric("boussole_outbox_retried_total", "channel=\"sms\"");

        providersAnswer(Answer.SERVER_ERROR);
        for (String text : List.of("bonjour", "20")) {
            sms(ANNA, text);
            sms(BASILE, text);
            telegram(CHLOE, text);
        }
        conversations.forEach(c -> awaitProcessed(c, 2));
        awaitSends(recipients, 2, s -> s.answer().startsWith("5"), "two 5xx answers to each recipient");

        providersAnswer(Answer.TOO_MANY_REQUESTS);
        awaitSends(recipients, 1, s -> s.answer().equals("429"), "a 429 answer to each recipient");

        providersAnswer(Answer.SILENCE);
        awaitSends(recipients, 2, s -> s.answer().equals("silence"), "two sends to each recipient while the providers say nothing");

        providersAnswer(Answer.RESET);
        awaitSends(recipients, 1, s -> s.answer().equals("reset"), "a cut connection to each recipient");

        providersAnswer(Answer.OK);
        conversations.forEach(c -> awaitSettled(c, 2));

        for (int i = 0; i < recipients.size(); i++) {
            String to = recipients.get(i);
            List<Document> entries = entries(conversations.get(i));
            List<Send> sends = sendsTo(to);
            long start = sends.getFirst().at();
            System.out.println("ProviderOutageIT sends to " + to + ": "
                    + sends.stream().map(x -> (x.at() - start) + "ms " + x.answer()).toList());

            assertThat(entries).as("replies of " + to).hasSizeGreaterThanOrEqualTo(2)
                    .allSatisfy(e -> assertThat(e.getString("status")).isEqualTo(OutboxStatus.SENT.name()));
            assertThat(sends.stream().filter(Send::accepted).map(Send::text).toList())
                    .as("what the provider accepted for " + to + ": each reply once, in the conversation's order")
                    .containsExactlyElementsOf(entries.stream().flatMap(e -> textsOf(e).stream()).toList());
            assertThat(((Number) entries.getFirst().get("attempts")).intValue())
                    .as("the first reply lived through every phase: 2×5xx, 429, 2×silence, reset, then sent")
                    .isGreaterThanOrEqualTo(7).isLessThanOrEqualTo(ATTEMPTS);

            for (int s = 0; s + 1 < sends.size(); s++) {
                Send send = sends.get(s);
                long gap = sends.get(s + 1).at() - send.at();
                if (send.answer().equals("429")) {
                    assertThat(gap).as("next send to " + to + " after a 429 asking for " + RETRY_AFTER)
                            .isGreaterThanOrEqualTo(RETRY_AFTER.toMillis() - 20);
                }
                if (send.answer().equals("silence")) {
                    assertThat(gap).as("next send to " + to + " after a silent provider: the client gave up, it did not wait 20 s")
                            .isLessThan(20_000);
                }
            }
        }
        Map<String, Long> answers = sends().stream().filter(s -> recipients.contains(s.to()))
                .collect(Collectors.groupingBy(Send::answer, Collectors.counting()));
        System.out.println("ProviderOutageIT sends by answer: " + answers);

        assertThat(metric("boussole_outbox_retried_total", "channel=\"sms\"")).as("retries counted").isGreaterThan(retriedBefore);
        assertThat(metric("boussole_outbox_retried_total", "channel=\"telegram\"")).as("retries counted").isPositive();
    }
}
