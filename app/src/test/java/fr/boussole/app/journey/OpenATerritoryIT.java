package fr.boussole.app.journey;

import fr.boussole.app.admin.CommandLineApp;
import fr.boussole.testing.HeadlessChromium;
import jakarta.mail.internet.MimeMessage;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The whole onboarding of a territory, in a real headless Chromium against the running application:
 * the administrator created from the command line opens a territory for the Aveyron (12) and invites its
 * animateur; the animateur creates an organisation, invites a professional, edits the emploi
 * questionnaire in a draft, tries it in the simulator and publishes it; the professional creates an
 * offer; a young person from Rodez answers the territory's version in the web chat, finds the offer and
 * asks to be contacted; the request names that version; the professional sees it. Every password is
 * chosen by its owner through an emailed (or, for the first administrator, printed) single-use link.
 * Screenshots for the README go to docs/screenshots/ when run with {@code -Dconsole.screenshots=true}.
 */
class OpenATerritoryIT extends RunningBot {

    private static final Pattern INVITATION = Pattern.compile(Pattern.quote(PUBLIC_BASE_URL) + "(/console/invitation/[A-Za-z0-9_-]{43})");
    private static final String PASSWORD = "un mot de passe bien long";
    private static final String ADMIN = "direction-nationale@boussole.example.org";
    private static final String ANIMATEUR = "animation@boussole-aveyron.example.org";
    private static final String PROFESSIONAL = "conseil@ml-rouergue.example.org";
    private static final String ALERTS = "alertes@ml-rouergue.example.org";
    private static final String OFFER = "Trouver un premier emploi à Rodez";
    private static final String YOUNG_PERSON = "lea.rodez@example.org";
    private static final String CONSENT = "Oui, contactez-moi";
    private static final String SHELTER = "Tu as un endroit où dormir ce soir ?";

    @TempDir
    Path work;

    private HeadlessChromium chromium;
    private WebDriver browser;

    @BeforeEach
    void startChromium() throws Exception {
        chromium = new HeadlessChromium();
        browser = chromium.driver();
        // tall enough for a whole form in one screenshot
        browser.manage().window().setSize(new org.openqa.selenium.Dimension(1280, 1700));
    }

    @AfterEach
    void stopChromium() throws Exception {
        chromium.close();
    }

