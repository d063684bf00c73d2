package io.keycloaksignup.registration;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static io.keycloaksignup.testing.Signups.PASSWORD;
import static io.keycloaksignup.testing.Signups.body;
import static io.keycloaksignup.testing.Signups.register;
import static io.keycloaksignup.testing.Signups.uniqueEmail;

import com.icegreen.greenmail.util.GreenMail;
import io.keycloaksignup.testing.InjectGreenMail;
import io.keycloaksignup.testing.Mailbox;
import io.keycloaksignup.testing.Signups;
import io.keycloaksignup.testing.TestEnvironment;
import io.keycloaksignup.verification.VerificationToken;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import jakarta.mail.internet.MimeMessage;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@QuarkusTest
@WithTestResource(TestEnvironment.class)
class RegistrationApiTest {

    @InjectGreenMail
    GreenMail greenMail;

    @Inject
    DataSource dataSource;

    Mailbox mailbox;

    @BeforeEach
    void openMailbox() {
        mailbox = new Mailbox(greenMail);
    }

    @Test
    void acceptsAValidRegistrationWith202AndSendsAVerificationMail() {
        String email = uniqueEmail();

        Response response = register(body(email));

        response.then().statusCode(202).contentType(ContentType.JSON)
                .body("status", equalTo("verification_pending"));
        MimeMessage mail = mailbox.awaitLatest(email, 1);
        assertThat(Mailbox.textPart(mail)).contains("https://signup.example.test/verify?token=");
        assertThat(Mailbox.htmlPart(mail)).contains("https://signup.example.test/verify?token=");
    }

    @Test
    void answersNewAndRepeatedAddressesWithIdenticalBodies() {
        String email = uniqueEmail();

        String first = register(body(email)).then().statusCode(202).extract().asString();
        String second = register(body(email)).then().statusCode(202).extract().asString();
        String other = register(body(uniqueEmail())).then().statusCode(202).extract().asString();

        assertThat(second).isEqualTo(first);
        assertThat(other).isEqualTo(first);
        assertThat(first).isEqualTo(RegistrationResource.ACCEPTED_BODY);
    }

    @Test
    void storesNeitherThePasswordNorTheTokenInPlaintext() throws Exception {
        String email = uniqueEmail();
        register(body(email)).then().statusCode(202);
        String token = Mailbox.tokenIn(mailbox.awaitLatest(email, 1));

        Map<String, String> row = rowFor(email);

        assertThat(row.values()).noneMatch(value -> value != null && value.contains(PASSWORD));
        assertThat(row.values()).noneMatch(value -> value != null && value.contains(token));
        assertThat(row.get("token_hash")).isEqualTo(VerificationToken.hashOf(token));
        assertThat(row.get("state")).isEqualTo("PENDING");
        // the test realm has Keycloak's default policy, so the credential is argon2 like Keycloak's own
        assertThat(row.get("password_credential_data"))
                .contains("\"algorithm\":\"argon2\"").contains("\"hashIterations\":5");
        assertThat(row.get("password_secret_data")).contains("\"salt\":").contains("\"value\":");
    }

    @Test
    void sendsATokenOfAtLeast256BitsWhoseHashIsInTheRow() throws Exception {
        String email = uniqueEmail();
        register(body(email)).then().statusCode(202);

        String token = Mailbox.tokenIn(mailbox.awaitLatest(email, 1));

        assertThat(java.util.Base64.getUrlDecoder().decode(token)).hasSizeGreaterThanOrEqualTo(32);
        assertThat(rowFor(email).get("token_hash")).isEqualTo(VerificationToken.hashOf(token));
    }

    @Test
    void aSecondRegistrationForTheSameAddressReplacesTheFirstToken() throws Exception {
        String email = uniqueEmail();
        register(body(email)).then().statusCode(202);
        String firstToken = Mailbox.tokenIn(mailbox.awaitLatest(email, 1));

        register(body(email.toUpperCase().replace("EXAMPLE.COM", "Example.Com"))).then().statusCode(202);
        String secondToken = Mailbox.tokenIn(mailbox.awaitLatest(email, 2));

        assertThat(secondToken).isNotEqualTo(firstToken);
        assertThat(countRows("token_hash", VerificationToken.hashOf(firstToken))).isZero();
        assertThat(countRows("token_hash", VerificationToken.hashOf(secondToken))).isEqualTo(1);
        assertThat(countRowsForEmail(email)).isEqualTo(1);
    }

