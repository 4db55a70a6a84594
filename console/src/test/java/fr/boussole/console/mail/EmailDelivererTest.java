package fr.boussole.console.mail;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetupTest;
import fr.boussole.console.settings.ConsoleSettings;
import fr.boussole.core.delivery.Delivery;
import fr.boussole.core.delivery.DeliveryPayload;
import fr.boussole.core.delivery.DeliveryResult;
import fr.boussole.core.message.Channel;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

class EmailDelivererTest {

    @RegisterExtension
    static GreenMailExtension greenMail = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

    private final ConsoleSettings settings = new ConsoleSettings("https://boussole.test", "alertes@boussole.test",
            Duration.ofDays(5), Duration.ofHours(1), 5, Duration.ofMinutes(15), Duration.ofDays(1));

    @Test
    void sends_a_multipart_email_with_text_and_html_in_utf8() throws Exception {
        var result = deliverer(sender(greenMail.getSmtp().getPort())).deliver(email("pro@structure.test"));

        assertThat(result).isInstanceOf(DeliveryResult.Sent.class);
        MimeMessage[] received = greenMail.getReceivedMessages();
        assertThat(received).hasSize(1);
        assertThat(received[0].getSubject()).isEqualTo("Nouvelle demande – santé");
        assertThat(received[0].getFrom()[0].toString()).isEqualTo("alertes@boussole.test");
        assertThat(received[0].getHeader("X-Boussole-Delivery")[0]).isEqualTo("ob_1");
        String body = GreenMailUtil.getBody(received[0]);
        assertThat(received[0].getContent()).isInstanceOf(MimeMultipart.class);
        assertThat(body).contains("text/plain").contains("text/html");
    }

    /** Fails if a missing SMTP server counts as a failed attempt: alerts would be dead-lettered after the attempts. */
    @Test
    void without_smtp_server_configured_the_email_waits_in_the_outbox_without_using_an_attempt() {
        var result = deliverer(null).deliver(email("pro@structure.test"));

        assertThat(result).isEqualTo(new DeliveryResult.Deferred("smtp not configured", EmailDeliverer.NO_SMTP_RETRY));
        assertThat(greenMail.getReceivedMessages()).isEmpty();
    }

    @Test
    void an_invalid_address_fails_for_good() {
        var result = deliverer(sender(greenMail.getSmtp().getPort())).deliver(email("not an address"));

        assertThat(result).isInstanceOf(DeliveryResult.Failed.class);
    }

    @Test
    void an_unreachable_smtp_server_is_retried() {
        var result = deliverer(sender(1)).deliver(email("pro@structure.test"));

        assertThat(result).isInstanceOf(DeliveryResult.Retry.class);
    }

    private EmailDeliverer deliverer(JavaMailSender sender) {
        var beans = new StaticListableBeanFactory();
        if (sender != null) {
            beans.addBean("mailSender", sender);
        }
        return new EmailDeliverer(beans.getBeanProvider(JavaMailSender.class), settings);
    }

    private static JavaMailSender sender(int port) {
        var sender = new JavaMailSenderImpl();
        sender.setHost("127.0.0.1");
        sender.setPort(port);
        return sender;
    }

    private static Delivery email(String to) {
        return new Delivery("ob_1", Channel.EMAIL, to, null, 0, 1,
                new DeliveryPayload.Email("Nouvelle demande – santé", "Bonjour é", "<p>Bonjour é</p>"));
    }
}
