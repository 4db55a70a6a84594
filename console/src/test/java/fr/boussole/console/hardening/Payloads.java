package fr.boussole.console.hardening;

import java.util.List;

/**
 * What an attacker types into console forms: markup, template expressions for Thymeleaf and other engines,
 * Spring expressions that would leave a mark if ever evaluated, and MongoDB operators.
 */
final class Payloads {

    /** Set by {@link #EVALUATED} if Thymeleaf or SpEL ever evaluates user data. */
    static final String MARK = "boussole.injection.evaluated";

    static final String SCRIPT = "<script>window.__boussoleXss = 1</script>";
    static final String IMG = "<img src=x onerror=\"window.__boussoleXss = 2\">";
    static final String EVALUATED = "${T(java.lang.System).setProperty('" + MARK + "','1')}";

    /** Markup: refused where texts must be plain (offers), stored as text elsewhere. */
    static final List<String> MARKUP = List.of(SCRIPT, IMG, "\"><svg/onload=window.__boussoleXss=3>");

    /** Expressions and operators, with no markup: stored and shown as typed, never evaluated. */
    static final List<String> EXPRESSIONS = List.of(
            "[[${7*7}]]", "[(${7*7})]", "{{7*7}}", "${7*7}", "*{7*7}", "#{7*7}", "@{/x}",
            "*{T(java.lang.System).setProperty('" + MARK + "','1')}", EVALUATED,
            "__${T(java.lang.System).setProperty('" + MARK + "','1')}__::x",
            "$where", "{\"$gt\":\"\"}", "{\"$where\":\"sleep(1000)\"}");

    /** Everything at once, for a free-text field that takes markup as text. */
    static String all() {
        return String.join(" | ", MARKUP) + " | " + String.join(" | ", EXPRESSIONS);
    }

    private Payloads() {}
}