    @Test
    void normalisesTheAddressButKeepsItAsTyped() throws Exception {
        String local = "Mixed.Case-" + UUID.randomUUID();
        String typed = "  " + local + "@EXAMPLE.com ";
        register(body(typed)).then().statusCode(202);

        Map<String, String> row = rowFor(local + "@example.com");

        assertThat(row.get("email")).isEqualTo(typed);
        assertThat(row.get("email_normalized")).isEqualTo(local + "@example.com");
        mailbox.awaitLatest(local + "@example.com", 1);
    }

    @Test
    void escapesPersonalValuesInTheMail() {
        String email = uniqueEmail();
        Map<String, Object> body = body(email);
        body.put("firstName", "Renée O'Brien");

        register(body).then().statusCode(202);

        MimeMessage mail = mailbox.awaitLatest(email, 1);
        assertThat(Mailbox.htmlPart(mail)).contains("Renée O&#39;Brien").doesNotContain("O'Brien");
        assertThat(Mailbox.textPart(mail)).contains("Hello Renée O'Brien,");
    }

    @Test
    void mailsInTheLanguageThePersonSignedUpIn() throws Exception {
        String german = uniqueEmail();
        Map<String, Object> body = body(german);
        body.put("locale", "de-AT");
        String unsupported = uniqueEmail();
        Map<String, Object> other = body(unsupported);
        other.put("locale", "ja");

        register(body).then().statusCode(202);
        register(other).then().statusCode(202);

        MimeMessage mail = mailbox.awaitLatest(german, 1);
        assertThat(mail.getSubject()).isEqualTo("Bestätigen Sie Ihre E-Mail-Adresse für Keycloak Sign-up");
        assertThat(Mailbox.textPart(mail)).startsWith("Hallo Ada,").contains("läuft in 24 Stunden ab");
        assertThat(Mailbox.htmlPart(mail)).contains("<html lang=\"de\">").contains("E-Mail-Adresse bestätigen");
        assertThat(mailbox.awaitLatest(unsupported, 1).getSubject())
                .isEqualTo("Confirm your email address for Keycloak Sign-up");
    }

    @Test
    void countsAcceptedSignUpsAndSentMailsInTheMetrics() {
        String email = uniqueEmail();
        register(body(email)).then().statusCode(202);
        mailbox.awaitLatest(email, 1);

        String metrics = given().get("/q/metrics").then().statusCode(200).extract().asString();

        assertThat(metrics).containsPattern("signup_registrations_total\\{[^}]*outcome=\"accepted\"[^}]*} [1-9]")
                .containsPattern("signup_mails_total\\{[^}]*outcome=\"sent\"[^}]*} [1-9]")
                .doesNotContain(email);
    }

    @Test
    void refusesMarkupInNamesAsKeycloaksDefaultProfileDoes() {
        Map<String, Object> body = body(uniqueEmail());
        body.put("firstName", "<b>Mallory</b>");

        register(body).then().statusCode(400)
                .body("errors[0].field", equalTo("firstName"))
                .body("errors[0].code", equalTo("first_name_invalid"))
                .body("errors[0].keycloakError", equalTo("error-person-name-invalid-character"));
    }

    @ParameterizedTest(name = "{0}={1} -> {2}")
    @CsvSource(delimiter = '|', nullValues = "NULL", value = {
        "email     | NULL                         | email_required",
        "email     | '   '                        | email_required",
        "email     | not-an-address               | email_invalid",
        "email     | two@@example.com             | email_invalid",
        "email     | spaces in@example.com        | email_invalid",
        "email     | someone@mailinator.com       | email_disposable",
        "email     | someone@mx.blocked-domain.com | email_domain_not_allowed",
        "password  | password1234                 | password_common",
        "password  | NULL                         | password_required",
        "password  | short pass1                  | password_too_short",
        "password  | 🔑🔑🔑🔑🔑🔑🔑🔑🔑🔑🔑             | password_too_short",
        "firstName | NULL                         | first_name_required",
        "firstName | '  '                         | first_name_required",
        "lastName  | NULL                         | last_name_required",
        "username  | ab                           | username_too_short",
        "username  | has space here               | username_invalid",
        "username  | semi;colon                   | username_invalid",
        "locale    | not a locale!                | locale_invalid",
    })
    void refusesAnInvalidFieldWithItsStableCode(String field, String value, String code) {
        Map<String, Object> body = body(uniqueEmail());
        body.put(field, value);

        register(body).then().statusCode(400)
                .contentType("application/problem+json")
                .body("status", equalTo(400))
                .body("code", equalTo("validation_failed"))
                .body("errors.code", hasItem(code))
                .body("errors.find { it.code == '" + code + "' }.field", equalTo(field));
    }

