package fr.boussole.console.offers;

import fr.boussole.store.offer.OfferEdit;
import fr.boussole.store.offer.OfferView;
import fr.boussole.core.offer.OfferSummary;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.springframework.format.annotation.DateTimeFormat;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

/**
 * An offer as typed in the console. Plain text only (no markup: the bot sends it by SMS); the short title
 * (optional, ≤ 24 characters) is what the bot's lists and buttons show, else a cut of the title; the scope is
 * a list of INSEE codes, empty for the organisation's own competence. The organisation is never part of
 * the form: it is the signed-in professional's. The criteria are the answers ticked ({@link OfferCriteria}).
 */
public record OfferForm(
        @NotBlank @Size(max = 120) @Pattern(regexp = "[^<>]*", message = "{offer.plain}") String title,
        @Size(max = OfferSummary.SHORT_TITLE_MAX, message = "{offer.short-title}") @Pattern(regexp = "[^<>]*", message = "{offer.plain}") String shortTitle,
        @NotBlank @Size(max = 2000) @Pattern(regexp = "[^<>]*", message = "{offer.plain}") String description,
        @NotBlank @Pattern(regexp = "emploi|formation|logement|sante|mobilite-internationale") String theme,
        @NotBlank @Size(max = 200) @Pattern(regexp = "[^<>]*", message = "{offer.plain}") String place,
        @Min(1) @Max(7) int contactDelayDays,
        @Pattern(regexp = "\\s*([0-9][0-9AB][0-9]{3}(\\s*[,;\\s]\\s*[0-9][0-9AB][0-9]{3})*)?\\s*",
                message = "{offer.communes}") String communes,
        @Min(15) @Max(30) Integer ageMin,
        @Min(15) @Max(30) Integer ageMax,
        @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate validUntil,
        List<String> criteria) {

    public OfferForm {
        criteria = criteria == null ? List.of() : List.copyOf(criteria);
    }

    public static final List<String> THEMES = List.of("emploi", "formation", "logement", "sante", "mobilite-internationale");

    @AssertTrue(message = "{offer.ages}")
    public boolean isAgeRangeConsistent() {
        return ageMin == null || ageMax == null || ageMin <= ageMax;
    }

    /** The scope as INSEE codes. */
    public List<String> communeCodes() {
        if (communes == null || communes.isBlank()) {
            return List.of();
        }
        return Arrays.stream(communes.trim().split("[,;\\s]+")).filter(s -> !s.isBlank()).distinct().toList();
    }

    /** The offer's new content, for the store. */
    public OfferEdit toEdit() {
        return new OfferEdit(title, shortTitle, description, theme, place, contactDelayDays, communeCodes(), ageMin, ageMax, validUntil);
    }

    public static OfferForm blank() {
        return new OfferForm("", "", "", "emploi", "", 3, "", 16, 30, null, List.of());
    }

    public static OfferForm of(OfferView offer, java.util.Map<String, java.util.Set<String>> criteria) {
        return new OfferForm(offer.title(), offer.shortTitle() == null ? "" : offer.shortTitle(), offer.description(), offer.theme(), offer.place(),
                offer.contactDelayDays(), String.join(", ", offer.communes()), offer.ageMin(), offer.ageMax(),
                offer.validUntil(), OfferCriteria.tokens(offer.theme(), criteria));
    }
}
