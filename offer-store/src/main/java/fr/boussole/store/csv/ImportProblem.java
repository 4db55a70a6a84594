package fr.boussole.store.csv;

import java.util.Arrays;
import java.util.List;

/**
 * One error in an imported file: its line (1 is the header), its column (null for the whole row),
 * a stable code and the values it is about. {@link #message()} gives the text to show; the console
 * may also translate the code itself ({@code problem.<code>} in {@code store/messages/import.properties}).
 */
public record ImportProblem(int line, String column, String code, List<String> arguments) {

    public ImportProblem {
        arguments = List.copyOf(arguments);
    }

    static ImportProblem of(int line, String column, String code, Object... arguments) {
        return new ImportProblem(line, column, code, Arrays.stream(arguments).map(String::valueOf).toList());
    }

    /** What is wrong, for people. */
    public String message() {
        return ImportTexts.text("problem." + code, arguments.toArray());
    }

    /** Where and what, e.g. "ligne 3, colonne status : ...". */
    @Override
    public String toString() {
        return column == null ? ImportTexts.text("problem.where-row", line, message())
                : ImportTexts.text("problem.where", line, column, message());
    }
}
