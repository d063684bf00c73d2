package io.keycloaksignup.registration;

import static io.keycloaksignup.testing.Signups.CSRF;
import static io.keycloaksignup.testing.Signups.PASSWORD;
import static io.keycloaksignup.testing.Signups.uniqueEmail;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

import com.icegreen.greenmail.util.GreenMail;
import io.keycloaksignup.testing.InjectGreenMail;
import io.keycloaksignup.testing.Mailbox;
import io.keycloaksignup.testing.Signups;
import io.keycloaksignup.testing.TestEnvironment;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/** The sign-up page as a browser without script uses it: GET the form, POST it back. */
@QuarkusTest
@WithTestResource(TestEnvironment.class)
class RegistrationPageTest {

    private static final Pattern CSRF_FIELD = Pattern.compile(
            "<input type=\"hidden\" name=\"csrf-token\" value=\"([A-Za-z0-9_-]+)\">");

    @InjectGreenMail
    GreenMail greenMail;

    @Inject
    DataSource dataSource;

    @Test
    void theFormCarriesACsrfFieldMatchingItsCookieAndLabelsForEveryInput() {
        Response page = browser().get("/register");

        page.then().statusCode(200).contentType(containsString("text/html"))
                .header("Cache-Control", "no-store")
                .header("Strict-Transport-Security", containsString("max-age="));
        String html = page.asString();
        assertThat(csrfFieldIn(html)).isEqualTo(page.cookie(CSRF));
        for (String field : new String[] {"email", "username", "firstName", "lastName", "password"}) {
            assertThat(html).contains("<label for=\"" + field + "\">").contains("id=\"" + field + "\"");
        }
        assertThat(html).contains("<html lang=\"en\">").contains("Create your account");
    }

    @Test
    void aRefusedFormKeepsWhatWasTypedButNeverThePasswordAndLinksEachError() {
        String typedPassword = "pw-typed-9";

        String html = postForm(browser(), "not-an-email", "ada-lovelace", "Ada", "", typedPassword)
                .then().statusCode(400).extract().asString();

        assertThat(html).contains("value=\"not-an-email\"").contains("value=\"ada-lovelace\"")
                .contains("value=\"Ada\"").doesNotContain(typedPassword);
        assertThat(html).contains("aria-invalid=\"true\" aria-describedby=\"email-error\"")
                .contains("id=\"email-error\"").contains("Enter an email address like name@example.com.")
                .contains("id=\"lastName-error\"").contains("aria-describedby=\"password-hint password-error\"");
        assertThat(html).contains("class=\"error-summary\"")
                .contains("<a href=\"#email\">Email address: Enter an email address like name@example.com.</a>")
                .contains("<a href=\"#lastName\">Last name: This field is required.</a>")
                .contains("<title>Error: Create your account");
    }

    @Test
    void aValidFormLeadsToCheckYourInboxAndAMailArrivesInThePickedLanguage() {
        String email = uniqueEmail();

        Response answer = postForm(browser().queryParam("lang", "de"), email, username(email), "Ada",
                "Lovelace", PASSWORD);

        answer.then().statusCode(303).header("Location", endsWith("/register/check-inbox"));
        browser().cookie("lang", "de").get("/register/check-inbox").then().statusCode(200)
                .body(containsString("Sehen Sie in Ihrem Postfach nach"));
        new Mailbox(greenMail).awaitLatest(email, 1);
        assertThat(storedLocale(email)).isEqualTo("de");
    }

    @Test
    void aKnownAddressGetsExactlyTheSameAnswerAsANewOne() {
        String email = uniqueEmail();

        Response first = postForm(browser(), email, username(email), "Ada", "Lovelace", PASSWORD);
        Response again = postForm(browser(), email, username(email), "Ada", "Lovelace", PASSWORD);

        assertThat(again.statusCode()).isEqualTo(first.statusCode()).isEqualTo(303);
        assertThat(again.header("Location")).isEqualTo(first.header("Location"));
    }

    @Test
    void aFormWithoutAMatchingCsrfTokenIsRefusedAndNothingIsSent() {
        String email = uniqueEmail();

        given().accept(ContentType.HTML).formParam("email", email).formParam("password", PASSWORD)
                .post("/register").then().statusCode(400).contentType(containsString("text/html"))
                .body(containsString("This request could not be handled"));
        given().accept(ContentType.HTML).cookie(CSRF, "a".repeat(22)).formParam(CSRF, "b".repeat(22))
                .formParam("email", email).post("/register").then().statusCode(400);

        assertThat(new Mailbox(greenMail).messagesFor(email)).isEmpty();
    }

