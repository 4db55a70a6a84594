package fr.boussole.store.offer;

import java.time.LocalDate;
import java.util.List;

/**
 * What a professional may change of an offer, checked already (the console's form does): plain
 * texts (the short title, ≤ 24 characters, is what lists and buttons show; blank: none), a delay of 1–7 days, the scope as INSEE codes (empty: the organisation's competence), an
 * age range and an end of validity.
 */
public record OfferEdit(String title, String shortTitle, String description, String theme, String place, int contactDelayDays,
                        List<String> communes, Integer ageMin, Integer ageMax, LocalDate validUntil) {

    public OfferEdit {
        communes = communes == null ? List.of() : List.copyOf(communes);
    }
}
