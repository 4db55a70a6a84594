package fr.boussole.app.config;

import fr.boussole.core.settings.InvalidSettingException;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.Environment;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The one validation step of the settings, before anything starts, so that a wrong value stops start-up
 * with one line naming the variable instead of failing later, deep in a request: names the tree no longer
 * reads refused, the contract's variables and the rules that span several settings (Twilio's pair of
 * credentials, Telegram's secret in webhook mode, the demo password off loopback…), then every module's
 * settings record bound once ({@link SettingsTree}) with its own rules. Reads property names
 * (so that tests may set them too) and reports the variable's name.
 */
public final class StartupSettings {

    private static final Pattern E164 = Pattern.compile("\\+[1-9][0-9]{6,14}");
    private static final Pattern TELEGRAM_SECRET = Pattern.compile("[A-Za-z0-9_-]{1,256}");
    /** Shorter secrets can be guessed: a webhook secret or a scraper's token is all that guards its endpoint. */
    static final int MIN_TELEGRAM_SECRET = 16;
    static final int MIN_TWILIO_AUTH_TOKEN = 32;
    static final int MIN_METRICS_TOKEN = 32;
    /** The demo accounts' password when none is given: published in the README, so never on a public address. */
    static final String PUBLISHED_DEMO_PASSWORD = "boussole-demo";

    private StartupSettings() {}

    public static void check(Environment env) {
        if (env instanceof ConfigurableEnvironment tree) {
            SettingsTree.refuseOldNames(tree);
        }
        port(env, "server.port", "SERVER_PORT");
        httpUrl(env, "boussole.public-base-url", "PUBLIC_BASE_URL");
        bool(env, "boussole.store.demo.enabled", "BOUSSOLE_DEMO_DATA");
        String mailFrom = value(env, "boussole.channels.email.from");
        if (mailFrom != null && !mailFrom.matches("[^@\\s]+@[^@\\s]+")) {
            throw new InvalidSettingException("BOUSSOLE_MAIL_FROM", "not an email address");
        }
        port(env, "spring.mail.port", "SPRING_MAIL_PORT");
        twilio(env);
        telegram(env);
        String metricsToken = value(env, "boussole.metrics-token");
        if (metricsToken != null && metricsToken.length() < MIN_METRICS_TOKEN) {
            throw new InvalidSettingException("BOUSSOLE_METRICS_TOKEN", "too short (" + metricsToken.length()
                    + " characters): at least " + MIN_METRICS_TOKEN + ", e.g. the output of openssl rand -base64 32");
        }
        demoPassword(env);
        if (env instanceof ConfigurableEnvironment tree) {
            SettingsTree.check(tree); // every module's settings record, bound once with its own rules
        }
    }

    /**
     * The demo accounts get {@code BOUSSOLE_DEMO_PASSWORD}, {@code boussole-demo} unless set: anyone who read
     * the README could sign in as an animateur. That is refused when the demo data may be loaded and the app
     * is reached at anything but a loopback address.
     */
    private static void demoPassword(Environment env) {
        String demoData = value(env, "boussole.store.demo.enabled");
        boolean demo = demoData == null ? mongoUri(env) == null : demoData.equalsIgnoreCase("true");
        String password = value(env, "boussole.store.demo.password");
        String url = value(env, "boussole.public-base-url");
        if (demo && (password == null || password.equals(PUBLISHED_DEMO_PASSWORD)) && url != null && !loopback(url)) {
            throw new InvalidSettingException("BOUSSOLE_DEMO_PASSWORD", "the demo accounts would get the published password "
                    + PUBLISHED_DEMO_PASSWORD + " while PUBLIC_BASE_URL (" + url + ") is not a loopback address; "
                    + "set BOUSSOLE_DEMO_PASSWORD to one of your own (12 characters or more) or BOUSSOLE_DEMO_DATA=false");
        }
        if (demo && password != null && !password.equals(PUBLISHED_DEMO_PASSWORD) && password.length() < 12) {
            throw new InvalidSettingException("BOUSSOLE_DEMO_PASSWORD", "too short (" + password.length()
                    + " characters): at least 12");
        }
    }

    /** True when the URL names this machine: localhost, 127.0.0.0/8 or ::1. */
    static boolean loopback(String url) {
        try {
            String host = new URI(url).getHost();
            if (host == null) {
                return false;
            }
            host = host.toLowerCase(Locale.ROOT);
            return host.equals("localhost") || host.endsWith(".localhost") || host.equals("[::1]")
                    || host.matches("127(\\.[0-9]{1,3}){3}");
        } catch (URISyntaxException e) {
            return false;
        }
    }

    /** The connection string, whichever way it was given: null means the embedded store. */
    public static String mongoUri(Environment env) {
        String uri = value(env, "spring.mongodb.uri");
        if (uri == null) {
            uri = value(env, "MONGODB_URI");
        }
        if (uri != null && !(uri.startsWith("mongodb://") || uri.startsWith("mongodb+srv://"))) {
            throw new InvalidSettingException("MONGODB_URI", "must start with mongodb:// or mongodb+srv://");
        }
        return uri;
    }

