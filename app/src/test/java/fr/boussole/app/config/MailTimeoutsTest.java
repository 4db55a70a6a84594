package fr.boussole.app.config;

import org.junit.jupiter.api.Test;
import org.springframework.core.io.ClassPathResource;
import org.springframework.mail.MailException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSenderImpl;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/**
 * A mail server that accepts the connection and then says nothing (stalled, overloaded, a firewall
 * that swallows packets) must fail the attempt, not hold the email sender forever: the application's
 * own mail settings bound every SMTP step. Fails when application.yml leaves Jakarta Mail's
 * timeouts at their default (none).
 */
class MailTimeoutsTest {

    @Test
    void a_silent_mail_server_fails_the_send_instead_of_holding_it() throws Exception {
        Properties smtp = smtpProperties();
        assertThat(smtp).containsKeys("mail.smtp.connectiontimeout", "mail.smtp.timeout", "mail.smtp.writetimeout");
        List<Socket> accepted = new ArrayList<>();
        try (ServerSocket silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            Thread.ofPlatform().daemon().start(() -> {
                while (!silent.isClosed()) {
                    try {
                        accepted.add(silent.accept()); // and never a greeting
                    } catch (Exception closed) {
                        return;
                    }
                }
            });
            JavaMailSenderImpl sender = new JavaMailSenderImpl();
            sender.setHost("127.0.0.1");
            sender.setPort(silent.getLocalPort());
            sender.setJavaMailProperties(smtp);
            SimpleMailMessage message = new SimpleMailMessage();
            message.setFrom("boussole@localhost");
            message.setTo("pro@example.org");
            message.setSubject("Nouvelle demande");
            message.setText("…");

            // a guard against a hang, far above the configured timeouts; not a measure
            assertTimeoutPreemptively(Duration.ofSeconds(90),
                    () -> assertThatThrownBy(() -> sender.send(message)).isInstanceOf(MailException.class));
        } finally {
            for (Socket socket : accepted) {
                socket.close();
            }
        }
    }

    /** spring.mail.properties.* as application.yml sets them, bound as Spring Boot binds them for Jakarta Mail. */
    private static Properties smtpProperties() throws java.io.IOException {
        var sources = new org.springframework.boot.env.YamlPropertySourceLoader()
                .load("application.yml", new ClassPathResource("application.yml"));
        var binder = new org.springframework.boot.context.properties.bind.Binder(
                org.springframework.boot.context.properties.source.ConfigurationPropertySources.from(sources));
        Properties smtp = new Properties();
        smtp.putAll(binder.bind("spring.mail.properties",
                org.springframework.boot.context.properties.bind.Bindable.mapOf(String.class, String.class)).orElse(java.util.Map.of()));
        return smtp;
    }
}
