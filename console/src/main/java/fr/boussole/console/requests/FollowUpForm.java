package fr.boussole.console.requests;

import fr.boussole.store.request.FollowUpMeans;
import fr.boussole.store.request.Outcome;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.springframework.format.annotation.DateTimeFormat;

import java.time.LocalDateTime;

/**
 * A follow-up as typed: when, by what means, what happened (mandatory), an optional outcome, and
 * whether it closes the request (then the outcome is required).
 */
public record FollowUpForm(@NotNull @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) LocalDateTime at, @NotNull FollowUpMeans means,
                           @NotBlank @Size(max = 2000) String comment, Outcome outcome, Boolean close) {

    @AssertTrue
    public boolean isOutcomeGivenWhenClosing() {
        return !closing() || outcome != null;
    }

    /** An unticked checkbox sends nothing: absent means "do not close". */
    public boolean closing() {
        return Boolean.TRUE.equals(close);
    }

    public static FollowUpForm blank(LocalDateTime now) {
        return new FollowUpForm(now.truncatedTo(java.time.temporal.ChronoUnit.MINUTES), FollowUpMeans.PHONE, "", null, false);
    }
}
