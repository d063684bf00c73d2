package io.keycloaksignup.web;

import static io.keycloaksignup.testing.Signups.PASSWORD;
import static io.keycloaksignup.testing.Signups.uniqueEmail;
import static org.assertj.core.api.Assertions.assertThat;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import com.icegreen.greenmail.util.GreenMail;
import io.keycloaksignup.testing.InjectGreenMail;
import io.keycloaksignup.testing.Mailbox;
import io.keycloaksignup.testing.TestEnvironment;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.io.IOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The sign-up page in a real browser (Debian's headless Chromium): a person fills the form, sees
 * the errors, corrects them and is told to check the inbox, on a phone-sized and a desktop-sized
 * window, with no serious or critical accessibility problem found by axe on the way. Without the
 * browser the test is skipped on a developer machine, but fails when {@code CI=true}.
 */
@QuarkusTest
@WithTestResource(TestEnvironment.class)
class RegistrationPageBrowserTest {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final Path BUILD = Path.of(System.getProperty("build.dir", "target"));
    private static final Path SCREENSHOTS = BUILD.resolve("screenshots");
    private static final Set<String> BLOCKING_IMPACTS = Set.of("serious", "critical");

    private static WebDriver browser;

    @TestHTTPResource("/register")
    URL registerPage;

    @InjectGreenMail
    GreenMail greenMail;

    @BeforeAll
    static void startBrowser() throws IOException {
        boolean installed = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
        if (!installed && "true".equalsIgnoreCase(System.getenv("CI"))) {
            throw new AssertionError("CI needs chromium and chromium-driver for the browser tests");
        }
        Assumptions.assumeTrue(installed, "chromium and chromium-driver are not installed");

        Path profile = Files.createDirectories(BUILD.resolve("chromium-profiles"));
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-quic", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync",
                "--user-data-dir=" + Files.createTempDirectory(profile, "run-").toAbsolutePath());
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
        browser = new ChromeDriver(service, options);
        browser.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
        Files.createDirectories(SCREENSHOTS);
    }

    /** Each journey starts as a first visit: no language or CSRF cookie from the one before. */
    @BeforeEach
    void forgetCookies() {
        browser.manage().deleteAllCookies();
    }

    @AfterAll
    static void stopBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void aPersonOnAPhoneCorrectsTheirMistakesAndIsToldToCheckTheInbox() throws IOException {
        browser.manage().window().setSize(new Dimension(390, 844));
        String email = uniqueEmail();

        browser.get(registerPage + "?lang=en");
        assertNoSeriousAccessibilityProblems("empty form");
        screenshot("register-phone");

        browser.findElement(By.id("email")).sendKeys("not-an-address");
        browser.findElement(By.id("password")).sendKeys(PASSWORD);
        browser.findElement(By.cssSelector("button[type=submit]")).click();

        assertThat(awaitElement(By.cssSelector(".error-summary")).getText())
                .contains("Enter an email address like name@example.com.");
        assertThat(browser.findElement(By.id("email")).getAttribute("aria-describedby")).isEqualTo("email-error");
        assertThat(browser.findElement(By.id("password")).getAttribute("value")).isEmpty();
        assertNoSeriousAccessibilityProblems("form with errors");
        screenshot("register-errors-phone");

        browser.findElement(By.id("email")).clear();
        browser.findElement(By.id("email")).sendKeys(email);
        browser.findElement(By.id("username")).sendKeys("user-" + email.substring(7, 19));
        browser.findElement(By.id("firstName")).sendKeys("Ada");
        browser.findElement(By.id("lastName")).sendKeys("Lovelace");
        browser.findElement(By.id("password")).sendKeys(PASSWORD);
        browser.findElement(By.cssSelector("button[type=submit]")).click();

        awaitElement(By.cssSelector("a.button[href='/register']"));
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Check your inbox");
        assertNoSeriousAccessibilityProblems("check your inbox");
        screenshot("check-inbox-phone");
        String token = Mailbox.tokenIn(new Mailbox(greenMail).awaitLatest(email, 1));

        // The mail's link points at signup.public-url; the browser opens the same path here.
        browser.get(registerPage.toString().replace("/register", "/verify?token=" + token));
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Confirm your email address");
        assertNoSeriousAccessibilityProblems("confirm page");
        screenshot("confirm-phone");
        browser.findElement(By.cssSelector("form button[type=submit]")).click();

        WebElement proceed = awaitElement(By.cssSelector("a.button.primary"));
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Your account is ready");
        assertNoSeriousAccessibilityProblems("success page");
        screenshot("success-phone");
        proceed.click();

        awaitElement(By.id("kc-login"));
        screenshot("keycloak-login-phone");
        browser.findElement(By.id("username")).sendKeys(email);
        browser.findElement(By.id("password")).sendKeys(PASSWORD);
        browser.findElement(By.id("kc-login")).click();
        String account = "/realms/" + TestEnvironment.REALM + "/account";
        new WebDriverWait(browser, Duration.ofSeconds(60)).until(driver -> driver.getCurrentUrl().contains(account)
                && driver.findElements(By.id("kc-login")).isEmpty() && driver.getPageSource().contains("Ada"));
        screenshot("keycloak-account-phone");
    }

    @Test
    void theGermanPageOnADesktopHasNoSeriousAccessibilityProblems() throws IOException {
        browser.manage().window().setSize(new Dimension(1280, 900));

        browser.get(registerPage + "?lang=de");

        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Konto erstellen");
        assertThat(browser.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("de");
        assertNoSeriousAccessibilityProblems("German form");
        screenshot("register-desktop-de");

        browser.get(registerPage.toString().replace("/register", "/verify?token=" + "A".repeat(43)));
        assertThat(browser.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("de");
        assertNoSeriousAccessibilityProblems("German invalid-link page");
        screenshot("verify-invalid-desktop-de");
    }

    /** Waits for the next page: a click on submit may return before the browser has navigated. */
    private static WebElement awaitElement(By locator) {
        return new WebDriverWait(browser, Duration.ofSeconds(30))
                .until(ExpectedConditions.presenceOfElementLocated(locator));
    }

    private static void assertNoSeriousAccessibilityProblems(String page) {
        Results results = new AxeBuilder().analyze(browser);
        List<String> blocking = results.getViolations().stream()
                .filter(rule -> BLOCKING_IMPACTS.contains(rule.getImpact()))
                .map(RegistrationPageBrowserTest::describe)
                .toList();
        assertThat(blocking).as("serious or critical axe violations on the %s", page).isEmpty();
    }

    private static String describe(Rule rule) {
        return rule.getId() + " (" + rule.getImpact() + "): " + rule.getHelp();
    }

    private static void screenshot(String name) throws IOException {
        byte[] png = ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES);
        Files.write(SCREENSHOTS.resolve(name + ".png"), png);
    }
}
