package fr.boussole.store.csv;

import fr.boussole.store.geo.Geography;
import fr.boussole.store.offer.Criterion;
import fr.boussole.store.offer.Offer;
import fr.boussole.store.offer.OfferStatus;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Checks one row of the offers CSV against every rule, collecting all its problems (not only the
 * first), and builds the {@link OfferRow} when there are none.
 */
final class OfferRowValidator {

    static final int MAX_TITLE = 120;
    static final int MAX_DESCRIPTION = 2000;
    static final int MIN_AGE = 10;
    static final int MAX_AGE = 40;
    private static final Pattern REF = Pattern.compile("[A-Za-z0-9._-]{1,64}");
    private static final Pattern INSEE = Pattern.compile("[0-9][0-9AB][0-9]{3}");

    /** What the validator checks references against. */
    record Known(Map<String, Set<String>> subThemesByTheme, Set<String> organisationIds) {}

    private final Known known;

    OfferRowValidator(Known known) {
        this.known = known;
    }

    /** The row, or null when it has problems (added to {@code problems}). */
    OfferRow validate(int line, Map<OfferColumn, String> cells, List<ImportProblem> problems) {
        int before = problems.size();
        Problems p = new Problems(line, problems);
        String ref = required(cells, OfferColumn.REF, p);
        if (ref != null && !REF.matcher(ref).matches()) {
            p.add(OfferColumn.REF, "bad-ref");
        }
        String title = required(cells, OfferColumn.TITLE, p);
        if (title != null && title.length() > MAX_TITLE) {
            p.add(OfferColumn.TITLE, "too-long", MAX_TITLE);
        }
        String shortTitle = optional(cells, OfferColumn.SHORT_TITLE);
        if (shortTitle != null && shortTitle.length() > fr.boussole.core.offer.OfferSummary.SHORT_TITLE_MAX) {
            p.add(OfferColumn.SHORT_TITLE, "too-long", fr.boussole.core.offer.OfferSummary.SHORT_TITLE_MAX);
        }
        String description = required(cells, OfferColumn.DESCRIPTION, p);
        if (description != null && description.length() > MAX_DESCRIPTION) {
            p.add(OfferColumn.DESCRIPTION, "too-long", MAX_DESCRIPTION);
        }
        String theme = required(cells, OfferColumn.THEME, p);
        if (theme != null && !known.subThemesByTheme().containsKey(theme)) {
            p.add(OfferColumn.THEME, "unknown-theme", theme,
                    String.join(", ", known.subThemesByTheme().keySet().stream().sorted().toList()));
        }
        String subTheme = optional(cells, OfferColumn.SUB_THEME);
        if (subTheme != null && theme != null && known.subThemesByTheme().containsKey(theme)
                && !known.subThemesByTheme().get(theme).contains(subTheme)) {
            p.add(OfferColumn.SUB_THEME, "unknown-sub-theme", subTheme, theme);
        }
        String organisation = required(cells, OfferColumn.ORGANISATION, p);
        if (organisation != null && !known.organisationIds().contains(organisation)) {
            p.add(OfferColumn.ORGANISATION, "unknown-organisation", organisation);
        }
        List<String> communes = communes(cells, p);
        List<Criterion> criteria = List.of();
        try {
            criteria = CriteriaFormat.parse(optional(cells, OfferColumn.CRITERIA));
        } catch (CriteriaFormat.InvalidCriteria e) {
            p.add(OfferColumn.CRITERIA, e.code, e.arguments);
        }
        Integer ageMin = integer(cells, OfferColumn.AGE_MIN, MIN_AGE, MAX_AGE, p);
        Integer ageMax = integer(cells, OfferColumn.AGE_MAX, MIN_AGE, MAX_AGE, p);
        if (ageMin != null && ageMax != null && ageMin > ageMax) {
            p.add(OfferColumn.AGE_MAX, "age-order", ageMin);
        }
        Integer delay = null;
        if (required(cells, OfferColumn.CONTACT_DELAY_DAYS, p) != null) {
            delay = integer(cells, OfferColumn.CONTACT_DELAY_DAYS, Offer.MIN_DELAY_DAYS, Offer.MAX_DELAY_DAYS, p);
        }
        LocalDate from = date(cells, OfferColumn.VALID_FROM, p);
        LocalDate until = date(cells, OfferColumn.VALID_UNTIL, p);
        if (from != null && until != null && until.isBefore(from)) {
            p.add(OfferColumn.VALID_UNTIL, "date-order", from);
        }
        OfferStatus status = null;
        String statusCell = required(cells, OfferColumn.STATUS, p);
        if (statusCell != null) {
            try {
                status = OfferStatus.valueOf(statusCell.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                p.add(OfferColumn.STATUS, "bad-status", statusCell);
            }
        }
        if (problems.size() > before) {
            return null;
        }
        return new OfferRow(line, ref, title, shortTitle, description, theme, subTheme, organisation,
                optional(cells, OfferColumn.PLACE), communes, criteria, ageMin, ageMax, delay, from, until, status);
    }

    private static List<String> communes(Map<OfferColumn, String> cells, Problems p) {
        String cell = optional(cells, OfferColumn.COMMUNES);
        if (cell == null) {
            return List.of();
        }
        Set<String> codes = new LinkedHashSet<>();
        List<String> wrong = new ArrayList<>();
        for (String code : cell.split("[;\\s]+")) {
            if (code.isBlank()) {
                continue;
            }
            if (INSEE.matcher(code).matches() && Geography.france().isDepartement(Geography.departementOf(code))) {
                codes.add(code);
            } else {
                wrong.add(code);
            }
        }
        if (!wrong.isEmpty()) {
            p.add(OfferColumn.COMMUNES, "bad-communes", String.join(", ", wrong));
        }
        return List.copyOf(codes);
    }

    private static String required(Map<OfferColumn, String> cells, OfferColumn column, Problems p) {
        String value = optional(cells, column);
        if (value == null) {
            p.add(column, "required");
        }
        return value;
    }

    private static String optional(Map<OfferColumn, String> cells, OfferColumn column) {
        String value = cells.get(column);
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static Integer integer(Map<OfferColumn, String> cells, OfferColumn column, int min, int max, Problems p) {
        String value = optional(cells, column);
        if (value == null) {
            return null;
        }
        try {
            int n = Integer.parseInt(value);
            if (n < min || n > max) {
                p.add(column, "out-of-range", min, max, n);
                return null;
            }
            return n;
        } catch (NumberFormatException e) {
            p.add(column, "not-a-number", value);
            return null;
        }
    }

    private static LocalDate date(Map<OfferColumn, String> cells, OfferColumn column, Problems p) {
        String value = optional(cells, column);
        if (value == null) {
            return null;
        }
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            p.add(column, "bad-date", value);
            return null;
        }
    }

    private record Problems(int line, List<ImportProblem> list) {
        void add(OfferColumn column, String code, Object... arguments) {
            list.add(ImportProblem.of(line, column.header(), code, arguments));
        }
    }
}
