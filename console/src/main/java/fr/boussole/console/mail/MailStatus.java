package fr.boussole.console.mail;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * Tells every console page whether emails can go out: without an SMTP server ({@code SPRING_MAIL_HOST}
 * unset) alerts, reminders and reset links wait in the outbox, and the page header says so, so that
 * nobody believes the organisations were alerted.
 */
@ControllerAdvice(basePackages = "fr.boussole.console")
class MailStatus {

    private final ObjectProvider<JavaMailSender> mailSender;

    MailStatus(ObjectProvider<JavaMailSender> mailSender) {
        this.mailSender = mailSender;
    }

    @ModelAttribute("mailNotConfigured")
    boolean mailNotConfigured() {
        return mailSender.getIfAvailable() == null;
    }
}
