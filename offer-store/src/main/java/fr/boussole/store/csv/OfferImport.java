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
import java.util.HashMap;
import java.util.List;
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
        CsvTable<OfferColumn> table = CsvTable.read(csv, OfferColumn.class, problems);
        if (table == null) {
            return new ImportReport(0, 0, 0, 0, 0, problems, false);
        }
        if (table.unreadable()) {
            return new ImportReport(table.recordCount(), 0, 0, 0, 0, problems, false);
        }
        List<OfferRow> valid = validate(table, options, problems, progress);
        int invalid = table.recordCount() - valid.size();
        if (!problems.isEmpty() && !options.skipInvalid()) {
            log.info("Offer import refused: {} rows, {} with problems", table.recordCount(), invalid);
            return new ImportReport(table.recordCount(), 0, 0, 0, 0, problems, false);
        }
        return write(table.recordCount(), valid, invalid, options, problems, progress);
    }

    private List<OfferRow> validate(CsvTable<OfferColumn> table, ImportOptions options, List<ImportProblem> problems,
                                    ImportProgress progress) {
        OfferRowValidator validator = new OfferRowValidator(known());
        Map<String, Integer> refLines = new HashMap<>();
        List<OfferRow> valid = new ArrayList<>();
        int done = 0;
        List<CsvTable.Row<OfferColumn>> rows = table.rows();
        for (CsvTable.Row<OfferColumn> row : rows) {
            OfferRow parsed = validator.validate(row.line(), row.cells(), problems);
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