    private static void twilio(Environment env) {
        String sid = value(env, "boussole.channels.twilio.account-sid");
        String token = value(env, "boussole.channels.twilio.auth-token");
        if (sid == null && token != null) {
            throw new InvalidSettingException("TWILIO_ACCOUNT_SID", "missing while TWILIO_AUTH_TOKEN is set");
        }
        if (sid != null && token == null) {
            throw new InvalidSettingException("TWILIO_AUTH_TOKEN", "missing while TWILIO_ACCOUNT_SID is set");
        }
        if (token != null && token.length() < MIN_TWILIO_AUTH_TOKEN) {
            throw new InvalidSettingException("TWILIO_AUTH_TOKEN", "too short (" + token.length() + " characters): a Twilio auth token has "
                    + MIN_TWILIO_AUTH_TOKEN);
        }
        if (sid != null && !sid.startsWith("AC")) {
            throw new InvalidSettingException("TWILIO_ACCOUNT_SID", "a Twilio account SID starts with AC");
        }
        String sms = value(env, "boussole.channels.twilio.sms-from");
        String whatsapp = value(env, "boussole.channels.twilio.whatsapp-from");
        if (sms != null && !E164.matcher(sms).matches()) {
            throw new InvalidSettingException("TWILIO_SMS_FROM", "not an E.164 number (+33...)");
        }
        if (whatsapp != null && !E164.matcher(whatsapp).matches()) {
            throw new InvalidSettingException("TWILIO_WHATSAPP_FROM", "not an E.164 number (+33..., without whatsapp:)");
        }
        if (sid != null && sms == null && whatsapp == null) {
            throw new InvalidSettingException("TWILIO_SMS_FROM", "Twilio is on but neither TWILIO_SMS_FROM nor TWILIO_WHATSAPP_FROM is set");
        }
        httpUrl(env, "boussole.channels.twilio.api-base-url", "TWILIO_API_BASE_URL");
    }

    private static void telegram(Environment env) {
        String mode = value(env, "boussole.channels.telegram.mode");
        if (mode != null && !mode.equalsIgnoreCase("webhook") && !mode.equalsIgnoreCase("polling")) {
            throw new InvalidSettingException("TELEGRAM_MODE", "must be webhook or polling");
        }
        boolean webhook = mode == null || mode.equalsIgnoreCase("webhook");
        String token = value(env, "boussole.channels.telegram.bot-token");
        String secret = value(env, "boussole.channels.telegram.webhook-secret");
        if (token != null && !token.matches("[0-9]+:[A-Za-z0-9_-]+")) {
            throw new InvalidSettingException("TELEGRAM_BOT_TOKEN", "not a bot token (digits:letters)");
        }
        if (token != null && webhook && secret == null) {
            throw new InvalidSettingException("TELEGRAM_WEBHOOK_SECRET", "required when TELEGRAM_BOT_TOKEN is set in webhook mode");
        }
        if (secret != null && !TELEGRAM_SECRET.matcher(secret).matches()) {
            throw new InvalidSettingException("TELEGRAM_WEBHOOK_SECRET", "1-256 characters of A-Z, a-z, 0-9, _ and -");
        }
        if (secret != null && secret.length() < MIN_TELEGRAM_SECRET) {
            throw new InvalidSettingException("TELEGRAM_WEBHOOK_SECRET", "too short (" + secret.length() + " characters): at least "
                    + MIN_TELEGRAM_SECRET + " of A-Z, a-z, 0-9, _ and -, e.g. the output of openssl rand -hex 24");
        }
        httpUrl(env, "boussole.channels.telegram.api-base-url", "TELEGRAM_API_BASE_URL");
    }

    private static void port(Environment env, String property, String variable) {
        String raw = value(env, property);
        if (raw == null) {
            return;
        }
        try {
            int port = Integer.parseInt(raw);
            if (port < 0 || port > 65535) {
                throw new InvalidSettingException(variable, "not a port number (0-65535): " + raw);
            }
        } catch (NumberFormatException e) {
            throw new InvalidSettingException(variable, "not a port number (0-65535): " + raw);
        }
    }

    private static void httpUrl(Environment env, String property, String variable) {
        String raw = value(env, property);
        if (raw == null) {
            return;
        }
        try {
            URI uri = new URI(raw);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null) {
                throw new InvalidSettingException(variable, "not an absolute http(s) URL: " + raw);
            }
        } catch (URISyntaxException e) {
            throw new InvalidSettingException(variable, "not a URL: " + raw);
        }
    }

    private static void bool(Environment env, String property, String variable) {
        String raw = value(env, property);
        if (raw != null && !raw.equalsIgnoreCase("true") && !raw.equalsIgnoreCase("false")) {
            throw new InvalidSettingException(variable, "must be true or false: " + raw);
        }
    }

    private static String value(Environment env, String property) {
        String raw;
        try {
            raw = env.getProperty(property);
        } catch (IllegalArgumentException unresolvable) {
            // e.g. a placeholder naming a variable that is not set
            throw new InvalidSettingException(property, unresolvable.getMessage());
        }
        return raw == null || raw.isBlank() ? null : raw.strip();
    }
}
