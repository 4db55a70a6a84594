package fr.boussole.console.web;

import fr.boussole.core.delivery.EmailReadiness;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * Tells every console page whether emails can go out: without an SMTP server ({@code SPRING_MAIL_HOST}
 * unset) alerts, reminders and reset links wait in the outbox, and the page header says so, so that
 * nobody believes the organisations were alerted. The email channel answers; a console assembled without
 * it sends no email either.
 */
@ControllerAdvice(basePackages = "fr.boussole.console")
class MailStatus {

    private final ObjectProvider<EmailReadiness> email;

    MailStatus(ObjectProvider<EmailReadiness> email) {
        this.email = email;
    }

    @ModelAttribute("mailNotConfigured")
    boolean mailNotConfigured() {
        EmailReadiness readiness = email.getIfAvailable();
        return readiness == null || !readiness.serverConfigured();
    }
}
