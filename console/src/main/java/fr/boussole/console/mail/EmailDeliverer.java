package fr.boussole.console.mail;

import fr.boussole.console.settings.ConsoleSettings;
import fr.boussole.core.delivery.Deliverer;
import fr.boussole.core.delivery.Delivery;
import fr.boussole.core.delivery.DeliveryPayload;
import fr.boussole.core.delivery.DeliveryResult;
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

/**
 * Sends outbox emails over SMTP, one attempt per call. Without an SMTP server (spring.mail.host unset)
 * nothing is sent and the delivery is deferred, which the outbox does not count as an attempt: alerts wait
 * in the outbox for as long as it takes (they were dead-lettered after the configured attempts, about
 * seven hours) and go out once a server is configured. The console shows a banner meanwhile
 * ({@link MailStatus}).
 */
@Component
public class EmailDeliverer implements Deliverer {

    static final Duration NO_SMTP_RETRY = Duration.ofHours(1);
    static final Duration SMTP_ERROR_RETRY = Duration.ofMinutes(5);
    private static final Logger log = LoggerFactory.getLogger(EmailDeliverer.class);

    private final ObjectProvider<JavaMailSender> mailSender;
    private final ConsoleSettings settings;

    EmailDeliverer(ObjectProvider<JavaMailSender> mailSender, ConsoleSettings settings) {
        this.mailSender = mailSender;
        this.settings = settings;
    }

    @Override
    public Channel channel() {
        return Channel.EMAIL;
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
        try {
            InternetAddress to = new InternetAddress(delivery.recipient(), true);
            MimeMessage message = sender.createMimeMessage();
            MimeMessageHelper helper = new MimeMessageHelper(message, true, "UTF-8");
            helper.setFrom(settings.mailFrom());
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
