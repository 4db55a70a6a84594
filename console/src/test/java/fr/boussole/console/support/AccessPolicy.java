package fr.boussole.console.support;

import org.springframework.http.server.PathContainer;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Who may call what in the console, written once for the tests, apart from the code it checks
 * ({@code ConsoleSecurityConfiguration} and each controller's scoping). The first rule whose pattern
 * matches a path applies; a console path that no rule matches has no stated policy, and the access
 * test fails on it until someone states one here.
 */
public final class AccessPolicy {

    /** Who calls. */
    public enum Caller { ANONYMOUS, PROFESSIONAL, ANIMATEUR, ADMINISTRATOR }

    public record Rule(PathPattern pattern, Set<Caller> allowed) {
        boolean matches(String path) {
            return pattern.matches(PathContainer.parsePath(path));
        }
    }

    private static final Set<Caller> EVERYONE = EnumSet.allOf(Caller.class);

    private static final List<Rule> RULES = List.of(
            rule("/console/login", EVERYONE),
            rule("/console/logout", EVERYONE),
            rule("/console/mot-de-passe/**", EVERYONE),
            rule("/console/alerte/**", EVERYONE),
            rule("/console/invitation/**", EVERYONE),
            rule("/console/error", EVERYONE),
            // national: opening territories and naming their animateurs
            rule("/console/admin/territoires/**", Caller.ADMINISTRATOR),
            // organisations and accounts: national for the administrator, the territory's for the animateur
            rule("/console/admin/organisations/**", Caller.ADMINISTRATOR, Caller.ANIMATEUR),
            rule("/console/admin/comptes/**", Caller.ADMINISTRATOR, Caller.ANIMATEUR),
            rule("/console/admin/**", Caller.ADMINISTRATOR),
            // a young person's data rights and failed deliveries: national for the administrator
            rule("/console/animation/donnees/**", Caller.ADMINISTRATOR, Caller.ANIMATEUR),
            rule("/console/animation/envois-en-echec/**", Caller.ADMINISTRATOR, Caller.ANIMATEUR),
            // the questionnaires' funnel and the unmet demand: anonymous counts, any territory for the national team
            rule("/console/animation/entonnoir/**", Caller.ADMINISTRATOR, Caller.ANIMATEUR),
            rule("/console/animation/**", Caller.ANIMATEUR),
            // a young person's requests: their organisation's professionals and their territory's animateur, never
            // the national team
            rule("/console/demandes/**", Caller.PROFESSIONAL, Caller.ANIMATEUR),
            rule("/console/offres", Caller.PROFESSIONAL, Caller.ANIMATEUR),
            rule("/console/offres/import", Caller.PROFESSIONAL, Caller.ANIMATEUR),
            rule("/console/offres/export.csv", Caller.PROFESSIONAL, Caller.ANIMATEUR),
            // editing an offer: its organisation's professionals only (after the literal paths above, which
            // "{id}" would match too)
            rule("/console/offres/**", Caller.PROFESSIONAL),
            rule("/console/annuaire", Caller.PROFESSIONAL, Caller.ANIMATEUR),
            // conversations handed to a person: the list adapts (empty for a professional outside the territory's
            // Info Jeunes); the desk's hours are the animateur's; a conversation is the territory's animateur's and
            // its Info Jeunes professionals' (the fixtures' professionals are not: InboxPageTest covers those)
            rule("/console/conversations", Caller.PROFESSIONAL, Caller.ANIMATEUR),
            rule("/console/conversations/horaires", Caller.ANIMATEUR),
            rule("/console/conversations/**", Caller.ANIMATEUR),
            // the home page adapts to the role
            rule("/console", Caller.PROFESSIONAL, Caller.ANIMATEUR, Caller.ADMINISTRATOR));

    private AccessPolicy() {}

    private static Rule rule(String pattern, Caller first, Caller... others) {
        return rule(pattern, EnumSet.of(first, others));
    }

    private static Rule rule(String pattern, Set<Caller> allowed) {
        return new Rule(PathPatternParser.defaultInstance.parse(pattern), Set.copyOf(allowed));
    }

    /** The callers allowed on this concrete path; empty when no rule states it. */
    public static java.util.Optional<Set<Caller>> allowed(String path) {
        return RULES.stream().filter(r -> r.matches(path)).findFirst().map(Rule::allowed);
    }

    /** A signed-in caller allowed on this path (the least powerful first), for tests that only need one. */
    public static Caller someoneAllowed(String path) {
        Set<Caller> allowed = allowed(path).orElseThrow(() -> new AssertionError("no access rule for " + path));
        for (Caller c : List.of(Caller.PROFESSIONAL, Caller.ANIMATEUR, Caller.ADMINISTRATOR)) {
            if (allowed.contains(c)) {
                return c;
            }
        }
        throw new AssertionError("nobody signed in may call " + path);
    }
}
