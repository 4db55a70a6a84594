package fr.boussole.store.csv;

/**
 * Keeps spreadsheet software from running a CSV cell as a formula (CSV injection): a cell starting with
 * {@code =}, {@code +}, {@code -}, {@code @}, a tab or a carriage return is written with a leading
 * {@code '}, which spreadsheets read as "this is text" and do not show (the OWASP rule).
 *
 * <p>So that an exported file imports back to the same values, the guard is reversible: a value that
 * already starts with one or more {@code '} followed by one of those characters gets one more {@code '}
 * too, and {@link #unguard} removes exactly one {@code '} from a cell that {@link #guard} would have
 * produced. Every other cell, including one that merely starts with {@code '}, is left as it is.
 */
public final class FormulaGuard {

    private static final String TRIGGERS = "=+-@\t\r";

    private FormulaGuard() {}

    /** The cell to write for this value (null stays null). */
    public static String guard(String value) {
        return value != null && needsGuard(value) ? "'" + value : value;
    }

    /** The value a written cell stands for: the inverse of {@link #guard}. */
    public static String unguard(String cell) {
        return cell != null && cell.startsWith("'") && needsGuard(cell.substring(1)) ? cell.substring(1) : cell;
    }

    private static boolean needsGuard(String value) {
        int i = 0;
        while (i < value.length() && value.charAt(i) == '\'') {
            i++;
        }
        return i < value.length() && TRIGGERS.indexOf(value.charAt(i)) >= 0;
    }
}