    @Test
    void an_administrator_from_the_command_line_opens_the_aveyron_and_a_young_person_from_rodez_reaches_its_new_offer()
            throws Exception {
        // 1. The first administrator, from the command line, against the app's store
        String mongoUri = "mongodb://" + MONGO_ADDRESS.getHostString() + ":" + MONGO_ADDRESS.getPort() + "/boussole";
        CommandLineApp.Outcome created = CommandLineApp.run(Map.of("MONGODB_URI", mongoUri, "PUBLIC_BASE_URL", PUBLIC_BASE_URL),
                work, "--create-admin=" + ADMIN);
        assertThat(created.exitCode()).as("create-admin; stderr: %s", created.err()).isZero();
        choosePassword(site(created.link()), ADMIN);
        browser.get(site("/console/login"));
        chromium.signIn(ADMIN, PASSWORD);

        // 2. The administrator opens a territory for the Aveyron and invites its animateur
        browser.get(site("/console/admin/territoires"));
        browser.findElement(By.id("new-territory")).click();
        browser.findElement(By.id("name")).sendKeys("Boussole de l'Aveyron");
        browser.findElement(By.id("kind-departements")).click();
        browser.findElement(By.id("departements")).sendKeys("12");
        for (String theme : List.of("formation", "logement", "sante", "mobilite-internationale")) {
            browser.findElement(By.id("theme-" + theme)).click(); // all are ticked by default: keep emploi only
        }
        browser.findElement(By.id("ijName-0")).sendKeys("Info Jeunes Aveyron (fictif)");
        browser.findElement(By.id("ijPhone-0")).sendKeys("01 99 00 12 00");
        browser.findElement(By.id("contactName")).sendKeys("le Point Info Jeunes de Rodez (fictif)");
        browser.findElement(By.id("contactPhone")).sendKeys("01 99 00 12 01");
        screenshot("territory-form");
        browser.findElement(By.id("territory-submit")).click();
        assertThat(text("created")).contains("en préparation");
        assertThat(text("territory-communes")).isEqualTo("285");
        assertThat(text("territory-contact")).contains("Point Info Jeunes de Rodez");
        browser.findElement(By.id("animateur-email")).sendKeys(ANIMATEUR);
        browser.findElement(By.id("animateur-name")).sendKeys("Louise Animatrice");
        browser.findElement(By.id("invite-animateur-submit")).click();
        assertThat(text("invited")).contains(ANIMATEUR);
        browser.findElement(By.id("status-OPEN")).click();
        // the page before the click shows the status too ("En préparation"): wait for the page after it
        new WebDriverWait(browser, WAIT).ignoring(StaleElementReferenceException.class)
                .withMessage(() -> "the territory opened, got " + text("territory-status"))
                .until(d -> text("territory-status").equals("Ouvert"));
        screenshot("territory");
        signOut();

        // 3. The animateur creates an organisation and invites a professional of it
        choosePassword(invitationSentTo(ANIMATEUR), ANIMATEUR);
        browser.get(site("/console/login"));
        chromium.signIn(ANIMATEUR, PASSWORD);
        browser.get(site("/console/admin/organisations"));
        browser.findElement(By.id("new-organisation")).click();
        browser.findElement(By.id("name")).sendKeys("Mission locale du Rouergue (fictive)");
        new Select(browser.findElement(By.id("type"))).selectByValue("MISSION_LOCALE");
        browser.findElement(By.id("address")).sendKeys("1 place du Bourg, 12000 Rodez");
        new Select(browser.findElement(By.id("competenceLevel"))).selectByValue("TERRITORY");
        browser.findElement(By.id("contactName-0")).sendKeys("Accueil");
        browser.findElement(By.id("contactEmail-0")).sendKeys(ALERTS);
        screenshot("organisation-form");
        browser.findElement(By.id("organisation-submit")).click();
        assertThat(text("created")).contains("Structure créée");
        browser.get(site("/console/admin/comptes"));
        browser.findElement(By.id("email")).sendKeys(PROFESSIONAL);
        browser.findElement(By.id("displayName")).sendKeys("Hugo Conseiller");
        new Select(browser.findElement(By.id("organisationId"))).selectByVisibleText("Mission locale du Rouergue (fictive)");
        browser.findElement(By.id("invite-submit")).click();
        assertThat(text("invited")).contains(PROFESSIONAL);
        screenshot("accounts");
        questionnaireSteps();
        signOut();

        // 4. The professional creates an offer
        choosePassword(invitationSentTo(PROFESSIONAL), PROFESSIONAL);
        browser.get(site("/console/login"));
        chromium.signIn(PROFESSIONAL, PASSWORD);
        browser.get(site("/console/offres/nouvelle"));
        browser.findElement(By.id("title")).sendKeys(OFFER);
        browser.findElement(By.id("description")).sendKeys("Un conseiller t'aide à chercher un emploi près de chez toi.");
        new Select(browser.findElement(By.id("theme"))).selectByValue("emploi");
        browser.findElement(By.id("place")).sendKeys("Rodez");
        WebElement delay = browser.findElement(By.id("contactDelayDays"));
        delay.clear();
        delay.sendKeys("3");
        screenshot("offer-form");
        browser.findElement(By.id("save-offer")).click();
        new WebDriverWait(browser, WAIT).withMessage(() -> "the offers' list after saving, got " + browser.getCurrentUrl())
                .until(d -> d.getCurrentUrl().contains("/console/offres?enregistree"));
        assertThat(browser.getPageSource()).contains(OFFER);
        signOut();

        // 5. A young person from Rodez, in the web chat: only the questions that change which offers match
        //    are asked, and a single offer is shown at once as a card with the consent on it
        browser.get(site("/chat")); // the page says "Bonjour" itself
        awaitReply("Tu as quel âge");
        say("19 ans, Rodez");
        for (int step = 0; step < 12 && choiceLabelled(CONSENT) == null; step++) {
            WebElement offerChoice = choiceLabelled(OFFER.substring(0, 15));
            if (offerChoice != null) {
                int before = botMessages().size();
                offerChoice.click();
                awaitMore(before);
            } else {
                tapFirstChoice();
            }
        }
        assertThat(botMessages().stream().map(WebElement::getText).toList()).as("the published version's question")
                .anyMatch(t -> t.contains(SHELTER));
        assertThat(botMessages().getLast().getText()).as("the card of the new offer").contains(OFFER);
        screenshot("chat");
        tapChoice(CONSENT);
        awaitReply("Écris ton numéro de portable ou ton adresse e-mail.");
        say(YOUNG_PERSON);
        awaitReply("C'est envoyé");

        String offerId = mongo.findOne(Query.query(Criteria.where("title").is(OFFER)), Document.class, "offers").getString("_id");
        Document request = await("the request stored", () -> mongo.findOne(Query.query(Criteria.where("offerId").is(offerId)),
                Document.class, "contactRequests"));
        assertThat(request.getString("communeInsee")).as("the young person's commune").isEqualTo("12202");
        String aveyron = mongo.findOne(Query.query(Criteria.where("name").is("Boussole de l'Aveyron")), Document.class,
                "territories").getString("_id");
        assertThat(request.getString("questionnaireId")).as("the territory's own questionnaire").isEqualTo("emploi@" + aveyron);
        assertThat(request.getInteger("questionnaireVersion")).isEqualTo(1);

        // 6. The professional sees it
        browser.get(site("/console/login"));
        chromium.signIn(PROFESSIONAL, PASSWORD);
        browser.get(site("/console/demandes"));
        assertThat(browser.findElement(By.id("requests")).getText()).contains(OFFER);
        screenshot("requests");
        assertThat(alertReceivedBy(ALERTS)).as("the alert email to the organisation").isTrue();
    }

