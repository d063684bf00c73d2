package io.keycloaksignup.registration;

import static io.keycloaksignup.registration.RegistrationPageTest.browser;
import static io.keycloaksignup.registration.RegistrationPageTest.postForm;
import static io.keycloaksignup.registration.RegistrationPageTest.username;
import static io.keycloaksignup.testing.Signups.CSRF;
import static io.keycloaksignup.testing.Signups.PASSWORD;
import static io.keycloaksignup.testing.Signups.uniqueEmail;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;

import io.keycloaksignup.testing.TestEnvironment;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

/**
 * The sign-up page of an operator who set terms of service and a theme (and turned email
 * verification off, which shares the profile): the terms box, and the branding on every page.
 */
@QuarkusTest
@WithTestResource(TestEnvironment.class)
@TestProfile(VerificationOffTest.Off.class)
class ThemedRegistrationPageTest {

    @Test
    void theTermsCheckboxIsLabelledAndLinksToTheTerms() {
        String html = browser().get("/register").then().statusCode(200).extract().asString();

        assertThat(html).contains("<input id=\"acceptTerms\" name=\"acceptTerms\" type=\"checkbox\"")
                .contains("<label for=\"acceptTerms\">I accept the terms of service</label>")
                .contains("href=\"https://acme.example.test/terms\"");
    }

    @Test
    void termsThatWereNotAcceptedAreAnErrorOnTheCheckbox() {
        String email = uniqueEmail();

        postForm(browser(), email, username(email), "Ada", "Lovelace", PASSWORD).then().statusCode(400)
                .body(containsString("aria-invalid=\"true\" aria-describedby=\"acceptTerms-error\""))
                .body(containsString("<a href=\"#acceptTerms\">"))
                .body(containsString("Accept the terms of service to continue."));
    }

    @Test
    void acceptedTermsWithoutVerificationContinueStraightToKeycloak() {
        String email = uniqueEmail();
        Response form = browser().get("/register");
        String csrf = form.cookie(CSRF);

        browser().cookie(CSRF, csrf).formParam(CSRF, csrf).formParam("email", email)
                .formParam("username", username(email)).formParam("firstName", "Ada")
                .formParam("lastName", "Lovelace").formParam("password", PASSWORD)
                .formParam("acceptTerms", "true").post("/register")
                .then().statusCode(303).header("Location", endsWith("/realms/" + TestEnvironment.REALM + "/account"));
    }

    @Test
    void anAppsReturnAddressTravelsWithTheFormAndAForeignOneIsRefused() {
        browser().queryParam("redirect_uri", "https://partner.example.test/done").get("/register").then()
                .body(containsString("<input type=\"hidden\" name=\"redirectUri\" "
                        + "value=\"https://partner.example.test/done\">"));
        String email = uniqueEmail();
        Response form = browser().get("/register");
        String csrf = form.cookie(CSRF);

        String html = browser().cookie(CSRF, csrf).formParam(CSRF, csrf).formParam("email", email)
                .formParam("username", username(email)).formParam("firstName", "Ada")
                .formParam("lastName", "Lovelace").formParam("password", PASSWORD)
                .formParam("acceptTerms", "true").formParam("redirectUri", "https://evil.example.test/")
                .post("/register").then().statusCode(400).extract().asString();

        assertThat(html).contains("The link that brought you here is not valid.")
                .contains("name=\"redirectUri\" value=\"https://evil.example.test/\"");
    }

    @Test
    void everyPageCarriesTheOperatorsBranding() {
        Response page = browser().get("/no-such-page");

        page.then().statusCode(404)
                .header("Content-Security-Policy", containsString("img-src 'self' https://cdn.acme.example.test;"));
        assertThat(page.asString()).contains("· Acme ID</title>")
                .contains("<img class=\"logo\" src=\"https://cdn.acme.example.test/logo.svg\" alt=\"Acme ID\">")
                .contains("<a href=\"mailto:help@acme.example.test\">")
                .contains("<a href=\"https://acme.example.test/privacy\">Privacy</a>");
        given().get("/css/theme.css").then().body(containsString("--brand: #7a1fa2;"));
    }
}
