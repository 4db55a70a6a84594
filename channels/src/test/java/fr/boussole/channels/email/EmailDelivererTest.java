package fr.boussole.channels.email;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetupTest;
import fr.boussole.channels.parts.SendLoop;
import fr.boussole.channels.support.ChannelsIntegrationTest;
import fr.boussole.core.delivery.Delivery;
import fr.boussole.core.delivery.DeliveryPayload;
import fr.boussole.core.delivery.DeliveryResult;
import fr.boussole.core.message.Channel;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;

import static org.assertj.core.api.Assertions.assertThat;

/** Real SMTP (GreenMail on a free port), through the channels' one send loop and its store-backed rate limit. */
class EmailDelivererTest extends ChannelsIntegrationTest {

    @RegisterExtension
    static GreenMailExtension greenMail = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

    @Autowired
    SendLoop loop;

    private EmailProperties properties = new EmailProperties("alertes@boussole.test", 10);

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

    /** The console's banner reads this: it must say no while there is no server, yes once there is one. */
    @Test
    void it_tells_whether_an_smtp_server_is_configured() {
        assertThat(deliverer(null).serverConfigured()).isFalse();
        assertThat(deliverer(sender(greenMail.getSmtp().getPort())).serverConfigured()).isTrue();
    }

    @Test
    void an_invalid_address_fails_for_good() {
        var result = deliverer(sender(greenMail.getSmtp().getPort())).deliver(email("not an address"));

        assertThat(result).isInstanceOf(DeliveryResult.Failed.class);
    }

    @Test
    void emails_beyond_the_send_rate_wait_for_the_next_second() {
        properties = new EmailProperties("alertes@boussole.test", 1);
        var deliverer = deliverer(sender(greenMail.getSmtp().getPort()));

        assertThat(deliverer.deliver(email("pro@structure.test"))).isInstanceOf(DeliveryResult.Sent.class);
        assertThat(deliverer.deliver(new Delivery("ob_2", Channel.EMAIL, "autre@structure.test", null, 0, 1,
                new DeliveryPayload.Email("Rappel", "Bonjour", "<p>Bonjour</p>")))).isInstanceOf(DeliveryResult.Deferred.class);
        assertThat(greenMail.getReceivedMessages()).hasSize(1);
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
        return new EmailDeliverer(beans.getBeanProvider(JavaMailSender.class), loop, properties);
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
