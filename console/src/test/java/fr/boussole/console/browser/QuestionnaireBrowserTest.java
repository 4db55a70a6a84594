package fr.boussole.console.browser;

import fr.boussole.console.support.ConsoleIntegrationTest;
import fr.boussole.console.support.Fixtures;
import fr.boussole.store.questionnaire.StoreQuestionnaireSource;
import fr.boussole.testing.HeadlessChromium;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An animateur in a real headless Chromium edits the emploi questionnaire in a draft (a new question
 * with an urgent answer and a condition, a question reworded), tries it in the simulator (where the new
 * question is asked and its urgent answer gives the help line), and publishes it; the bot then serves
 * the new version.
 * Screenshots of the pages go to docs/screenshots/ with {@code -Dconsole.screenshots=true}.
 */
class QuestionnaireBrowserTest extends ConsoleIntegrationTest {

    @LocalServerPort
    int port;
    @Autowired
    StoreQuestionnaireSource source;

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
    void an_animateur_edits_a_draft_tries_it_in_the_simulator_and_publishes_it() throws Exception {
        var world = fixtures.world();
        browser.get(url("/console/login"));
        chromium.signIn(world.animateur().email(), Fixtures.PASSWORD);

        browser.findElement(By.linkText("Questionnaires")).click();
        assertThat(browser.findElement(By.id("theme-emploi")).getText()).contains("National, version 1");
        browser.findElement(By.cssSelector("#theme-emploi .start-draft")).click();
        // the list's page has an h1 too: wait for the draft's, not a stale one (CI-like clean run: stale element)
        new WebDriverWait(browser, Duration.ofSeconds(20)).ignoring(StaleElementReferenceException.class)
                .until(d -> "Brouillon : Emploi".equals(d.findElement(By.tagName("h1")).getText()));

        // A new question with an urgent answer, asked only to those who have no driving licence: the engine
        // asks a question with an urgent answer, and the question its condition reads.
        new Select(browser.findElement(By.id("new-type"))).selectByValue("single");
        browser.findElement(By.cssSelector("#add-question button")).click();
        browser.findElement(By.id("id")).sendKeys("abri");
        browser.findElement(By.id("text")).sendKeys("Tu as un endroit où dormir ce soir ?");
        browser.findElement(By.id("option-label-0")).sendKeys("Oui");
        browser.findElement(By.id("option-label-1")).sendKeys("Non, pas ce soir");
        browser.findElement(By.id("option-aliases-1")).sendKeys("non, dehors, à la rue");
        browser.findElement(By.id("option-urgent-1")).click();
        browser.findElement(By.id("condition-when-permis-b")).click();
        browser.findElement(By.id("condition-permis-b-non")).click();
        screenshot("question");
        browser.findElement(By.id("save-question")).click();
        assertThat(browser.findElement(By.id("saved")).getText()).contains("Enregistré");
        assertThat(browser.findElement(By.id("question-abri")).getText())
                .contains("Tu as un endroit où dormir ce soir ?").contains("Posée seulement si « Tu as le permis B (voiture) ? » : non");

        // Asked right after the licence question, before the last one.
        browser.findElement(By.xpath("//div[@id='question-abri']//button[text()='Monter']")).click();
        // the page before the move has a question-abri too: wait for the one after it, not a stale one
        new WebDriverWait(browser, Duration.ofSeconds(20)).ignoring(StaleElementReferenceException.class)
                .until(d -> d.findElement(By.id("question-abri")).getText().startsWith("6. "));

        // The licence question says it more simply.
        browser.findElement(By.cssSelector("#question-permis-b .edit-question")).click();
        var text = browser.findElement(By.id("text"));
        text.clear();
        text.sendKeys("Tu as le permis de conduire (voiture) ?");
        browser.findElement(By.id("save-question")).click();
        screenshot("draft");

        browser.findElement(By.id("simulate")).click();
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(20));
        waitFor(wait, "quel âge");
        type("19 ans");
        type("Cahors");
        type("emploi");
        waitFor(wait, "Tu as le permis de conduire (voiture) ?");
        browser.findElement(By.xpath("//div[@id='log']//button[text()='Non']")).click();
        waitFor(wait, "Tu as un endroit où dormir ce soir ?");
        type("non");
        waitFor(wait, "Si c'est urgent, appelle le 15 ou le 112.");
        screenshot("simulator");
        assertThat(source.current(world.territoryId(), "emploi").orElseThrow().id()).as("nothing published yet")
                .isEqualTo("emploi");

        browser.get(url("/console/animation/questionnaires/emploi/brouillon"));
        var confirm = browser.findElements(By.id("confirm"));
        if (!confirm.isEmpty()) {
            confirm.getFirst().click();
        }
        browser.findElement(By.id("publish")).click();
        assertThat(browser.findElement(By.id("published")).getText()).contains("Questionnaire publié");
        assertThat(browser.findElement(By.id("theme-emploi")).getText()).contains("Version 1 du territoire");
        screenshot("questionnaires");
        var served = source.current(world.territoryId(), "emploi").orElseThrow();
        assertThat(served.version()).isEqualTo(1);
        assertThat(served.step("abri")).isPresent();
    }

    private void type(String message) {
        int before = browser.findElements(By.cssSelector("#log .msg.bot")).size();
        var input = browser.findElement(By.id("text"));
        input.sendKeys(message);
        browser.findElement(By.id("send")).click();
        new WebDriverWait(browser, Duration.ofSeconds(20)).until(
                ExpectedConditions.numberOfElementsToBeMoreThan(By.cssSelector("#log .msg.bot"), before));
        new WebDriverWait(browser, Duration.ofSeconds(20)).until(ExpectedConditions.elementToBeClickable(By.id("send")));
    }

    private void waitFor(WebDriverWait wait, String text) {
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("log"), text));
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }

    private void screenshot(String name) throws Exception {
        if (!Boolean.getBoolean("console.screenshots")) {
            return;
        }
        File shot = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE);
        Path docs = Path.of(System.getProperty("user.dir")).resolveSibling("docs").resolve("screenshots");
        Files.createDirectories(docs);
        Files.copy(shot.toPath(), docs.resolve("console-questionnaire-" + name + ".png"), StandardCopyOption.REPLACE_EXISTING);
    }
}
