package fr.boussole.core.delivery;

/**
 * Whether emails can go out now. Without an SMTP server, alerts, reminders and reset links wait in the
 * outbox (deferred, no attempt used), and the screens say so, so that nobody believes the organisations
 * were alerted. Answered by the email channel, read by the console.
 */
public interface EmailReadiness {

    /** False while no SMTP server is configured ({@code SPRING_MAIL_HOST} unset). */
    boolean serverConfigured();
}
