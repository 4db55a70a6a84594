package fr.boussole.console.hardening;

import fr.boussole.console.support.ConsoleIntegrationTest;
import fr.boussole.console.support.Fixtures;
import fr.boussole.testing.HeadlessChromium;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The payloads of {@link Payloads} typed into console forms in a real headless Chromium: the text shows as
 * typed, no element is made of it, no script runs (a payload would set {@code window.__boussoleXss} or
 * open an alert), and the pages raise no content-security-policy violation (they need nothing the
 * policy forbids). The DOM check fails on an escaping bug even though the policy would still stop the
 * script: both defences are checked, each on its own.
 */
class InjectionInTheBrowserTest extends ConsoleIntegrationTest {

    @LocalServerPort
    int port;

    private HeadlessChromium chromium;
    private WebDriver browser;

    @BeforeEach
    void startChromium() throws Exception {
        chromium = new HeadlessChromium();
        browser = chromium.driver();
    }

    @AfterEach
    void stopChromium() throws Exception {
        chromium.close();
    }

    /** Fails if a payload becomes an element, a script runs, or a console page breaks its own CSP. */
    @Test
    void payloads_typed_in_console_forms_show_as_text_and_run_nothing() {
        var world = fixtures.world();
        String id = fixtures.request(world, world.a(), clock.instant());
        browser.get(url("/console/login"));
        chromium.signIn(world.a().professional().email(), Fixtures.PASSWORD);

        browser.get(url("/console/demandes/" + id));
        String comment = Payloads.all();
        type("comment", comment);
        browser.findElement(By.id("save-follow-up")).click();
        assertThat(browser.findElement(By.id("follow-up-saved")).isDisplayed()).isTrue();
        assertThat(browser.findElement(By.id("follow-ups")).getText()).contains(Payloads.SCRIPT, Payloads.IMG, "[[${7*7}]]");
        assertThat(count("#follow-ups script, #follow-ups img, #follow-ups svg")).isZero();
        assertNothingRan();

        browser.get(url("/console/offres/nouvelle"));
        type("title", Payloads.IMG);
        type("description", Payloads.SCRIPT);
        type("place", "[[${7*7}]]");
        var formBefore = browser.findElement(By.id("title"));
        browser.findElement(By.id("save-offer")).click();
        // the same form comes back: wait until the page that answered the post replaced this one
        new WebDriverWait(browser, java.time.Duration.ofSeconds(20)).until(ExpectedConditions.stalenessOf(formBefore));
        assertThat(browser.findElement(By.id("title")).getAttribute("value")).isEqualTo(Payloads.IMG);
        assertThat(browser.findElement(By.id("place")).getAttribute("value")).isEqualTo("[[${7*7}]]");
        assertThat(count("main img, main script, main svg")).isZero();
        assertNothingRan();

        browser.get(url("/console/demandes?onglet=" + java.net.URLEncoder.encode(Payloads.IMG, java.nio.charset.StandardCharsets.UTF_8)));
        assertThat(count("main img")).isZero();
        assertNothingRan();

        // A probe, so that an empty list means "no violation" and not "the log is not collected".
        ((JavascriptExecutor) browser).executeScript("console.error('csp-log-probe');");
        List<String> messages = browser.manage().logs().get(LogType.BROWSER).getAll().stream()
                .map(LogEntry::getMessage).toList();
        assertThat(messages).anyMatch(m -> m.contains("csp-log-probe"));
        assertThat(messages).noneMatch(m -> m.contains("Content Security Policy"));
    }

    private void type(String field, String text) {
        var element = browser.findElement(By.id(field));
        element.clear();
        // Typed through the DOM: sendKeys would interpret some characters of the payloads as key chords.
        ((JavascriptExecutor) browser).executeScript("arguments[0].value = arguments[1];", element, text);
    }

    private long count(String selector) {
        return (Long) ((JavascriptExecutor) browser).executeScript(
                "return document.querySelectorAll(arguments[0]).length;", selector);
    }

    private void assertNothingRan() {
        assertThat(((JavascriptExecutor) browser).executeScript("return window.__boussoleXss === undefined;"))
                .isEqualTo(true);
        assertThatThrownBy(() -> browser.switchTo().alert()).isInstanceOf(NoAlertPresentException.class);
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}
