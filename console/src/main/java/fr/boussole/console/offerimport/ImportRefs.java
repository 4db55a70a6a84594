package fr.boussole.console.offerimport;

import fr.boussole.store.csv.CsvReader;
import fr.boussole.store.csv.ImportProblem;
import fr.boussole.store.offer.Offer;
import fr.boussole.store.offer.Offers;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * What the refs of an uploaded file point at, looked up before the import in one query.
 * <ul>
 * <li>Rows whose ref is an offer of an organisation outside the account's scope: the store's import
 * finds them only while writing, after the rows before them are written, and a console import
 * without "skip invalid rows" must write nothing when a file has an error.</li>
 * <li>Offers created in the console have no ref; the export writes their id instead, so a ref equal
 * to the id of an offer in scope that has no ref is given to that offer before importing: the
 * exported file then updates those offers instead of creating copies.</li>
 * </ul>
 */
@Component
class ImportRefs {

    static final String FOREIGN_REF = "foreign-ref";
    private static final String FORBIDDEN_ORGANISATION = "forbidden-organisation";

    private final Offers offers;

    ImportRefs(Offers offers) {
        this.offers = offers;
    }

    /** One problem per row whose ref belongs to another organisation's offer. */
    List<ImportProblem> foreign(String csv, ImportScope scope) {
        Map<String, Integer> lines = refLines(csv);
        if (lines.isEmpty()) {
            return List.of();
        }
        List<ImportProblem> problems = new ArrayList<>();
        for (Offer offer : offers.findByRefIn(lines.keySet())) {
            if (!scope.organisations().contains(offer.getOrganisationId())) {
                problems.add(new ImportProblem(lines.get(offer.getRef()), "ref", FOREIGN_REF, List.of(offer.getRef())));
            }
        }
        problems.sort(Comparator.comparingInt(ImportProblem::line));
        return problems;
    }

    /** Gives their id as ref to the offers in scope, without a ref, whose id the file uses as a ref. */
    void adoptIds(String csv, ImportScope scope) {
        Map<String, Integer> lines = refLines(csv);
        if (lines.isEmpty()) {
            return;
        }
        var taken = offers.findByRefIn(lines.keySet()).stream().map(Offer::getRef).collect(Collectors.toSet());
        for (Offer offer : offers.findAllById(lines.keySet())) {
            if (offer.getRef() == null && !taken.contains(offer.getId())
                    && scope.organisations().contains(offer.getOrganisationId())) {
                offer.setRef(offer.getId());
                try {
                    offers.save(offer);
                } catch (OptimisticLockingFailureException | DuplicateKeyException raced) {
                    // Edited or adopted meanwhile: the import then reports or creates, as for any row.
                }
            }
        }
    }

    /** Each ref of the file with the line of its first row; empty if the file cannot be read. */
    private static Map<String, Integer> refLines(String csv) {
        Map<String, Integer> lines = new LinkedHashMap<>();
        try {
            CsvReader reader = new CsvReader(new StringReader(csv));
            CsvReader.Row header = reader.next();
            if (header == null) {
                return Map.of();
            }
            int refColumn = -1;
            for (int i = 0; i < header.fields().size(); i++) {
                if ("ref".equals(header.fields().get(i).strip().toLowerCase(Locale.ROOT).replace("\uFEFF", ""))) {
                    refColumn = i;
                }
            }
            if (refColumn < 0) {
                return Map.of();
            }
            for (CsvReader.Row row = reader.next(); row != null; row = reader.next()) {
                if (row.fields().size() > refColumn && !row.fields().get(refColumn).isBlank()) {
                    lines.putIfAbsent(row.fields().get(refColumn).strip(), row.line());
                }
            }
        } catch (IOException unreadable) {
            return Map.of(); // the import itself reports where the file breaks
        }
        return lines;
    }

    /**
     * The problems of a validation-only run (every organisation refused, so nothing could be written)
     * seen from the real scope: refusals of organisations the account may import are not problems.
     */
    static List<ImportProblem> inScope(List<ImportProblem> validation, ImportScope scope, List<ImportProblem> foreign) {
        List<ImportProblem> problems = new ArrayList<>(foreign);
        for (ImportProblem problem : validation) {
            boolean allowed = FORBIDDEN_ORGANISATION.equals(problem.code()) && !problem.arguments().isEmpty()
                    && scope.organisations().contains(problem.arguments().getFirst());
            if (!allowed) {
                problems.add(problem);
            }
        }
        problems.sort(Comparator.comparingInt(ImportProblem::line));
        return problems;
    }
}
