package fr.boussole.store.offer;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** An offer as people read it, with its organisation's name (read through {@link OfferBook}). */
public record OfferView(String id, String title, String shortTitle, String description, String theme, String organisationId,
                        String organisationName, String place, int contactDelayDays, List<String> communes,
                        Integer ageMin, Integer ageMax, LocalDate validFrom, LocalDate validUntil,
                        OfferStatus status, Instant updatedAt) {

    public OfferView {
        communes = communes == null ? List.of() : List.copyOf(communes);
    }

    public boolean expiredOn(LocalDate today) {
        return validUntil != null && validUntil.isBefore(today);
    }

    public boolean incomplete() {
        return blank(title) || blank(description) || blank(place) || contactDelayDays < 1 || contactDelayDays > 7;
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