    /**
     * The animateur copies the national emploi questionnaire into a draft, adds a question with an urgent
     * answer (so the bot asks it even though no offer reads it), tries the draft in the simulator, which the
     * real engine runs without storing anything, and publishes it as the territory's version 1.
     */
    private void questionnaireSteps() throws Exception {
        browser.get(site("/console/animation/questionnaires"));
        assertThat(text("theme-emploi")).contains("National, version 1");
        browser.findElement(By.cssSelector("#theme-emploi .start-draft")).click();
        new Select(browser.findElement(By.id("new-type"))).selectByValue("single");
        browser.findElement(By.cssSelector("#add-question button")).click();
        browser.findElement(By.id("id")).sendKeys("abri");
        browser.findElement(By.id("text")).sendKeys(SHELTER);
        browser.findElement(By.id("option-label-0")).sendKeys("Oui");
        browser.findElement(By.id("option-label-1")).sendKeys("Non, pas ce soir");
        browser.findElement(By.id("option-urgent-1")).click();
        browser.findElement(By.id("save-question")).click();
        assertThat(text("saved")).contains("Enregistré");
        screenshot("questionnaire-draft");

        // the store is shared with the tests run before in the same application (13 requests in the train): a delta
        Map<String, Long> before = storedTraces();
        browser.findElement(By.id("simulate")).click();
        new WebDriverWait(browser, WAIT).until(d -> simulatorLog().contains("quel âge"));
        simulatorSay("19 ans, Rodez");
        simulatorSay("emploi");
        assertThat(simulatorLog()).contains(SHELTER);
        simulatorSay("non");
        assertThat(simulatorLog()).contains("Si c'est urgent, appelle le 15 ou le 112.");
        screenshot("simulator");
        assertThat(storedTraces()).as("the simulator stores nothing (its theme and answer were funnel events of the engine)")
                .isEqualTo(before);

        browser.get(site("/console/animation/questionnaires/emploi/brouillon"));
        browser.findElements(By.id("confirm")).forEach(WebElement::click);
        browser.findElement(By.id("publish")).click();
        assertThat(text("published")).contains("Questionnaire publié");
        assertThat(text("theme-emploi")).contains("Version 1 du territoire");
    }

    /** What a young person's conversation leaves in the store, counted per collection. */
    private Map<String, Long> storedTraces() {
        Map<String, Long> counts = new java.util.TreeMap<>();
        for (String collection : List.of("contactRequests", "searches", "questionnaire_funnel", "conversations", "inbound_messages")) {
            counts.put(collection, mongo.getCollection(collection).countDocuments());
        }
        return counts;
    }

    private void simulatorSay(String typed) {
        int before = browser.findElements(By.cssSelector("#log .msg.bot")).size();
        browser.findElement(By.id("text")).sendKeys(typed);
        browser.findElement(By.id("send")).click();
        new WebDriverWait(browser, WAIT).until(d -> d.findElements(By.cssSelector("#log .msg.bot")).size() > before
                && d.findElement(By.id("send")).isEnabled());
    }

    private String simulatorLog() {
        return browser.findElement(By.id("log")).getText();
    }

    private void choosePassword(String link, String email) {
        browser.get(link);
        new WebDriverWait(browser, WAIT).withMessage(() -> "the invitation page, got " + browser.getCurrentUrl())
                .until(d -> !d.findElements(By.id("invitation-email")).isEmpty());
        assertThat(text("invitation-email")).isEqualTo(email);
        browser.findElement(By.id("password")).sendKeys(PASSWORD);
        browser.findElement(By.id("confirmation")).sendKeys(PASSWORD);
        browser.findElement(By.id("invitation-submit")).click();
        // the click only submits: the password's hashing on a loaded machine can outlast it
        new WebDriverWait(browser, WAIT).withMessage(() -> "the login page after the password of " + email + ", got "
                        + browser.getCurrentUrl() + (browser.findElements(By.className("error")).isEmpty() ? ""
                        : " saying " + browser.findElement(By.className("error")).getText()))
                .until(d -> d.getCurrentUrl().contains("/console/login"));
    }

