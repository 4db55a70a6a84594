package fr.boussole.console.inbox;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * The desk's settings as an animateur types them: office hours in the text form of
 * {@code core.handover.OfficeHours} ({@code lun-ven 09:00-12:30 13:30-17:00; sam 10:00-12:00}) and the
 * quiet time in hours.
 */
record DeskForm(@NotBlank @Size(max = 200) String hours, @NotNull @Min(1) @Max(168) Integer quietHours) {}
