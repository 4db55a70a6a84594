package fr.boussole.store.csv;

import fr.boussole.core.ids.Ids;
import fr.boussole.store.offer.Offer;
import fr.boussole.store.offer.Offers;
import fr.boussole.store.organisation.Organisation;
import fr.boussole.store.organisation.Organisations;
import fr.boussole.store.theme.SubTheme;
import fr.boussole.store.theme.Theme;
import fr.boussole.store.theme.Themes;
import java.io.IOException;
import java.io.Reader;
import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Service;

/**
 * Imports offers from the CSV format of {@link OfferColumn} (see docs/offer-store.md). Every row is
 * checked and every problem reported by line and column; a file with problems writes nothing unless
 * {@link ImportOptions#skipInvalid()}. Rows are keyed by {@code ref}: importing the same file twice
 * changes nothing the second time.
 */
@Service
public class OfferImport {

    private static final Logger log = LoggerFactory.getLogger(OfferImport.class);
    private static final int BATCH = 500;

    private final Offers offers;
    private final Organisations organisations;
    private final Themes themes;
    private final Clock clock;

    OfferImport(Offers offers, Organisations organisations, Themes themes, Clock clock) {
        this.offers = offers;
        this.organisations = organisations;
        this.themes = themes;
        this.clock = clock;
    }

    public ImportReport importOffers(Reader csv, ImportOptions options, ImportProgress progress) throws IOException {
        List<ImportProblem> problems = new ArrayList<>();
        CsvReader reader = new CsvReader(csv);
        CsvReader.Row header = reader.next();
        if (header == null) {
            problems.add(ImportProblem.of(1, null, "empty-file"));
            return new ImportReport(0, 0, 0, 0, 0, problems, false);
        }
        Map<Integer, OfferColumn> columns = columns(header, problems);
        if (!problems.isEmpty()) {
            return new ImportReport(0, 0, 0, 0, 0, problems, false);
        }
        List<CsvReader.Row> rows = new ArrayList<>();
        try {
            for (CsvReader.Row row = reader.next(); row != null; row = reader.next()) {
                rows.add(row);
            }
        } catch (IOException unreadable) {
            problems.add(ImportProblem.of(rows.isEmpty() ? 2 : rows.getLast().line() + 1, null, "unclosed-quote"));
            return new ImportReport(rows.size(), 0, 0, 0, 0, problems, false);
        }
        List<OfferRow> valid = validate(header.fields().size(), columns, rows, options, problems, progress);
        int invalid = rows.size() - valid.size();
        if (!problems.isEmpty() && !options.skipInvalid()) {
            log.info("Offer import refused: {} rows, {} with problems", rows.size(), invalid);
            return new ImportReport(rows.size(), 0, 0, 0, 0, problems, false);
        }
        return write(rows.size(), valid, invalid, options, problems, progress);
    }

    private Map<Integer, OfferColumn> columns(CsvReader.Row header, List<ImportProblem> problems) {
        Map<String, OfferColumn> byName = new HashMap<>();
        for (OfferColumn column : OfferColumn.values()) {
            byName.put(column.header(), column);
        }
        Map<Integer, OfferColumn> columns = new HashMap<>();
        for (int i = 0; i < header.fields().size(); i++) {
            String name = header.fields().get(i).strip().toLowerCase(Locale.ROOT);
            OfferColumn column = byName.get(name);
            if (column != null && columns.containsValue(column)) {
                problems.add(ImportProblem.of(header.line(), name, "duplicate-column"));
            } else if (column != null) {
                columns.put(i, column);
            }
        }
        for (OfferColumn column : OfferColumn.values()) {
            if (column.required() && !columns.containsValue(column)) {
                problems.add(ImportProblem.of(header.line(), column.header(), "missing-column"));
            }
        }
        return columns;
    }

