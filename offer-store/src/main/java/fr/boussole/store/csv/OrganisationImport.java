package fr.boussole.store.csv;

import fr.boussole.store.access.ChangeRefused;
import fr.boussole.store.scope.Scope;
import fr.boussole.store.organisation.Organisation;
import fr.boussole.store.organisation.OrganisationService;
import fr.boussole.store.organisation.OrganisationType;
import fr.boussole.store.organisation.Organisations;
import fr.boussole.store.organisation.ScopeLevel;
import java.io.IOException;
import java.io.Reader;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Imports organisations from the CSV of {@link OrganisationColumn}, within a scope: an animateur's rows
 * all join their territory (a row naming another is refused), an administrator's may name any. A row
 * with an {@code id} updates that organisation (one of the scope's); without, it creates one. Every row is
 * checked by the rules of the console's form ({@link OrganisationService}) and every problem reported by
 * line and column; a file with problems writes nothing unless {@link ImportOptions#skipInvalid()}.
 * Rows identical to the stored organisation are counted unchanged: importing an export changes nothing.
 */
@Service
public class OrganisationImport {

    private static final Logger log = LoggerFactory.getLogger(OrganisationImport.class);

    private final OrganisationService service;
    private final Organisations organisations;

    OrganisationImport(OrganisationService service, Organisations organisations) {
        this.service = service;
        this.organisations = organisations;
    }

    /** A row that passed the checks: the organisation it updates (null: a new one) and what it says. */
    private record Valid(int line, Organisation existing, OrganisationService.Draft draft, Organisation preview,
                         boolean active) {}

    public ImportReport importOrganisations(Reader csv, Scope scope, boolean skipInvalid) throws IOException {
        List<ImportProblem> problems = new ArrayList<>();
        CsvTable<OrganisationColumn> table = CsvTable.read(csv, OrganisationColumn.class, problems);
        if (table == null) {
            return new ImportReport(0, 0, 0, 0, 0, problems, false);
        }
        if (table.unreadable()) {
            return new ImportReport(table.recordCount(), 0, 0, 0, 0, problems, false);
        }
        List<Valid> valid = new ArrayList<>();
        Map<String, Integer> idLines = new HashMap<>();
        for (CsvTable.Row<OrganisationColumn> row : table.rows()) {
            Valid parsed = validate(row, scope, problems);
            if (parsed == null) {
                continue;
            }
            if (parsed.existing() != null) {
                Integer first = idLines.putIfAbsent(parsed.existing().getId(), row.line());
                if (first != null) {
                    problems.add(ImportProblem.of(row.line(), OrganisationColumn.ID.header(), "duplicate-ref",
                            parsed.existing().getId(), first));
                    continue;
                }
            }
            valid.add(parsed);
        }
        int invalid = table.recordCount() - valid.size();
        if (!problems.isEmpty() && !skipInvalid) {
            log.info("Organisation import refused: {} rows, {} with problems", table.recordCount(), invalid);
            return new ImportReport(table.recordCount(), 0, 0, 0, 0, problems, false);
        }
        int created = 0;
        int updated = 0;
        int unchanged = 0;
        for (Valid row : valid) {
            if (row.existing() == null) {
                Organisation organisation = service.create(scope, row.draft());
                if (!row.active()) {
                    service.setActive(scope, organisation.getId(), false);
                }
                created++;
            } else if (same(row.existing(), row.preview(), row.active())) {
                unchanged++;
            } else {
                service.update(scope, row.existing().getId(), row.draft());
                if (row.existing().isActive() != row.active()) {
                    service.setActive(scope, row.existing().getId(), row.active());
                }
                updated++;
            }
        }
        log.info("Organisation import: {} rows, {} created, {} updated, {} unchanged, {} skipped", table.recordCount(),
                created, updated, unchanged, invalid);
        return new ImportReport(table.recordCount(), created, updated, unchanged, invalid, problems, true);
    }

    private Valid validate(CsvTable.Row<OrganisationColumn> row, Scope scope, List<ImportProblem> problems) {
        int before = problems.size();
        int line = row.line();
        Organisation existing = null;
        String id = text(row.get(OrganisationColumn.ID));
        if (id != null) {
            existing = service.find(scope, id).orElse(null);
            if (existing == null) {
                problems.add(ImportProblem.of(line, OrganisationColumn.ID.header(),
                        organisations.existsById(id) ? "foreign-organisation" : "unknown-organisation", id));
            }
        }
        OrganisationType type = enumCell(row, line, OrganisationColumn.TYPE, OrganisationType.values(), problems);
        ScopeLevel level = enumCell(row, line, OrganisationColumn.COMPETENCE, ScopeLevel.values(), problems);
        LocalDate charter = null;
        String date = text(row.get(OrganisationColumn.CHARTER_SIGNED_ON));
        if (date != null) {
            try {
                charter = LocalDate.parse(date);
            } catch (DateTimeParseException e) {
                problems.add(ImportProblem.of(line, OrganisationColumn.CHARTER_SIGNED_ON.header(), "bad-date", date));
            }
        }
        boolean active = true;
        String activeCell = text(row.get(OrganisationColumn.ACTIVE));
        if (activeCell != null) {
            switch (activeCell.toLowerCase(Locale.ROOT)) {
                case "yes" -> active = true;
                case "no" -> active = false;
                default -> problems.add(ImportProblem.of(line, OrganisationColumn.ACTIVE.header(), "bad-yes-no", activeCell));
            }
        }
        List<fr.boussole.store.organisation.OrganisationContact> contacts = List.of();
        try {
            contacts = ContactsFormat.parse(row.get(OrganisationColumn.CONTACTS));
        } catch (IllegalArgumentException e) {
            problems.add(ImportProblem.of(line, OrganisationColumn.CONTACTS.header(), "contact-syntax", e.getMessage()));
        }
        String territory = text(row.get(OrganisationColumn.TERRITORY));
        if (scope instanceof Scope.OfTerritory own && territory != null && !territory.equals(own.territoryId())) {
            problems.add(ImportProblem.of(line, OrganisationColumn.TERRITORY.header(), "forbidden-territory", territory));
        }
        if (problems.size() > before) {
            return null;
        }
        OrganisationService.Draft draft = new OrganisationService.Draft(row.get(OrganisationColumn.NAME), type,
                row.get(OrganisationColumn.ADDRESS), row.get(OrganisationColumn.WEBSITE), level,
                codes(row.get(OrganisationColumn.COMPETENCE_CODES)), territory, charter, contacts);
        Organisation preview;
        try {
            preview = service.preview(scope, draft);
        } catch (ChangeRefused refused) {
            problems.add(new ImportProblem(line, columnOf(refused.code()), refused.code(), refused.arguments()));
            return null;
        }
        return new Valid(line, existing, draft, preview, active);
    }

    /** Whether the row says what the organisation already is (after the form's normalisation). */
    private static boolean same(Organisation stored, Organisation probe, boolean active) {
        return Objects.equals(stored.getName(), probe.getName()) && stored.getType() == probe.getType()
                && Objects.equals(stored.getAddress(), probe.getAddress()) && Objects.equals(stored.getWebsite(), probe.getWebsite())
                && Objects.equals(stored.getTerritoryId(), probe.getTerritoryId())
                && Objects.equals(stored.getCompetence(), probe.getCompetence())
                && Objects.equals(stored.getCharterSignedOn(), probe.getCharterSignedOn())
                && Objects.equals(stored.getContacts(), probe.getContacts()) && stored.isActive() == active;
    }

    private static <E extends Enum<E>> E enumCell(CsvTable.Row<OrganisationColumn> row, int line, OrganisationColumn column,
                                                  E[] values, List<ImportProblem> problems) {
        String cell = text(row.get(column));
        if (cell == null) {
            problems.add(ImportProblem.of(line, column.header(), "required"));
            return null;
        }
        String wanted = cell.toUpperCase(Locale.ROOT).replace('-', '_');
        return Arrays.stream(values).filter(v -> v.name().equals(wanted)).findFirst().orElseGet(() -> {
            problems.add(ImportProblem.of(line, column.header(), "bad-value", cell,
                    Arrays.stream(values).map(v -> v.name().toLowerCase(Locale.ROOT)).collect(Collectors.joining(", "))));
            return null;
        });
    }

    /** The column a rule of the organisation form is about. */
    private static String columnOf(String code) {
        return switch (code) {
            case "organisation.name" -> OrganisationColumn.NAME.header();
            case "organisation.type" -> OrganisationColumn.TYPE.header();
            case "organisation.address" -> OrganisationColumn.ADDRESS.header();
            case "organisation.website" -> OrganisationColumn.WEBSITE.header();
            case "organisation.territory" -> OrganisationColumn.TERRITORY.header();
            case "organisation.competence" -> OrganisationColumn.COMPETENCE.header();
            case "organisation.competence-codes", "organisation.competence-unknown" -> OrganisationColumn.COMPETENCE_CODES.header();
            case "organisation.contact-email", "organisation.alert-without-email", "organisation.no-alert-contact",
                 "organisation.contact-separator" -> OrganisationColumn.CONTACTS.header();
            default -> null;
        };
    }

    private static List<String> codes(String cell) {
        return cell == null || cell.isBlank() ? List.of() : Arrays.stream(cell.split("[\\s,;]+")).filter(s -> !s.isBlank()).toList();
    }

    private static String text(String cell) {
        return cell == null || cell.isBlank() ? null : cell.strip();
    }
}
