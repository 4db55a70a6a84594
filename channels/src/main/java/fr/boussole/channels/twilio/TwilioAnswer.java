package fr.boussole.channels.twilio;

import java.time.Duration;

/** What Twilio's REST API answered to one call. */
public sealed interface TwilioAnswer {

    /** Created: the resource's sid (SM… for a message, HX… for a content). */
    record Created(String sid) implements TwilioAnswer {}

    /**
     * Refused or broken: the HTTP status, Twilio's error code (21610...) if any, its message, and the
     * Retry-After it asked for, if any.
     */
    record Refused(int httpStatus, Integer code, String message, Duration retryAfter) implements TwilioAnswer {}

    /** Twilio could not be reached or did not answer in time. */
    record Unreachable(String reason) implements TwilioAnswer {}
}
