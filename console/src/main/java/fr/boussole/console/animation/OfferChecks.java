package fr.boussole.console.animation;

import fr.boussole.console.offers.OfferForm;
import fr.boussole.store.offer.OfferStatus;
import fr.boussole.store.offer.OfferView;

import java.text.Normalizer;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/** The checks an animateur runs on the offers of the territory. */
public record OfferChecks(List<OfferView> expired, List<OfferView> incomplete, List<List<OfferView>> duplicates,
                          List<String> themesWithoutOffer) {

    public static OfferChecks of(List<OfferView> offers, LocalDate today) {
        List<OfferView> live = offers.stream().filter(o -> o.status() != OfferStatus.ARCHIVED).toList();
        var duplicates = live.stream()
                .collect(Collectors.groupingBy(o -> o.organisationId() + "|" + normalise(o.title())))
                .values().stream().filter(group -> group.size() > 1).toList();
        var themesCovered = live.stream().filter(o -> o.status() == OfferStatus.ACTIVE && !o.expiredOn(today))
                .map(OfferView::theme).collect(Collectors.toSet());
        return new OfferChecks(
                live.stream().filter(o -> o.expiredOn(today)).toList(),
                live.stream().filter(OfferView::incomplete).toList(),
                duplicates,
                OfferForm.THEMES.stream().filter(t -> !themesCovered.contains(t)).toList());
    }

    public boolean clean() {
        return expired.isEmpty() && incomplete.isEmpty() && duplicates.isEmpty() && themesWithoutOffer.isEmpty();
    }

    static String normalise(String title) {
        String ascii = Normalizer.normalize(title == null ? "" : title, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        return ascii.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", " ").trim();
    }

    public static long count(Collection<?> c) {
        return c.size();
    }
}
