package fr.boussole.store.access;

import java.util.List;

/**
 * A change to a territory, organisation or account that the store's services refuse: the one error type
 * of their boundary. {@code code} names the rule (the console shows the text of {@code refused.<code>});
 * {@code arguments} fill it in. {@link #NOT_FOUND} is an object absent or outside the caller's scope, which
 * the console answers as a page that does not exist.
 */
public class ChangeRefused extends RuntimeException {

    public static final String NOT_FOUND = "not-found";

    private final String code;
    private final List<String> arguments;

    public ChangeRefused(String code, String... arguments) {
        super(code + (arguments.length == 0 ? "" : " " + List.of(arguments)), null, false, false);
        this.code = code;
        this.arguments = List.of(arguments);
    }

    public static ChangeRefused notFound() {
        return new ChangeRefused(NOT_FOUND);
    }

    public String code() {
        return code;
    }

    public List<String> arguments() {
        return arguments;
    }

    /** The argument at this position, or "" (templates fill messages with a fixed number of them). */
    public String argument(int index) {
        return index < arguments.size() ? arguments.get(index) : "";
    }

    public boolean notFoundCase() {
        return NOT_FOUND.equals(code);
    }
}
