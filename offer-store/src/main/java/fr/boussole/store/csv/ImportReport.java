package fr.boussole.store.csv;

import java.util.List;

/**
 * What an import did.
 *
 * @param rows      data rows read (the header excluded)
 * @param created   offers created
 * @param updated   offers changed
 * @param unchanged rows identical to the stored offer (a re-import)
 * @param skipped   invalid rows left out (with {@code skipInvalid})
 * @param problems  every error found, by line and column
 * @param applied   whether anything was written: false when the file had errors and skipInvalid was off
 */
public record ImportReport(int rows, int created, int updated, int unchanged, int skipped,
                           List<ImportProblem> problems, boolean applied) {

    public ImportReport {
        problems = List.copyOf(problems);
    }

    public boolean hasProblems() {
        return !problems.isEmpty();
    }
}
