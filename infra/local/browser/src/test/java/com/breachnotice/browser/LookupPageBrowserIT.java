package com.breachnotice.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.breachnotice.cli.demo.DemoFlow;
import com.breachnotice.core.contact.Contact;
import com.breachnotice.core.contact.ContactNormalizer;
import com.breachnotice.emulator.LocalEmulator;
import com.breachnotice.emulator.RecordedEmail;
import com.breachnotice.emulator.RecordedSms;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The lookup page in headless Chromium (Debian's package, through chromedriver), served by the local
 * runtime's HTTP API on the emulator after the demo loaded and notified a small synthetic manifest: a
 * person switches to English, asks for a code for an affected address, reads it from the local SES
 * inbox, verifies, and sees the leaked items and the notice. axe-core must find no serious or
 * critical violation, the console no error, and the page must load nothing from another origin.
 */
class LookupPageBrowserIT {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final Pattern CODE = Pattern.compile("code is ([0-9]{6})");
    private static final Pattern SMS_CODE = Pattern.compile("(?<![0-9])([0-9]{6})(?![0-9])");
    private static final Pattern REFERENCE = Pattern.compile("[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z*~$=]{2}");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration WAIT = Duration.ofSeconds(20);

    private static DemoFlow flow;
    private static LocalEmulator emulator;
    private static String base;
    private static String affected;
    private static WebDriver browser;

    @BeforeAll
    static void start() throws Exception {
        installBrowserIfMissing();
        emulator = LocalEmulator.shared();
        StringWriter demoOutput = new StringWriter();
        flow = new DemoFlow(emulator, new PrintWriter(demoOutput, true), Clock.systemUTC());
        DemoFlow.Report report = flow.run(new DemoFlow.Options(
                40,
                Optional.empty(),
                0,
                "it-browser-" + UUID.randomUUID().toString().substring(0, 8),
                7L,
                Path.of("target", "it-browser").toAbsolutePath(),
                DemoFlow.Options.defaultConcurrency()));
        assertThat(report.finished())
                .as("the demo's notices were all sent; its output:%n%s", demoOutput)
                .isTrue();
        affected = flow.sampleEmail().orElseThrow();
        base = "http://127.0.0.1:" + flow.httpPort();
        browser = chromium();
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.quit();
        }
        if (flow != null) {
            flow.close();
        }
    }

    @Test
    void affectedPerson_switchesToEnglish_provesTheAddress_seesItemsAndNotices() throws IOException {
        browser.get(base + "/");
        WebDriverWait wait = new WebDriverWait(browser, WAIT);
        wait.until(d -> !d.findElements(By.cssSelector("#incident-items li")).isEmpty());
        assertThat(browser.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("ko");
        assertNoSeriousAccessibilityViolation("the first screen, in Korean");

        browser.findElement(By.id("lang-toggle")).click();
        wait.until(d -> "en".equals(d.findElement(By.tagName("html")).getAttribute("lang")));
        assertThat(browser.findElement(By.id("check-title")).getText()).isEqualTo("Check whether your data leaked");
        assertThat(browser.findElement(By.id("precautions")).isDisplayed()).isTrue();

        int inboxBefore = emulator.recordedEmails().size();
        browser.findElement(By.id("contact")).sendKeys(affected);
        browser.findElement(By.id("start-check")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("code")));

        String code = await().atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(200))
                .until(() -> codeSentTo(affected, inboxBefore), Optional::isPresent)
                .orElseThrow();
        browser.findElement(By.id("code")).sendKeys(code);
        browser.findElement(By.id("verify-code")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("result")));

        assertThat(browser.findElement(By.id("result-heading")).getText()).isEqualTo("Data of this contact leaked");
        List<String> items = texts("#result-items li");
        assertThat(items).isNotEmpty().doesNotContain("None");
        List<String> notices = texts("#result-notices li");
        // The demo sends the first notice, then the revised one to everyone the first reached.
        assertThat(notices)
                .hasSize(2)
                .allSatisfy(notice -> assertThat(notice).contains("Email"))
                .anySatisfy(notice -> assertThat(notice).contains(DemoFlow.CAMPAIGN_TITLE))
                .anySatisfy(notice -> assertThat(notice).contains(DemoFlow.REVISED_TITLE));
        assertThat(browser.findElement(By.tagName("body")).getText()).doesNotContain(affected);
        String printed = referencePrintedInTheNoticeTo(affected);
        assertThat(notices)
                .as("a notice shows the reference printed in it")
                .anySatisfy(notice -> assertThat(notice).contains(printed));
        assertNoSeriousAccessibilityViolation("the answer, in English");

        browser.findElement(By.id("reference")).sendKeys(printed.toLowerCase(java.util.Locale.ROOT));
        browser.findElement(By.id("check-reference")).click();
        wait.until(d -> !d.findElement(By.id("reference-result")).getText().isEmpty());
        assertThat(browser.findElement(By.id("reference-result")).getText())
                .startsWith("This is a genuine notice from us")
                .containsAnyOf(DemoFlow.CAMPAIGN_TITLE, DemoFlow.REVISED_TITLE);

        Object overflow = ((JavascriptExecutor) browser)
                .executeScript("return document.documentElement.scrollWidth - window.innerWidth;");
        assertThat(((Number) overflow).intValue())
                .as("no sideways scrolling on a phone-sized screen")
                .isLessThanOrEqualTo(0);
        assertThat(resourceOrigins()).as("every resource the page loaded").allMatch(url -> url.startsWith(base + "/"));
        assertThat(consoleErrors()).as("console errors").isEmpty();
    }

    /** A person known only from customers' address books proves their phone by SMS and sees that role. */
    @Test
    void addressBookPerson_verifiesBySms_seesTheirRoleAndItems() {
        String phone = flow.sampleAddressBookPhone().orElseThrow();

        List<String> roles = verifyPhone(phone);

        assertThat(browser.findElement(By.id("result-heading")).getText()).isEqualTo("Data of this contact leaked");
        assertThat(texts("#result-items li")).isNotEmpty().contains("Phone number");
        assertThat(roles)
                .singleElement()
                .satisfies(role -> assertThat(role)
                        .startsWith("As an entry in another customer's delivery address book: ")
                        .contains("Phone number"));
        assertThat(texts("#result-notices li"))
                .as("the revised notice reached them by SMS")
                .anySatisfy(notice -> assertThat(notice).contains(DemoFlow.REVISED_TITLE, "Text message"));
        assertThat(browser.findElement(By.tagName("body")).getText()).doesNotContain(phone.substring(3));
        assertThat(consoleErrors()).as("console errors").isEmpty();
    }

    /** A customer whose phone others saved in their books sees both roles, each with its items. */
    @Test
    void customerAlsoInAnAddressBook_seesBothRoles() {
        String phone = flow.sampleCustomerAlsoInABook().orElseThrow();

        List<String> roles = verifyPhone(phone);

        assertThat(roles)
                .hasSize(2)
                .anySatisfy(role -> assertThat(role).startsWith("From your customer account: "))
                .anySatisfy(role ->
                        assertThat(role).startsWith("As an entry in another customer's delivery address book: "));
    }

    /** Asks for a code for {@code phone} in English, reads it from the SMS the emulator recorded, verifies. */
    private static List<String> verifyPhone(String phone) {
        browser.get(base + "/");
        WebDriverWait wait = new WebDriverWait(browser, WAIT);
        wait.until(d -> d.findElement(By.id("lang-toggle")).isDisplayed());
        browser.findElement(By.id("lang-toggle")).click();
        wait.until(d -> "en".equals(d.findElement(By.tagName("html")).getAttribute("lang")));
        int smsBefore = emulator.recordedSms().size();
        browser.findElement(By.id("contact")).sendKeys(phone);
        browser.findElement(By.id("start-check")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("code")));
        String code = await().atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(200))
                .until(() -> codeTextedTo(phone, smsBefore), Optional::isPresent)
                .orElseThrow();
        browser.findElement(By.id("code")).sendKeys(code);
        browser.findElement(By.id("verify-code")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("result")));
        return texts("#result-roles li");
    }

    private static Optional<String> codeTextedTo(String phone, int skip) {
        List<RecordedSms> texts = emulator.recordedSms();
        for (RecordedSms sms : texts.subList(Math.min(skip, texts.size()), texts.size())) {
            Matcher matcher = SMS_CODE.matcher(sms.message());
            if (sms.phoneNumber().equals(phone) && matcher.find()) {
                return Optional.of(matcher.group(1));
            }
        }
        return Optional.empty();
    }

    /**
     * The refusals a start can meet, answered by a stub in place of the network: API Gateway's or the
     * edge's throttling (no error code of ours), our 503 when the hour's codes are spent, and the
     * per-contact limit. Only the last speaks of the contact.
     */
    @Test
    void startRefusals_tellTheServiceBusyFromAPerContactLimit() {
        assertThat(startAnsweredWith(429, "{\"message\":\"Too Many Requests\"}"))
                .contains("very busy", "not about your contact")
                .doesNotContain("too many codes today");
        assertThat(startAnsweredWith(503, "{\"message\":\"Service Unavailable\"}"))
                .contains("very busy", "not about your contact");
        assertThat(startAnsweredWith(
                        503, "{\"error\":\"busy\",\"message\":\"m\",\"retryAt\":\"2026-03-02T10:00:00Z\"}"))
                .contains("sending too many codes", "not about your contact", "19:00");
        assertThat(startAnsweredWith(429, "{\"error\":\"rate_limited\",\"message\":\"m\"}"))
                .contains("too many codes today");
        assertThat(browser.findElement(By.id("code-hint")).getAttribute("textContent"))
                .contains("does not mean your data is safe", "help line")
                .doesNotContain("our records hold no");
    }

    private static String startAnsweredWith(int status, String body) {
        browser.get(base + "/");
        WebDriverWait wait = new WebDriverWait(browser, WAIT);
        wait.until(d -> d.findElement(By.id("lang-toggle")).isDisplayed());
        browser.findElement(By.id("lang-toggle")).click();
        wait.until(d -> "en".equals(d.findElement(By.tagName("html")).getAttribute("lang")));
        ((JavascriptExecutor) browser)
                .executeScript(
                        "window.fetch = (function (answer, status) {"
                                + " return function () { return Promise.resolve(new Response(answer, { status: status,"
                                + " headers: { 'Content-Type': 'application/json', 'Retry-After': '120' } })); }; })"
                                + "(arguments[0], arguments[1]);",
                        body,
                        status);
        browser.findElement(By.id("contact")).sendKeys("someone@example.org");
        browser.findElement(By.id("start-check")).click();
        wait.until(d -> {
            String text = d.findElement(By.id("status")).getText();
            return !text.isEmpty() && !text.startsWith("Sending");
        });
        return browser.findElement(By.id("status")).getText();
    }

    /**
     * AWS WAF at the edge answers a POST without a token with its Challenge (202) or CAPTCHA (405), the
     * header {@code x-amzn-waf-action} and an HTML page that fetch() cannot solve. On every route the
     * page tells the person to reload and complete the check: never "code sent", never "not affected",
     * never a per-contact limit.
     */
    @Test
    void edgeChallengeOrCaptcha_onEveryRoute_asksToReloadAndCompleteTheCheck() {
        String interstitial = "<!DOCTYPE html><html><body>challenge</body></html>";
        Map<String, String> challenge = Map.of("Content-Type", "text/html", "x-amzn-waf-action", "challenge");
        Map<String, String> captcha = Map.of("Content-Type", "text/html", "x-amzn-waf-action", "captcha");

        assertThat(startAnswered(202, interstitial, challenge)).satisfies(LookupPageBrowserIT::asksForTheEdgeCheck);
        assertThat(browser.findElement(By.id("code-form")).isDisplayed())
                .as("no code form: no code was asked")
                .isFalse();
        assertThat(startAnswered(405, interstitial, captcha)).satisfies(LookupPageBrowserIT::asksForTheEdgeCheck);
        // A page whose JavaScript cannot read the header (it is not exposed to every origin) still knows it.
        assertThat(startAnswered(202, interstitial, Map.of("Content-Type", "text/html")))
                .satisfies(LookupPageBrowserIT::asksForTheEdgeCheck);
        assertThat(browser.findElement(By.id("code-form")).isDisplayed()).isFalse();

        try {
            assertThat(verifyAnswered(202, interstitial, challenge))
                    .satisfies(LookupPageBrowserIT::asksForTheEdgeCheck);
            assertThat(browser.findElement(By.id("result")).isDisplayed())
                    .as("no report, affected or not")
                    .isFalse();
            assertThat(browser.findElement(By.id("code-form")).isDisplayed())
                    .as("the code stays typed in, for after the check")
                    .isTrue();

            // The reload the page asks for keeps the challenge: no second code to ask for and wait for.
            browser.navigate().refresh();
            new WebDriverWait(browser, WAIT).until(ExpectedConditions.visibilityOfElementLocated(By.id("code")));
            assertThat(browser.findElement(By.id("contact-form")).isDisplayed()).isFalse();
            browser.findElement(By.id("lang-toggle")).click(); // the page opens in Korean again
            new WebDriverWait(browser, WAIT)
                    .until(d -> "en".equals(d.findElement(By.tagName("html")).getAttribute("lang")));
            stubFetch(Map.of("/v1/challenges/", answer(405, interstitial, captcha)));
            browser.findElement(By.id("code")).sendKeys("123456");
            browser.findElement(By.id("verify-code")).click();
            assertThat(statusAfterSending()).satisfies(LookupPageBrowserIT::asksForTheEdgeCheck);
        } finally {
            // The other tests start at the contact step.
            ((JavascriptExecutor) browser).executeScript("sessionStorage.clear();");
        }

        assertThat(referenceAnswered(202, interstitial, challenge))
                .satisfies(LookupPageBrowserIT::asksForTheEdgeCheck)
                .doesNotContain("None of our notices");
        assertThat(consoleErrors()).as("console errors").isEmpty();
    }

    private static void asksForTheEdgeCheck(String text) {
        assertThat(text)
                .contains("security check", "reload this page", "not about your contact")
                .doesNotContain("No leaked items", "too many codes today", "Request received", "went wrong");
    }

    /** The status line after a start that {@code fetch} answers with the given response. */
    private static String startAnswered(int status, String body, Map<String, String> headers) {
        openInEnglish();
        stubFetch(Map.of("/v1/challenges", answer(status, body, headers)));
        browser.findElement(By.id("contact")).sendKeys("someone@example.org");
        browser.findElement(By.id("start-check")).click();
        return statusAfterSending();
    }

    /** The status line after a start that succeeded and a code check answered with the given response. */
    private static String verifyAnswered(int status, String body, Map<String, String> headers) {
        openInEnglish();
        stubFetch(Map.of(
                "/v1/challenges/",
                answer(status, body, headers),
                "/v1/challenges",
                answer(
                        202,
                        "{\"challengeId\":\"0123456789abcdef0123456789abcdef\",\"expiresAt\":\""
                                + java.time.Instant.now().plusSeconds(600) + "\"}",
                        Map.of("Content-Type", "application/json"))));
        browser.findElement(By.id("contact")).sendKeys("someone@example.org");
        browser.findElement(By.id("start-check")).click();
        new WebDriverWait(browser, WAIT).until(ExpectedConditions.visibilityOfElementLocated(By.id("code")));
        browser.findElement(By.id("code")).sendKeys("123456");
        browser.findElement(By.id("verify-code")).click();
        return statusAfterSending();
    }

    /** The answer shown after a reference check that {@code fetch} answers with the given response. */
    private static String referenceAnswered(int status, String body, Map<String, String> headers) {
        openInEnglish();
        stubFetch(Map.of("/v1/notices/verify", answer(status, body, headers)));
        browser.findElement(By.id("reference")).sendKeys("ABCD-EFGH-JKMN-PQ");
        browser.findElement(By.id("check-reference")).click();
        new WebDriverWait(browser, WAIT)
                .until(d -> !d.findElement(By.id("reference-result")).getText().isEmpty());
        return browser.findElement(By.id("reference-result")).getText();
    }

    private static void openInEnglish() {
        browser.get(base + "/");
        WebDriverWait wait = new WebDriverWait(browser, WAIT);
        wait.until(d -> d.findElement(By.id("lang-toggle")).isDisplayed());
        browser.findElement(By.id("lang-toggle")).click();
        wait.until(d -> "en".equals(d.findElement(By.tagName("html")).getAttribute("lang")));
    }

    private static Map<String, Object> answer(int status, String body, Map<String, String> headers) {
        return Map.of("status", status, "body", body, "headers", headers);
    }

    /**
     * Replaces {@code fetch} with answers by path: the first path (longest first) that the request's
     * path starts with answers; anything else fails as a network error would.
     */
    private static void stubFetch(Map<String, Map<String, Object>> answers) {
        ((JavascriptExecutor) browser)
                .executeScript(
                        "window.fetch = (function (answers) {"
                                + " var paths = Object.keys(answers).sort(function (a, b) { return b.length - a.length; });"
                                + " return function (url) {"
                                + "  var path = paths.filter(function (p) { return String(url).indexOf(p) === 0; })[0];"
                                + "  if (!path) { return Promise.reject(new TypeError('no stub for ' + url)); }"
                                + "  var a = answers[path];"
                                + "  return Promise.resolve(new Response(a.body, { status: a.status, headers: a.headers }));"
                                + " }; })(arguments[0]);",
                        answers);
    }

    private static String statusAfterSending() {
        new WebDriverWait(browser, WAIT).until(d -> {
            String text = d.findElement(By.id("status")).getText();
            return !text.isEmpty() && !text.startsWith("Sending") && !text.startsWith("Request received");
        });
        return browser.findElement(By.id("status")).getText();
    }

    private static List<String> texts(String css) {
        List<String> texts = new ArrayList<>();
        for (WebElement element : browser.findElements(By.cssSelector(css))) {
            texts.add(element.getText());
        }
        return texts;
    }

    /** axe-core, run inside the page (WebDriver's script injection is not subject to the page's CSP). */
    private static void assertNoSeriousAccessibilityViolation(String where) throws IOException {
        JavascriptExecutor js = (JavascriptExecutor) browser;
        js.executeScript(axeSource());
        browser.manage().timeouts().scriptTimeout(WAIT);
        Object answer = js.executeAsyncScript("var done = arguments[arguments.length - 1];"
                + "axe.run(document, {resultTypes: ['violations']})"
                + ".then(function (r) { done(JSON.stringify(r.violations)); },"
                + " function (e) { done('axe failed: ' + e); });");
        String text = String.valueOf(answer);
        assertThat(text).as("axe ran").startsWith("[");
        List<String> serious = new ArrayList<>();
        for (JsonNode violation : JSON.readTree(text)) {
            String impact = violation.path("impact").asText();
            if (impact.equals("serious") || impact.equals("critical")) {
                serious.add(impact + " " + violation.path("id").asText() + ": "
                        + violation.path("help").asText() + " ("
                        + violation.path("nodes").size() + " nodes)");
            }
        }
        assertThat(serious).as("serious or critical axe violations on " + where).isEmpty();
    }

    private static String axeSource() throws IOException {
        try (InputStream in = LookupPageBrowserIT.class.getResourceAsStream("/axe.min.js")) {
            if (in == null) {
                throw new IllegalStateException("axe.min.js is not on the test classpath");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @SuppressWarnings("unchecked")
    private static List<String> resourceOrigins() {
        Object names = ((JavascriptExecutor) browser)
                .executeScript("return performance.getEntriesByType('resource').map(function (e) { return e.name; });");
        return (List<String>) names;
    }

    private static List<String> consoleErrors() {
        List<String> errors = new ArrayList<>();
        for (LogEntry entry : browser.manage().logs().get(LogType.BROWSER)) {
            if (entry.getLevel().intValue() >= Level.SEVERE.intValue()) {
                errors.add(entry.getMessage());
            }
        }
        return errors;
    }

    private static Optional<String> codeSentTo(String address, int skip) {
        String wanted = lookupForm(address);
        List<RecordedEmail> emails = emulator.recordedEmails();
        for (RecordedEmail email : emails.subList(Math.min(skip, emails.size()), emails.size())) {
            boolean toAddress =
                    email.to().stream().map(LookupPageBrowserIT::lookupForm).anyMatch(wanted::equals);
            Matcher matcher = CODE.matcher(String.valueOf(email.text()));
            if (toAddress && matcher.find()) {
                return Optional.of(matcher.group(1));
            }
        }
        return Optional.empty();
    }

    private static String referencePrintedInTheNoticeTo(String address) {
        String wanted = lookupForm(address);
        for (RecordedEmail email : emulator.recordedEmails()) {
            Matcher matcher = REFERENCE.matcher(String.valueOf(email.text()));
            boolean toAddress =
                    email.to().stream().map(LookupPageBrowserIT::lookupForm).anyMatch(wanted::equals);
            if (toAddress && !CODE.matcher(String.valueOf(email.text())).find() && matcher.find()) {
                return matcher.group();
            }
        }
        throw new AssertionError("no notice with a reference code was sent to the sample address");
    }

    private static String lookupForm(String address) {
        return ContactNormalizer.korea().email(address).map(Contact::lookupForm).orElse("");
    }

    private static WebDriver chromium() {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        // A phone-sized window: the page is built phone first.
        options.addArguments(
                "--headless=new",
                "--no-sandbox",
                "--disable-dev-shm-usage",
                "--disable-gpu",
                "--window-size=390,844",
                "--lang=ko-KR");
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort()
                .build();
        return new ChromeDriver(service, options);
    }

    /** A fresh machine lacks Chromium: install it from the distribution's packages, once. */
    private static void installBrowserIfMissing() throws IOException, InterruptedException {
        if (Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER)) {
            return;
        }
        String script = System.getProperty("browser.installScript", "infra/local/browser/install.sh");
        Process install = new ProcessBuilder("bash", script).inheritIO().start();
        if (!install.waitFor(15, TimeUnit.MINUTES) || install.exitValue() != 0) {
            throw new IllegalStateException("could not install chromium with " + script);
        }
        assertThat(Map.of("chromium", Files.isExecutable(CHROMIUM), "chromedriver", Files.isExecutable(CHROMEDRIVER)))
                .containsOnly(Map.entry("chromium", true), Map.entry("chromedriver", true));
    }
}
