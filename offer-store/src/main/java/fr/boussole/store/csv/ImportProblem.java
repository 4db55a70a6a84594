package fr.boussole.store.csv;

/** One error in an imported file: its line (1 is the header), its column (null for the whole row), what is wrong. */
public record ImportProblem(int line, String column, String message) {

    @Override
    public String toString() {
        return "line " + line + (column == null ? "" : ", column " + column) + ": " + message;
    }
}