    private List<OfferRow> validate(int width, Map<Integer, OfferColumn> columns, List<CsvReader.Row> rows,
                                    ImportOptions options, List<ImportProblem> problems, ImportProgress progress) {
        OfferRowValidator validator = new OfferRowValidator(known());
        Map<String, Integer> refLines = new HashMap<>();
        List<OfferRow> valid = new ArrayList<>();
        int done = 0;
        for (CsvReader.Row row : rows) {
            if (row.fields().size() != width) {
                problems.add(ImportProblem.of(row.line(), null, "field-count", row.fields().size(), width));
            } else {
                Map<OfferColumn, String> cells = new EnumMap<>(OfferColumn.class);
                // An exported file carries formula guards: the values are what the export was given.
                columns.forEach((index, column) -> cells.put(column, FormulaGuard.unguard(row.fields().get(index))));
                OfferRow parsed = validator.validate(row.line(), cells, problems);
                if (parsed != null) {
                    Integer first = refLines.putIfAbsent(parsed.ref(), row.line());
                    if (first != null) {
                        problems.add(ImportProblem.of(row.line(), OfferColumn.REF.header(), "duplicate-ref",
                                parsed.ref(), first));
                    } else if (!options.mayWrite(parsed.organisationId())) {
                        problems.add(ImportProblem.of(row.line(), OfferColumn.ORGANISATION.header(),
                                "forbidden-organisation", parsed.organisationId()));
                    } else {
                        valid.add(parsed);
                    }
                }
            }
            if (++done % BATCH == 0 || done == rows.size()) {
                progress.progressed(ImportProgress.Phase.VALIDATING, done, rows.size());
            }
        }
        return valid;
    }

    private OfferRowValidator.Known known() {
        Map<String, Set<String>> subThemes = new HashMap<>();
        for (Theme theme : themes.findAll()) {
            subThemes.put(theme.getId(), theme.getSubThemes().stream().map(SubTheme::id).collect(Collectors.toSet()));
        }
        Set<String> organisationIds = organisations.findAll().stream().map(Organisation::getId)
                .collect(Collectors.toSet());
        return new OfferRowValidator.Known(subThemes, organisationIds);
    }

    private ImportReport write(int rowCount, List<OfferRow> rows, int invalid, ImportOptions options,
                               List<ImportProblem> problems, ImportProgress progress) {
        int created = 0;
        int updated = 0;
        int unchanged = 0;
        int skipped = invalid;
        int done = 0;
        for (int from = 0; from < rows.size(); from += BATCH) {
            List<OfferRow> batch = rows.subList(from, Math.min(rows.size(), from + BATCH));
            Map<String, Offer> existing = offers.findByRefIn(batch.stream().map(OfferRow::ref).toList()).stream()
                    .collect(Collectors.toMap(Offer::getRef, o -> o));
            List<Offer> fresh = new ArrayList<>();
            for (OfferRow row : batch) {
                Offer offer = existing.get(row.ref());
                if (offer == null) {
                    offer = new Offer(Ids.derived("of", row.ref()), row.organisationId(), row.theme(), row.title());
                    row.applyTo(offer);
                    offer.touch(options.author(), clock.instant());
                    fresh.add(offer);
                } else if (!options.mayWrite(offer.getOrganisationId())) {
                    problems.add(ImportProblem.of(row.line(), OfferColumn.REF.header(), "foreign-ref", row.ref()));
                    skipped++;
                } else if (row.sameAs(offer)) {
                    unchanged++;
                } else {
                    row.applyTo(offer);
                    offer.touch(options.author(), clock.instant());
                    try {
                        offers.save(offer);
                        updated++;
                    } catch (OptimisticLockingFailureException e) {
                        problems.add(ImportProblem.of(row.line(), null, "concurrent-edit"));
                        skipped++;
                    }
                }
            }
            offers.saveAll(fresh);
            created += fresh.size();
            done += batch.size();
            progress.progressed(ImportProgress.Phase.WRITING, done, rows.size());
        }
        log.info("Offer import: {} rows, {} created, {} updated, {} unchanged, {} skipped", rowCount, created, updated,
                unchanged, skipped);
        return new ImportReport(rowCount, created, updated, unchanged, skipped, problems, true);
    }
}
