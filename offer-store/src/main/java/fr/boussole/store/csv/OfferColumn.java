package fr.boussole.store.csv;

/**
 * The columns of the offers CSV, in the order the export writes them. The import accepts them in
 * any order (matched by header name, case-insensitive) and ignores columns it does not know.
 */
public enum OfferColumn implements CsvColumn {
    REF("ref", true),
    TITLE("title", true),
    SHORT_TITLE("short_title", false),
    DESCRIPTION("description", true),
    THEME("theme", true),
    SUB_THEME("sub_theme", false),
    ORGANISATION("organisation", true),
    PLACE("place", false),
    COMMUNES("communes", false),
    CRITERIA("criteria", false),
    AGE_MIN("age_min", false),
    AGE_MAX("age_max", false),
    CONTACT_DELAY_DAYS("contact_delay_days", true),
    VALID_FROM("valid_from", false),
    VALID_UNTIL("valid_until", false),
    STATUS("status", true);

    private final String header;
    private final boolean required;

    OfferColumn(String header, boolean required) {
        this.header = header;
        this.required = required;
    }

    @Override
    public String header() {
        return header;
    }

    @Override
    public boolean required() {
        return required;
    }
}
