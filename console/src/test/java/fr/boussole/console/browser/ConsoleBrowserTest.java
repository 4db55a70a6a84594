package fr.boussole.console.browser;

import fr.boussole.store.promise.RequestAlerts;
import fr.boussole.console.support.ConsoleIntegrationTest;
import fr.boussole.console.support.Fixtures;
import fr.boussole.core.offer.ContactRequests;
import fr.boussole.testing.HeadlessChromium;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The console in a real headless Chromium: a professional signs in, opens a request from the link of
 * its alert email, logs a follow-up; the animateur then sees it on the dashboard.
 * Screenshots of the main pages go to docs/screenshots/.
 */
class ConsoleBrowserTest extends ConsoleIntegrationTest {

    private static final Pattern LINK = Pattern.compile("http://localhost:8080(/console/alerte/[A-Za-z0-9_-]{43})");

    @LocalServerPort
    int port;
    @Autowired
    RequestAlerts alerts;

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

    @Test
    void a_professional_follows_up_a_request_from_the_alert_email_and_the_animateur_sees_it() throws Exception {
        var world = fixtures.world();
        Instant made = clock.instant().minus(Duration.ofDays(1));
        fixtures.request(world, world.b(), made.minus(Duration.ofDays(6)));
        // Some history, so that the screenshots show a territory at work.
        String[] themes = {"emploi", "formation", "logement", "sante", "mobilite-internationale"};
        for (int week = 1; week <= 10; week++) {
            for (int i = 0; i < 1 + (week * 7) % 4; i++) {
                Instant at = made.minus(Duration.ofDays(7L * week + i));
                var old = fixtures.record(world, i % 2 == 0 ? world.a() : world.b(), at, themes[(week + i) % themes.length]);
                if ((week + i) % 5 != 0) {
                    fixtures.followUp(old.requestId(), at.plus(Duration.ofHours(6L + 20L * ((week + i) % 4))),
                            fr.boussole.store.request.Outcome.values()[(week + i) % 4]);
                }
            }
        }
        fixtures.request(world, world.a(), clock.instant().minus(Duration.ofHours(3)));
        String id = fixtures.request(world, world.a(), made);
        alerts.requestRecorded(new ContactRequests.Recorded(id, world.a().offerId(), world.a().id(), made,
                made.plus(Duration.ofDays(3))));
        var matcher = LINK.matcher(emailTo(world.a().alertEmail()).text());
        assertThat(matcher.find()).isTrue();
        String alertPath = matcher.group(1);

        browser.get(url("/console"));
        assertThat(browser.getCurrentUrl()).endsWith("/console/login");
        screenshot("login");
        signIn(world.a().professional().email());
        assertThat(browser.findElement(By.id("count-new")).getText()).isNotBlank();
        browser.get(url("/console/demandes"));
        assertThat(browser.findElement(By.id("requests")).getText()).contains(world.a().offerTitle());
        screenshot("requests");

        browser.get(url(alertPath));
        assertThat(browser.findElement(By.id("contact-address")).getText()).isEqualTo("06 12 34 56 78");
        browser.findElement(By.id("comment")).sendKeys("Appelé ce matin : rendez-vous pris jeudi à 14 h.");
        new Select(browser.findElement(By.id("outcome"))).selectByValue("REACHED_AND_HELPED");
        browser.findElement(By.id("save-follow-up")).click();
        assertThat(browser.findElement(By.id("follow-up-saved")).isDisplayed()).isTrue();
        assertThat(browser.findElement(By.id("follow-ups")).getText()).contains("rendez-vous pris jeudi");
        screenshot("request");

        browser.get(url("/console/demandes"));
        browser.findElement(By.cssSelector("header form button")).click();
        // the click only submits: a page asked for before the sign-out's navigation starts would be replaced by it
        new WebDriverWait(browser, Duration.ofSeconds(30)).until(d -> d.getCurrentUrl().contains("/console/login?logout"));
        signIn(world.animateur().email());
        browser.get(url("/console/animation/tableau-de-bord"));
        assertThat(browser.findElement(By.id("kept-share")).getText()).matches("(?s)\\d+ %.*");
        assertThat(browser.findElement(By.id("requests-chart")).findElements(By.tagName("rect"))).isNotEmpty();
        screenshot("dashboard");
    }

    private void signIn(String email) {
        chromium.signIn(email, Fixtures.PASSWORD);
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }

    /**
     * Saved under docs/screenshots/ of the repository, for the README, when run with
     * {@code -Dconsole.screenshots=true} (so that an ordinary test run leaves the working tree clean).
     */
    private void screenshot(String name) throws Exception {
        if (!Boolean.getBoolean("console.screenshots")) {
            return;
        }
        File shot = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE);
        Path docs = Path.of(System.getProperty("user.dir")).resolveSibling("docs").resolve("screenshots");
        Files.createDirectories(docs);
        Files.copy(shot.toPath(), docs.resolve("console-" + name + ".png"), StandardCopyOption.REPLACE_EXISTING);
    }
}
