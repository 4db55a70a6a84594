package fr.boussole.console.support;

import org.springframework.http.HttpMethod;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The console's endpoints as Spring MVC's request-mapping registry knows them, so that tests walking
 * them check a new endpoint without anyone listing it; and the way to fill their path variables with
 * the id of an object of the right kind, told by the path segment before the variable
 * ({@code /console/demandes/{id}} takes a request id).
 */
public final class ConsoleEndpoints {

    /** One method on one path pattern. */
    public record Endpoint(HttpMethod method, String pattern) implements Comparable<Endpoint> {
        public boolean changesState() {
            return method != HttpMethod.GET && method != HttpMethod.HEAD;
        }

        public boolean hasVariables() {
            return pattern.contains("{");
        }

        @Override
        public int compareTo(Endpoint o) {
            int c = pattern.compareTo(o.pattern);
            return c != 0 ? c : method.name().compareTo(o.method.name());
        }

        @Override
        public String toString() {
            return method + " " + pattern;
        }
    }

    /** What a path variable names, by the segment before it. */
    public enum Kind {
        REQUEST, OFFER, ORGANISATION, ACCOUNT, TERRITORY, HANDOVER, TOKEN,
        /** A theme of the caller's territory ("emploi"): questionnaire pages take their territory from the account. */
        THEME,
        /** A question of the theme's questionnaire ("situation"). */
        QUESTION,
        /** A published version number of the caller's territory: made up, the world publishes none. */
        VERSION
    }

    private static final Map<String, Kind> KIND_BY_SEGMENT = Map.ofEntries(
            Map.entry("conversations", Kind.HANDOVER),
            Map.entry("demandes", Kind.REQUEST),
            Map.entry("offres", Kind.OFFER),
            Map.entry("organisations", Kind.ORGANISATION),
            Map.entry("comptes", Kind.ACCOUNT),
            Map.entry("territoires", Kind.TERRITORY),
            // tokens and outbox ids: made-up values, the world holds none
            Map.entry("alerte", Kind.TOKEN),
            Map.entry("nouveau", Kind.TOKEN),
            Map.entry("invitation", Kind.TOKEN),
            Map.entry("envois-en-echec", Kind.TOKEN),
            Map.entry("questionnaires", Kind.THEME),
            Map.entry("questions", Kind.QUESTION),
            Map.entry("versions", Kind.VERSION));

    private static final Pattern VARIABLE = Pattern.compile("([^/]+)/\\{[^}]+}");

    private ConsoleEndpoints() {}

    /** Every mapping under /console; a mapping with no method condition counts as GET and POST. */
    public static List<Endpoint> all(RequestMappingHandlerMapping mappings) {
        var endpoints = new TreeSet<Endpoint>();
        mappings.getHandlerMethods().forEach((info, handler) -> {
            var methods = info.getMethodsCondition().getMethods();
            var effective = methods.isEmpty() ? List.of(RequestMethod.GET, RequestMethod.POST) : List.copyOf(methods);
            for (String pattern : info.getPatternValues()) {
                if (pattern.startsWith("/console")) {
                    effective.forEach(m -> endpoints.add(new Endpoint(HttpMethod.valueOf(m.name()), pattern)));
                }
            }
        });
        return List.copyOf(endpoints);
    }

    /**
     * The value of a variable that names nothing of a territory (a theme, a question of its questionnaire, a
     * version): the same for every caller, whose territory comes from their account.
     */
    public static String sameForEveryone(Kind kind) {
        return switch (kind) {
            case THEME -> "emploi";
            case QUESTION -> "situation";
            case VERSION -> "1";
            default -> throw new IllegalArgumentException(kind + " names an object of a territory");
        };
    }

    /**
     * The pattern with each variable replaced by {@code ids.apply(kind)}; fails on a variable after a segment
     * of unknown kind, so that a new kind of object is given ids (and IDOR tries) before it ships.
     */
    public static String fill(String pattern, Function<Kind, String> ids) {
        Matcher m = VARIABLE.matcher(pattern);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            Kind kind = KIND_BY_SEGMENT.get(m.group(1));
            if (kind == null) {
                throw new AssertionError("no kind of object known for the variable after '" + m.group(1) + "' in "
                        + pattern + ": add it to ConsoleEndpoints.KIND_BY_SEGMENT");
            }
            m.appendReplacement(out, Matcher.quoteReplacement(m.group(1) + "/" + ids.apply(kind)));
        }
        m.appendTail(out);
        return out.toString();
    }
}
