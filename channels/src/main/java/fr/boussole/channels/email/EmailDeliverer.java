package fr.boussole.channels.email;

import fr.boussole.channels.parts.SendLoop;
import fr.boussole.core.delivery.Deliverer;
import fr.boussole.core.delivery.Delivery;
import fr.boussole.core.delivery.DeliveryPayload;
import fr.boussole.core.delivery.DeliveryResult;
import fr.boussole.core.delivery.EmailReadiness;
import fr.boussole.core.message.Channel;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.mail.MailAuthenticationException;
import org.springframework.mail.MailException;
import org.springframework.mail.MailParseException;
import org.springframework.mail.MailPreparationException;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.List;

/**
 * Sends outbox emails over SMTP, one attempt per call, through the channels' one send loop (within
 * {@code boussole.channels.email.sends-per-second}). Without an SMTP server (spring.mail.host unset)
 * nothing is sent and the delivery is deferred, which the outbox does not count as an attempt: alerts wait
 * in the outbox for as long as it takes (they were dead-lettered after the configured attempts, about
 * seven hours) and go out once a server is configured. It answers {@link EmailReadiness} too, from which
 * the console shows a banner meanwhile.
 */
@Component
class EmailDeliverer implements Deliverer, EmailReadiness {

    static final Duration NO_SMTP_RETRY = Duration.ofHours(1);
    static final Duration SMTP_ERROR_RETRY = Duration.ofMinutes(5);
    private static final Logger log = LoggerFactory.getLogger(EmailDeliverer.class);

    private final ObjectProvider<JavaMailSender> mailSender;
    private final SendLoop loop;
    private final EmailProperties properties;

    EmailDeliverer(ObjectProvider<JavaMailSender> mailSender, SendLoop loop, EmailProperties properties) {
        this.mailSender = mailSender;
        this.loop = loop;
        this.properties = properties;
    }

    @Override
    public Channel channel() {
        return Channel.EMAIL;
    }

    @Override
    public boolean serverConfigured() {
        return mailSender.getIfAvailable() != null;
    }

    @Override
    public DeliveryResult deliver(Delivery delivery) {
        if (!(delivery.payload() instanceof DeliveryPayload.Email email)) {
            return new DeliveryResult.Failed("not an email payload");
        }
        JavaMailSender sender = mailSender.getIfAvailable();
        if (sender == null) {
            log.warn("No SMTP server configured (SPRING_MAIL_HOST unset): email {} stays in the outbox", delivery.id());
            return new DeliveryResult.Deferred("smtp not configured", NO_SMTP_RETRY);
        }
        return loop.send(delivery, List.of(email),
                List.of(new SendLoop.Limit("email:smtp", properties.sendsPerSecond(), "SMTP send rate")),
                (part, last) -> send(sender, delivery, part));
    }

    private DeliveryResult send(JavaMailSender sender, Delivery delivery, DeliveryPayload.Email email) {
        try {
            InternetAddress to = new InternetAddress(delivery.recipient(), true);
            MimeMessage message = sender.createMimeMessage();
            MimeMessageHelper helper = new MimeMessageHelper(message, true, "UTF-8");
            helper.setFrom(properties.from());
            helper.setTo(to);
            helper.setSubject(email.subject());
            helper.setText(email.text(), email.html());
            // Our own id in a header lets a support person find the outbox entry of a received mail.
            message.setHeader("X-Boussole-Delivery", delivery.id());
            sender.send(message);
            String messageId = message.getMessageID();
            return new DeliveryResult.Sent(messageId != null ? messageId : delivery.id());
        } catch (AddressException e) {
            return new DeliveryResult.Failed("invalid recipient address");
        } catch (MessagingException | MailParseException | MailPreparationException e) {
            return new DeliveryResult.Failed("message could not be built: " + e.getClass().getSimpleName());
        } catch (MailAuthenticationException e) {
            log.warn("SMTP authentication failed for email {}", delivery.id());
            return new DeliveryResult.Retry("smtp authentication failed", SMTP_ERROR_RETRY);
        } catch (MailSendException e) {
            return classify(e);
        } catch (MailException e) {
            return new DeliveryResult.Retry("smtp error: " + e.getClass().getSimpleName(), SMTP_ERROR_RETRY);
        }
    }

    /** A recipient the server rejects for good fails; anything else (connection, 4xx) is retried. */
    private DeliveryResult classify(MailSendException e) {
        for (Exception cause : e.getFailedMessages().values()) {
            for (Throwable t = cause; t != null; t = t.getCause()) {
                if (t instanceof SendFailedException sfe && sfe.getInvalidAddresses() != null
                        && sfe.getInvalidAddresses().length > 0) {
                    return new DeliveryResult.Failed("recipient rejected by the SMTP server");
                }
            }
        }
        return new DeliveryResult.Retry("smtp send failed", SMTP_ERROR_RETRY);
    }
}