    @Test
    void theLanguageComesFromTheQueryThenTheCookieThenTheBrowser() {
        browser().queryParam("lang", "de").get("/register").then()
                .body(containsString("<html lang=\"de\">")).body(containsString("Konto erstellen"))
                .cookie("lang", "de");
        Response remembered = browser().cookie("lang", "fr").get("/register");
        remembered.then().body(containsString("Créez votre compte"));
        assertThat(remembered.cookie("lang")).as("a cookie-chosen language is not set again").isNull();
        browser().header("Accept-Language", "es-ES,es;q=0.9,en;q=0.5").get("/register").then()
                .body(containsString("Cree su cuenta")).header("Content-Language", "es");
        browser().queryParam("lang", "es").cookie("lang", "fr").get("/register").then()
                .body(containsString("Cree su cuenta"));
        browser().header("Accept-Language", "ja, zh;q=0.8").get("/register").then()
                .body(containsString("Create your account"));
    }

    @Test
    void fieldErrorsAreShownInThePersonsLanguage() {
        postForm(browser().cookie("lang", "fr"), "", "", "", "", "").then().statusCode(400)
                .body(containsString("Saisissez votre adresse e-mail."))
                .body(containsString("Choisissez un mot de passe."));
    }

    @Test
    void theVerificationPagesAreTranslatedToo() {
        browser().queryParam("token", "A".repeat(43)).queryParam("lang", "es").get("/verify")
                .then().statusCode(404).body(containsString("Este enlace no es válido"));
    }

    @Test
    void browsersGetAFriendlyNotFoundPageWhileApiClientsKeepProblemJson() {
        browser().get("/no-such-page").then().statusCode(404).contentType(containsString("text/html"))
                .body(containsString("Page not found"))
                .body(containsString("href=\"https://signup.example.test/register\""));
        given().accept(ContentType.JSON).get("/no-such-page").then().statusCode(404)
                .contentType("application/problem+json").body("code", equalTo("not_found"));
    }

    @Test
    void theJsonApiStillAnswersWithoutACsrfTokenAndSetsNoCookie() {
        Response answer = Signups.register(Signups.body(uniqueEmail()));

        answer.then().statusCode(202).contentType(ContentType.JSON)
                .body("status", equalTo("verification_pending"));
        assertThat(answer.cookie(CSRF)).isNull();
    }

    @Test
    void theThemeStylesheetCarriesTheConfiguredColour() {
        given().get("/css/theme.css").then().statusCode(200).contentType(containsString("text/css"))
                .body(containsString("--brand: #0b57d0;")).body(not(containsString("<")));
    }

    /** A browser: asks for HTML and does not follow redirects, so each answer can be checked. */
    static RequestSpecification browser() {
        return given().accept("text/html,application/xhtml+xml,*/*;q=0.8").redirects().follow(false);
    }

    /** Fetches the form for its CSRF token, as a browser does, and posts it with these values. */
    static Response postForm(RequestSpecification request, String email, String username,
            String firstName, String lastName, String password) {
        Response form = browser().get("/register");
        String csrf = form.cookie(CSRF);
        return request.cookie(CSRF, csrf).formParam(CSRF, csrfFieldIn(form.asString()))
                .formParam("email", email).formParam("username", username)
                .formParam("firstName", firstName).formParam("lastName", lastName)
                .formParam("password", password).post("/register");
    }

    private static String csrfFieldIn(String html) {
        Matcher matcher = CSRF_FIELD.matcher(html);
        assertThat(matcher.find()).as("the page has a CSRF field").isTrue();
        return matcher.group(1);
    }

    static String username(String email) {
        return "user-" + email.substring(0, email.indexOf('@')).replaceAll("[^a-z0-9-]", "");
    }

    private String storedLocale(String email) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement query = connection.prepareStatement(
                        "SELECT locale FROM registration WHERE email_normalized = ?")) {
            query.setString(1, email);
            try (ResultSet rows = query.executeQuery()) {
                assertThat(rows.next()).as("a registration for the address").isTrue();
                return rows.getString(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
