package fr.boussole.console.requests;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.time.LocalDateTime;

/**
 * A follow-up as typed: when, by what means, what happened (mandatory), an optional outcome, and
 * whether it closes the request (then the outcome is required).
 */
public record FollowUpForm(@NotNull LocalDateTime at, @NotNull Means means,
                           @NotBlank @Size(max = 2000) String comment, Outcome outcome, boolean close) {

    public enum Means { PHONE, SMS, EMAIL, MEETING, OTHER }

    @AssertTrue
    public boolean isOutcomeGivenWhenClosing() {
        return !close || outcome != null;
    }

    public static FollowUpForm blank(LocalDateTime now) {
        return new FollowUpForm(now, Means.PHONE, "", null, false);
    }
}