    /**
     * Waits for the login page: the click only submits the form, and a {@code browser.get} issued before the
     * sign-out's navigation starts is replaced by it (the invitation page then never showed, on a loaded CI).
     */
    private void signOut() {
        browser.findElement(By.cssSelector("header form button")).click();
        new WebDriverWait(browser, WAIT).until(d -> d.getCurrentUrl().contains("/console/login?logout"));
    }

    private String invitationSentTo(String email) {
        MimeMessage mail = await("the invitation to " + email, () -> {
            for (MimeMessage message : SMTP.getReceivedMessages()) {
                if (recipient(message).equals(email)) {
                    return message;
                }
            }
            return null;
        });
        Matcher link = INVITATION.matcher(AlertJourneyIT.textOf(mail, "text/plain"));
        assertThat(link.find()).as("a link in the invitation").isTrue();
        return site(link.group(1));
    }

    private boolean alertReceivedBy(String email) throws Exception {
        return await("the alert to " + email, () -> {
            for (MimeMessage message : SMTP.getReceivedMessages()) {
                if (recipient(message).equals(email)) {
                    return true;
                }
            }
            return null;
        });
    }

    private static String recipient(MimeMessage message) {
        try {
            return message.getAllRecipients()[0].toString();
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private void say(String typed) {
        int before = botMessages().size();
        browser.findElement(By.id("text")).sendKeys(typed, Keys.ENTER);
        awaitMore(before);
    }

    private void tapFirstChoice() {
        List<WebElement> choices = lastChoices();
        assertThat(choices).as("choices offered").isNotEmpty();
        int before = botMessages().size();
        choices.getFirst().click();
        awaitMore(before);
    }

    private void tapChoice(String label) {
        WebElement choice = lastChoices().stream().filter(b -> b.getText().strip().equalsIgnoreCase(label)).findFirst()
                .orElseThrow(() -> new AssertionError("no choice " + label + " in " + lastChoices().stream().map(WebElement::getText).toList()));
        int before = botMessages().size();
        choice.click();
        awaitMore(before);
    }

    private WebElement choiceLabelled(String title) {
        return lastChoices().stream().filter(b -> b.getText().contains(title)).findFirst().orElse(null);
    }

    private List<WebElement> lastChoices() {
        List<WebElement> boxes = browser.findElements(By.cssSelector("#log .choices"));
        return boxes.isEmpty() ? List.of() : boxes.getLast().findElements(By.tagName("button")).stream()
                .filter(WebElement::isEnabled).toList();
    }

    private List<WebElement> botMessages() {
        return browser.findElements(By.cssSelector("#log .msg.bot"));
    }

    private void awaitMore(int before) {
        new WebDriverWait(browser, WAIT).until(d -> botMessages().size() > before
                && d.findElement(By.cssSelector("#composer button")).isEnabled());
    }

    private void awaitReply(String part) {
        new WebDriverWait(browser, WAIT).until(d -> botMessages().stream().anyMatch(m -> m.getText().contains(part)));
    }

    /** The element's text, once a page that has it is there (a submit's next page may still be loading). */
    private String text(String id) {
        new WebDriverWait(browser, WAIT).withMessage(() -> "#" + id + " on " + browser.getCurrentUrl())
                .until(d -> !d.findElements(By.id(id)).isEmpty());
        return browser.findElement(By.id(id)).getText().strip();
    }

    /** The public URL (as printed or emailed) mapped to the port the test app listens on. */
    private String site(String urlOrPath) {
        return "http://localhost:" + port + urlOrPath.replace(PUBLIC_BASE_URL, "");
    }

    private void screenshot(String name) throws Exception {
        if (!Boolean.getBoolean("console.screenshots")) {
            return;
        }
        ((org.openqa.selenium.JavascriptExecutor) browser).executeScript("window.scrollTo(0, 0)");
        File shot = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE);
        Path docs = Path.of(System.getProperty("user.dir")).resolveSibling("docs").resolve("screenshots");
        Files.createDirectories(docs);
        Files.copy(shot.toPath(), docs.resolve("onboarding-" + name + ".png"), StandardCopyOption.REPLACE_EXISTING);
    }
}
