package fr.boussole.console.hardening;

import org.junit.jupiter.api.Test;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Reads every console template. The web pages must hold nothing the content security policy would block
 * (inline scripts, event-handler attributes, {@code javascript:} links, inline styles): the policy stays
 * strict only if the pages need nothing more. No template, web or mail, may write text unescaped or
 * preprocess an expression, the two ways user data could become markup or be evaluated by Thymeleaf.
 */
class TemplatesKeepThePolicyTest {

    private static final Pattern SCRIPT_TAG = Pattern.compile("<script\\b([^>]*)>", Pattern.CASE_INSENSITIVE);
    private static final Pattern EVENT_HANDLER = Pattern.compile("\\s(?:th:|data-th-)?on[a-z]+\\s*=", Pattern.CASE_INSENSITIVE);
    private static final Pattern JAVASCRIPT_URL = Pattern.compile("javascript:", Pattern.CASE_INSENSITIVE);
    private static final Pattern INLINE_STYLE = Pattern.compile("<style\\b|\\s(?:th:)?style\\s*=", Pattern.CASE_INSENSITIVE);
    private static final Pattern UNESCAPED = Pattern.compile("th:utext|data-th-utext|\\[\\(");
    private static final Pattern PREPROCESSING = Pattern.compile("__\\s*[$*#@~]\\{");

    /** Fails on an inline script, an on*= handler, a javascript: URL or an inline style in a console page. */
    @Test
    void web_pages_have_no_inline_script_handler_or_style() throws Exception {
        List<String> problems = new ArrayList<>();
        List<Resource> pages = templates("classpath*:templates/console/**/*.html").stream()
                .filter(t -> !path(t).contains("/mail/")).toList();
        assertThat(pages).hasSizeGreaterThan(10);
        for (Resource page : pages) {
            String html = read(page);
            Matcher script = SCRIPT_TAG.matcher(html);
            while (script.find()) {
                String attributes = script.group(1);
                if (!attributes.matches("(?s).*\\b(th:)?src\\s*=.*") || attributes.matches("(?s).*src\\s*=\\s*[\"'](https?:)?//.*")) {
                    problems.add(path(page) + ": inline or foreign <script" + attributes + ">");
                }
            }
            find(EVENT_HANDLER, page, html, "event-handler attribute", problems);
            find(JAVASCRIPT_URL, page, html, "javascript: URL", problems);
            find(INLINE_STYLE, page, html, "inline style", problems);
        }
        assertThat(problems).isEmpty();
    }

    /** Fails on th:utext, [(…)] in HTML, or __…__ preprocessing in any console template or promise email. */
    @Test
    void no_template_writes_unescaped_or_preprocesses_an_expression() throws Exception {
        List<String> problems = new ArrayList<>();
        List<Resource> all = new ArrayList<>(templates("classpath*:templates/console/**/*"));
        // the promises' emails, rendered by the offer store
        all.addAll(templates("classpath*:store/mail/*.txt"));
        all.addAll(templates("classpath*:store/mail/*.html"));
        assertThat(all).hasSizeGreaterThan(20);
        for (Resource template : all) {
            String text = read(template);
            // In a plain-text mail, [(…)] is the ordinary output: there is no markup to escape.
            if (path(template).endsWith(".html")) {
                find(UNESCAPED, template, text, "unescaped output", problems);
            } else {
                find(Pattern.compile("th:utext"), template, text, "unescaped output", problems);
            }
            find(PREPROCESSING, template, text, "preprocessing", problems);
        }
        assertThat(problems).isEmpty();
    }

    /** The scan itself finds what it is meant to find. */
    @Test
    void the_patterns_catch_what_they_are_for() {
        assertThat(EVENT_HANDLER.matcher("<img src=x onerror=alert(1)>").find()).isTrue();
        assertThat(EVENT_HANDLER.matcher("<button th:onclick=\"x\">").find()).isTrue();
        assertThat(EVENT_HANDLER.matcher("<a class=\"one\">").find()).isFalse();
        assertThat(PREPROCESSING.matcher("#{theme.__${t}__}").find()).isTrue();
        assertThat(UNESCAPED.matcher("<p th:utext=\"${x}\">").find()).isTrue();
        assertThat(INLINE_STYLE.matcher("<p style=\"color:red\">").find()).isTrue();
        assertThat(SCRIPT_TAG.matcher("<script>alert(1)</script>").find()).isTrue();
    }

    private static void find(Pattern pattern, Resource template, String text, String what, List<String> problems) {
        Matcher m = pattern.matcher(text);
        while (m.find()) {
            int line = text.substring(0, m.start()).split("\n", -1).length;
            problems.add(path(template) + ":" + line + ": " + what);
        }
    }

    private static List<Resource> templates(String pattern) throws Exception {
        return List.of(new PathMatchingResourcePatternResolver().getResources(pattern)).stream()
                .filter(Resource::isReadable).toList();
    }

    private static String read(Resource resource) throws Exception {
        return resource.getContentAsString(StandardCharsets.UTF_8);
    }

    private static String path(Resource resource) {
        try {
            return resource.getURL().toString().replaceFirst(".*/templates/", "templates/");
        } catch (Exception e) {
            return resource.getDescription();
        }
    }
}
