package fr.boussole.store.csv;

import java.util.Set;

/**
 * @param skipInvalid   import the valid rows of a file that has invalid ones (else nothing is imported)
 * @param author        recorded as {@code updatedBy} of the offers written (an account id, or "import:file.csv")
 * @param organisations the organisations whose offers this import may create or change (a professional's
 *                      own); null for any (an animateur, the command line)
 */
public record ImportOptions(boolean skipInvalid, String author, Set<String> organisations) {

    public ImportOptions {
        organisations = organisations == null ? null : Set.copyOf(organisations);
    }

    public static ImportOptions any(boolean skipInvalid, String author) {
        return new ImportOptions(skipInvalid, author, null);
    }

    boolean mayWrite(String organisationId) {
        return organisations == null || organisations.contains(organisationId);
    }
}
