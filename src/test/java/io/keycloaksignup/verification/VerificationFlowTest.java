package io.keycloaksignup.verification;

import static io.keycloaksignup.testing.Signups.PASSWORD;
import static io.keycloaksignup.testing.Signups.body;
import static io.keycloaksignup.testing.Signups.confirm;
import static io.keycloaksignup.testing.Signups.execute;
import static io.keycloaksignup.testing.Signups.registerAndReadToken;
import static io.keycloaksignup.testing.Signups.uniqueEmail;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

import com.icegreen.greenmail.util.GreenMail;
import io.keycloaksignup.keycloak.KeycloakAdmin;
import io.keycloaksignup.keycloak.KeycloakUser;
import io.keycloaksignup.registration.Registration;
import io.keycloaksignup.registration.RegistrationState;
import io.keycloaksignup.testing.InjectGreenMail;
import io.keycloaksignup.testing.InjectKeycloak;
import io.keycloaksignup.devenv.KeycloakServer;
import io.keycloaksignup.testing.KeycloakTokens;
import io.keycloaksignup.testing.Mailbox;
import io.keycloaksignup.testing.Signups;
import io.keycloaksignup.testing.TestEnvironment;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The whole journey against the real Keycloak: sign up, confirm, log in, call the API. */
@QuarkusTest
@WithTestResource(TestEnvironment.class)
class VerificationFlowTest {

    @InjectGreenMail
    GreenMail greenMail;

    @InjectKeycloak
    KeycloakServer keycloak;

    @Inject
    KeycloakAdmin admin;

    @Inject
    DataSource dataSource;

    Mailbox mailbox;

    @BeforeEach
    void openMailbox() {
        mailbox = new Mailbox(greenMail);
    }

    @Test
    void aConfirmedSignUpBecomesAVerifiedKeycloakUserWhoCanLogInAndCallTheApi() {
        String email = uniqueEmail();
        Map<String, Object> body = body(email);
        body.put("username", "ada-" + email.substring(7, 15));
        body.put("locale", "de");
        String token = registerAndReadToken(mailbox, body);

        given().queryParam("token", token).get("/verify").then().statusCode(200)
                .header("Referrer-Policy", "no-referrer")
                .header("Cache-Control", containsString("no-store"))
                .body(containsString("p***@example.com"))
                .body(containsString("Confirm and create my account"));
        assertThat(registration(email).state).as("looking at the link changes nothing")
                .isEqualTo(RegistrationState.PENDING);

        confirm(token).then().statusCode(200)
                .body(containsString("Your account is ready"))
                .body(containsString(keycloak.url() + "/realms/" + TestEnvironment.REALM + "/account"));

        Registration registration = registration(email);
        assertThat(registration.state).isEqualTo(RegistrationState.PROVISIONED);
        assertThat(registration.passwordSecretData).as("hash deleted once provisioned").isNull();
        assertThat(registration.passwordCredentialData).isNull();
        KeycloakUser user = admin.getUser(registration.keycloakUserId).orElseThrow();
        assertThat(user.username()).isEqualTo(body.get("username"));
        assertThat(user.email()).isEqualTo(email);
        assertThat(user.emailVerified()).isTrue();
        assertThat(user.enabled()).isTrue();
        assertThat(user.firstName()).isEqualTo("Ada");
        assertThat(user.lastName()).isEqualTo("Lovelace");
        assertThat(user.attribute("signup_registration_id")).isEqualTo(registration.id.toString());
        assertThat(user.attribute("locale")).isEqualTo("de");

        assertThat(user.attribute("signup_source")).isEqualTo("api");
        String userUrl = keycloak.url() + "/admin/realms/" + TestEnvironment.REALM + "/users/" + user.id();
        String serviceToken = KeycloakTokens.serviceAccount(keycloak);
        List<String> groups = given().auth().oauth2(serviceToken).get(userUrl + "/groups")
                .then().statusCode(200).extract().jsonPath().getList("path");
        List<String> roles = given().auth().oauth2(serviceToken).get(userUrl + "/role-mappings/realm")
                .then().statusCode(200).extract().jsonPath().getList("name");
        assertThat(groups).as("signup.provisioning.groups").containsExactly("/customers");
        assertThat(roles).as("signup.provisioning.realm-roles").contains("customer");

        String accessToken = KeycloakTokens.passwordGrant(keycloak, email, PASSWORD).then().statusCode(200)
                .extract().path("access_token");
        given().auth().oauth2(accessToken).get("/api/me").then().statusCode(200)
                .body("email", equalTo(email))
                .body("subject", equalTo(registration.keycloakUserId))
                .body("username", equalTo(body.get("username")))
                .body("emailVerified", equalTo(true));
    }

    @Test
    void theSuccessPageContinuesToTheAppsRegisteredRedirectUri() {
        Map<String, Object> body = body(uniqueEmail());
        body.put("clientId", "signup-web-app");
        body.put("redirectUri", "https://app.example.test/welcome");

        confirm(registerAndReadToken(mailbox, body)).then().statusCode(200)
                .body(containsString("href=\"https://app.example.test/welcome\""));
    }