    @Test
    void refusesControlCharactersInNames() {
        Map<String, Object> body = body(uniqueEmail());
        body.put("firstName", "Eve\r\nBcc: victim@example.com");

        register(body).then().statusCode(400).body("errors.code", hasItem("first_name_invalid"));
    }

    @Test
    void refusesAPasswordLongerThan128CodePoints() {
        Map<String, Object> body = body(uniqueEmail());
        body.put("password", "x".repeat(129));

        register(body).then().statusCode(400).body("errors.code", hasItem("password_too_long"));
    }

    @Test
    void acceptsAPasswordOfExactly128CodePointsCountedAsUnicode() {
        Map<String, Object> body = body(uniqueEmail());
        body.put("password", "🔑".repeat(128));

        register(body).then().statusCode(202);
    }

    @Test
    void refusesAPasswordEqualToTheEmailOrTheUsername() {
        String email = uniqueEmail();
        Map<String, Object> sameAsEmail = body(email);
        sameAsEmail.put("password", email.toUpperCase());
        Map<String, Object> sameAsUsername = body(uniqueEmail());
        sameAsUsername.put("username", "long.username.here");
        sameAsUsername.put("password", "long.username.here");

        register(sameAsEmail).then().statusCode(400).body("errors.code", hasItem("password_equals_email"));
        register(sameAsUsername).then().statusCode(400).body("errors.code", hasItem("password_equals_username"));
    }

    @Test
    void reportsEveryBrokenRuleAtOnce() {
        given().contentType(ContentType.JSON).body("{}").post("/register")
                .then().statusCode(400)
                .body("errors.code", hasItem("email_required"))
                .body("errors.code", hasItem("password_required"))
                .body("errors.code", hasItem("first_name_required"))
                .body("errors.code", hasItem("last_name_required"));
    }

    @Test
    void refusesUnknownFieldsAndWrongTypes() {
        Map<String, Object> unknown = body(uniqueEmail());
        unknown.put("firstname", "typo");
        Map<String, Object> wrongType = body(uniqueEmail());
        wrongType.put("email", Map.of("nested", true));

        register(unknown).then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].code", equalTo("field_unknown")).body("errors[0].field", equalTo("firstname"));
        register(wrongType).then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].code", equalTo("field_invalid_type")).body("errors[0].field", equalTo("email"));
    }

    @Test
    void answersMalformedJsonWith400() {
        given().contentType(ContentType.JSON).body("{\"email\": ").post("/register")
                .then().statusCode(400).contentType("application/problem+json")
                .body("code", equalTo("malformed_json"));
    }

    @Test
    void answersAnEmptyBodyWith400() {
        given().contentType(ContentType.JSON).post("/register")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].code", equalTo("body_required"));
    }

    @Test
    void answersAWrongContentTypeWith415() {
        given().contentType(ContentType.TEXT).body("email=a@example.com").post("/register")
                .then().statusCode(415).contentType("application/problem+json")
                .body("code", equalTo("unsupported_media_type"));
    }

    @Test
    void answersAnOversizedBodyWith413AndStoresNothing() throws Exception {
        String email = uniqueEmail();
        Map<String, Object> body = body(email);
        body.put("lastName", "x".repeat(64 * 1024));

        register(body).then().statusCode(413);

        assertThat(countRowsForEmail(email)).isZero();
    }

    @Test
    void storesNothingForAnInvalidRegistration() throws Exception {
        String email = uniqueEmail();
        Map<String, Object> body = body(email);
        body.put("password", "short");

        register(body).then().statusCode(400);

        assertThat(countRowsForEmail(email)).isZero();
        assertThat(mailbox.messagesFor(email)).isEmpty();
    }

    private Map<String, String> rowFor(String email) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(
                        "SELECT * FROM registration WHERE lower(email_normalized) = lower(?)")) {
            statement.setString(1, email);
            try (ResultSet rows = statement.executeQuery()) {
                assertThat(rows.next()).as("a registration row for the address").isTrue();
                Map<String, String> row = new LinkedHashMap<>();
                for (int i = 1; i <= rows.getMetaData().getColumnCount(); i++) {
                    row.put(rows.getMetaData().getColumnName(i), rows.getString(i));
                }
                return row;
            }
        }
    }

    private int countRowsForEmail(String email) throws SQLException {
        return count("SELECT count(*) FROM registration WHERE lower(email_normalized) = lower(?)", email);
    }

    private int countRows(String column, String value) throws SQLException {
        return count("SELECT count(*) FROM registration WHERE " + column + " = ?", value);
    }

    private int count(String sql, String value) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, value);
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                return rows.getInt(1);
            }
        }
    }
}
