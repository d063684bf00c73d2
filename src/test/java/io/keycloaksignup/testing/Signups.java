package io.keycloaksignup.testing;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;

/** What tests do again and again: sign up through the API and read the link from the mail. */
public final class Signups {

    public static final String PASSWORD = "a long and private passphrase";

    private Signups() {
    }

    public static String uniqueEmail() {
        return "person-" + UUID.randomUUID() + "@example.com";
    }

    public static Map<String, Object> body(String email) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("email", email);
        // the test realm keeps Keycloak's default: usernames are chosen, not the email
        body.put("username", "user-" + email.substring(0, email.indexOf('@')).replaceAll("[^a-z0-9-]", ""));
        body.put("password", PASSWORD);
        body.put("firstName", "Ada");
        body.put("lastName", "Lovelace");
        return body;
    }

    public static Response register(Map<String, Object> body) {
        return given().contentType(ContentType.JSON).body(body).post("/register");
    }

    /** Signs up and returns the token from the verification mail. */
    public static String registerAndReadToken(Mailbox mailbox, Map<String, Object> body) {
        String email = (String) body.get("email");
        int before = mailbox.messagesFor(email).size();
        register(body).then().statusCode(202);
        return Mailbox.tokenIn(mailbox.awaitLatest(email, before + 1));
    }

    /**
     * Presses the confirm button as a browser would: opens the link's page first, which hands out
     * the CSRF cookie, and posts the token back with the matching CSRF field.
     */
    public static Response confirm(String token) {
        String csrf = csrfToken("/verify?token=" + token);
        return given().redirects().follow(false).cookie(CSRF, csrf).formParam(CSRF, csrf)
                .formParam("token", token).post("/verify");
    }

    /** Name of the CSRF cookie and of the hidden form field that must repeat it. */
    public static final String CSRF = "csrf-token";

    /** The CSRF token a page hands out with its cookie. */
    public static String csrfToken(String page) {
        String token = given().redirects().follow(false).get(page).cookie(CSRF);
        if (token == null) {
            throw new AssertionError(page + " set no CSRF cookie");
        }
        return token;
    }

    /** Runs one query that returns a single number, e.g. a count. */
    public static long queryNumber(DataSource dataSource, String sql, Object... parameters) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Runs one UPDATE against the service's database, e.g. to move a registration in time. */
    public static int execute(DataSource dataSource, String sql, Object... parameters) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            return statement.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
