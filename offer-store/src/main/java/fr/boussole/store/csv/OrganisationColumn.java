package fr.boussole.store.csv;

/**
 * The columns of the organisations CSV, in the order the export writes them (see docs/offer-store.md).
 * The import accepts them in any order and ignores columns it does not know.
 */
public enum OrganisationColumn implements CsvColumn {
    ID("id", false),
    NAME("name", true),
    TYPE("type", true),
    ADDRESS("address", false),
    WEBSITE("website", false),
    TERRITORY("territory", false),
    COMPETENCE("competence", true),
    COMPETENCE_CODES("competence_codes", false),
    CHARTER_SIGNED_ON("charter_signed_on", false),
    CONTACTS("contacts", true),
    ACTIVE("active", false);

    private final String header;
    private final boolean required;

    OrganisationColumn(String header, boolean required) {
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
