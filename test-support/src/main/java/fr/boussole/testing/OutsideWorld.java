package fr.boussole.testing;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import de.bwaldvogel.mongo.MongoServer;
import org.springframework.test.context.DynamicPropertyRegistry;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;

/**
 * The doubles of the outside world that a running app (or module) under test talks to through its real
 * clients: MongoDB in memory (mongo-java-server, reached through the real driver), one WireMock answering
 * both Twilio's and Telegram's APIs, and, when asked, an SMTP server (GreenMail). Each test base keeps its
 * own world in a static field, so that the contexts Spring caches side by side never share a database or
 * a provider's stubs. Stopped when the JVM ends.
 * <p>
 * Needs mongo-java-server, WireMock, GreenMail and spring-test on the test class path (optional here: a
 * module that uses this class declares them).
 */
public final class OutsideWorld {

    private final MongoServer mongo;
    private final InetSocketAddress mongoAddress;
    private final WireMockServer providers;
    private final GreenMail smtp;

    private OutsideWorld(WireMockConfiguration providerOptions, boolean withSmtp) {
        mongo = new MongoServer(new InMemoryStore());
        mongoAddress = mongo.bind();
        providers = new WireMockServer(providerOptions.dynamicPort());
        providers.start();
        smtp = withSmtp ? new GreenMail(new ServerSetup(freePort(), "127.0.0.1", "smtp")) : null;
        if (smtp != null) {
            smtp.start();
        }
        Runtime.getRuntime().addShutdownHook(new Thread(this::stop));
    }

    /** MongoDB and the providers, no SMTP server. */
    public static OutsideWorld start() {
        return new OutsideWorld(WireMockConfiguration.options(), false);
    }

    /** MongoDB, the providers and an SMTP server. */
    public static OutsideWorld withSmtp() {
        return new OutsideWorld(WireMockConfiguration.options(), true);
    }

    /** MongoDB and the providers with WireMock's own options (its port is always a free one). */
    public static OutsideWorld start(WireMockConfiguration providerOptions, boolean withSmtp) {
        return new OutsideWorld(providerOptions, withSmtp);
    }

    public WireMockServer providers() {
        return providers;
    }

    /** The SMTP server; only for a world started {@link #withSmtp()}. */
    public GreenMail smtp() {
        if (smtp == null) {
            throw new IllegalStateException("this world has no SMTP server: start it withSmtp()");
        }
        return smtp;
    }

    public InetSocketAddress mongoAddress() {
        return mongoAddress;
    }

    public String mongoUri(String database) {
        return "mongodb://" + mongoAddress.getHostString() + ":" + mongoAddress.getPort() + "/" + database;
    }

    /**
     * Points the code under test at this world: its database, Twilio and Telegram (with the given accounts)
     * and the SMTP server when there is one. Send rates are high, so that tests measure the conversation and
     * not the limiter (a long code's 1 message/s, the default, would make each turn wait). A test adds its
     * own settings after these: a later value of the same property wins.
     */
    public void register(DynamicPropertyRegistry registry, String database, ProviderAccounts accounts) {
        registry.add("spring.mongodb.uri", () -> mongoUri(database));
        registry.add("boussole.public-base-url", accounts::publicBaseUrl);
        registry.add("boussole.channels.twilio.account-sid", accounts::accountSid);
        registry.add("boussole.channels.twilio.auth-token", accounts::authToken);
        registry.add("boussole.channels.twilio.sms-from", accounts::smsFrom);
        if (accounts.whatsappFrom() != null) {
            registry.add("boussole.channels.twilio.whatsapp-from", accounts::whatsappFrom);
        }
        registry.add("boussole.channels.twilio.api-base-url", providers::baseUrl);
        registry.add("boussole.channels.twilio.sends-per-second", () -> "50");
        registry.add("boussole.channels.telegram.bot-token", accounts::botToken);
        registry.add("boussole.channels.telegram.webhook-secret", accounts::telegramSecret);
        registry.add("boussole.channels.telegram.api-base-url", providers::baseUrl);
        registry.add("boussole.channels.telegram.messages-per-chat-per-second", () -> "50");
        if (smtp != null) {
            registry.add("boussole.channels.email.from", () -> "boussole@boussole.example.org");
            registry.add("spring.mail.host", () -> "127.0.0.1");
            registry.add("spring.mail.port", () -> smtp.getSmtp().getPort());
        }
    }

    private void stop() {
        if (smtp != null) {
            smtp.stop();
        }
        providers.stop();
        mongo.shutdownNow();
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