    @Test
    void theApiRefusesCallersWithoutAValidToken() {
        given().get("/api/me").then().statusCode(401);
        given().auth().oauth2("not-a-jwt").get("/api/me").then().statusCode(401);
        given().auth().oauth2("eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ4In0.c2lnbmF0dXJl").get("/api/me")
                .then().statusCode(401);
    }

    @Test
    void fiftyConcurrentConfirmationsCreateExactlyOneUserAndFiftySuccessPages() throws Exception {
        String email = uniqueEmail();
        String token = registerAndReadToken(mailbox, body(email));
        ExecutorService pool = Executors.newFixedThreadPool(50);
        try {
            List<Callable<Response>> clicks = IntStream.range(0, 50)
                    .mapToObj(i -> (Callable<Response>) () -> confirm(token)).toList();
            List<Future<Response>> answers = pool.invokeAll(clicks);
            for (Future<Response> answer : answers) {
                answer.get().then().statusCode(200).body(containsString("Your account is ready"));
            }
        } finally {
            pool.shutdownNow();
        }

        assertThat(admin.findByEmail(email)).isPresent();
        assertThat(usersWithEmail(email)).hasSize(1);
    }

    @Test
    void anExpiredLinkShows410AndCreatesNothing() {
        String email = uniqueEmail();
        String token = registerAndReadToken(mailbox, body(email));
        execute(dataSource, "UPDATE registration SET expires_at = ? WHERE lower(email_normalized) = ?",
                Timestamp.from(Instant.now().minusSeconds(1)), email);

        given().queryParam("token", token).get("/verify").then().statusCode(410)
                .body(containsString("This link has expired")).body(containsString("/register"));
        confirm(token).then().statusCode(410).body(containsString("This link has expired"));

        assertThat(registration(email).state).as("housekeeping may have marked it meanwhile")
                .isIn(RegistrationState.PENDING, RegistrationState.EXPIRED);
        assertThat(usersWithEmail(email)).isEmpty();
    }

    @Test
    void aUsedLinkCannotBeSpentAgain() {
        String email = uniqueEmail();
        String token = registerAndReadToken(mailbox, body(email));
        confirm(token).then().statusCode(200);

        given().queryParam("token", token).get("/verify").then().statusCode(410)
                .body(containsString("already been used")).body(not(containsString(token)));
        confirm(token).then().statusCode(200).body(containsString("Your account is ready"));
        execute(dataSource, "UPDATE registration SET provisioned_at = ? WHERE lower(email_normalized) = ?",
                Timestamp.from(Instant.now().minus(1, ChronoUnit.HOURS)), email);
        confirm(token).then().statusCode(410).body(containsString("already been used"));

        assertThat(usersWithEmail(email)).hasSize(1);
    }

    @Test
    void anUnknownOrMangledLinkShows404() {
        given().queryParam("token", "A".repeat(43)).get("/verify").then().statusCode(404)
                .body(containsString("This link is not valid"));
        given().queryParam("token", "<script>").get("/verify").then().statusCode(404)
                .body(not(containsString("<script>")));
        given().get("/verify").then().statusCode(404);
        confirm("A".repeat(43)).then().statusCode(404);
        String csrf = Signups.csrfToken("/verify");
        given().cookie(Signups.CSRF, csrf).formParam(Signups.CSRF, csrf).formParam("other", "x")
                .post("/verify").then().statusCode(404);
    }

    @Test
    void anAddressThatAlreadyHasSomeoneElsesAccountIsToldSoAndNothingIsCreated() {
        String email = uniqueEmail();
        KeycloakAdmin.Creation existing = admin.createUser(new KeycloakUser(null, "existing-" + email, email,
                "Grace", "Hopper", true, true, null, null, null));
        assertThat(existing).isInstanceOf(KeycloakAdmin.Creation.Created.class);
        String token = registerAndReadToken(mailbox, body(email));

        confirm(token).then().statusCode(409)
                .body(containsString("You already have an account"))
                .body(containsString("reset-credentials"));

        Registration registration = registration(email);
        assertThat(registration.state).isEqualTo(RegistrationState.CONFLICT);
        assertThat(registration.passwordSecretData).isNull();
        assertThat(usersWithEmail(email)).hasSize(1);
        assertThat(usersWithEmail(email).getFirst().firstName()).isEqualTo("Grace");
    }

    private List<KeycloakUser> usersWithEmail(String email) {
        return given().auth().oauth2(KeycloakTokens.serviceAccount(keycloak))
                .queryParam("email", email).queryParam("exact", true)
                .get(keycloak.url() + "/admin/realms/" + TestEnvironment.REALM + "/users")
                .then().statusCode(200).extract().jsonPath().getList(".", KeycloakUser.class);
    }

    private Registration registration(String email) {
        return QuarkusTransaction.requiringNew().call(() -> Registration
                .<Registration>find("lower(emailNormalized) = ?1", email.toLowerCase()).singleResult());
    }
}
