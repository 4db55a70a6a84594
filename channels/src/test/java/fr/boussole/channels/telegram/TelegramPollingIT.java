package fr.boussole.channels.telegram;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlMatching;
import static org.assertj.core.api.Assertions.assertThat;

import fr.boussole.channels.support.ChannelsIntegrationTest;
import fr.boussole.channels.support.Fixtures;
import fr.boussole.core.message.Inbound;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.telegram.telegrambots.meta.generics.TelegramClient;

class TelegramPollingIT extends ChannelsIntegrationTest {

    @Autowired
    TelegramUpdates updates;
    @Autowired
    TelegramClient telegram;

    @Test
    void long_polling_deletes_the_webhook_and_hands_updates_to_the_same_inbox() throws Exception {
        PROVIDERS.stubFor(post(urlMatching("(?i)/bot.*/deletewebhook")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody(Fixtures.text("telegram/api/true.json"))));
        PROVIDERS.stubFor(post(urlMatching("(?i)/bot.*/getupdates")).inScenario("poll").whenScenarioStateIs("Started")
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                        .withBody("{\"ok\":true,\"result\":[" + Fixtures.text("telegram/update-text.json") + "]}"))
                .willSetStateTo("drained"));
        PROVIDERS.stubFor(post(urlMatching("(?i)/bot.*/getupdates")).inScenario("poll").whenScenarioStateIs("drained")
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                        .withFixedDelay(200).withBody("{\"ok\":true,\"result\":[]}")));
        TelegramProperties polling = new TelegramProperties(BOT_TOKEN, null, "polling", java.net.URI.create(PROVIDERS.baseUrl()),
                null, null, null);

        try (TelegramPolling poller = new TelegramPolling(updates, telegram, polling)) {
            poller.start();
            for (int i = 0; i < 200 && inbox.accepted().isEmpty(); i++) {
                Thread.sleep(50);
            }
        }

        PROVIDERS.verify(postRequestedFor(urlMatching("(?i)/bot.*/deletewebhook")));
        assertThat(inbox.accepted()).singleElement().extracting(Inbound::providerMessageId).isEqualTo("815000001");
    }
}
