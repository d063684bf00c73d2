package io.keycloaksignup.registration;

import static io.keycloaksignup.testing.Signups.body;
import static io.keycloaksignup.testing.Signups.confirm;
import static io.keycloaksignup.testing.Signups.register;
import static io.keycloaksignup.testing.Signups.registerAndReadToken;
import static io.keycloaksignup.testing.Signups.uniqueEmail;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import com.icegreen.greenmail.util.GreenMail;
import io.keycloaksignup.devenv.KeycloakServer;
import io.keycloaksignup.keycloak.KeycloakAdmin;
import io.keycloaksignup.keycloak.KeycloakUser;
import io.keycloaksignup.testing.InjectGreenMail;
import io.keycloaksignup.testing.InjectKeycloak;
import io.keycloaksignup.testing.KeycloakTokens;
import io.keycloaksignup.testing.Mailbox;
import io.keycloaksignup.testing.TestEnvironment;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Attributes declared by the realm's user profile (see the test realm: phone with a pattern,
 * company with a length, department with options, employee_number an integer) are accepted and
 * refused exactly as Keycloak's admin API accepts and refuses them, and reach the Keycloak user.
 */
@QuarkusTest
@WithTestResource(TestEnvironment.class)
class UserProfileParityTest {

    @InjectKeycloak
    KeycloakServer keycloak;

    @InjectGreenMail
    GreenMail greenMail;

    @Inject
    KeycloakAdmin admin;

    @ParameterizedTest(name = "{0}={1} -> accepted {2}")
    @CsvSource(delimiter = '|', value = {
        "phone           | +49 30 1234567  | true",
        "phone           | call me maybe   | false",
        "phone           | 12345           | false",
        "phone           | 1234567;7654321 | false",
        "company         | Acme            | true",
        "company         | A               | false",
        "department      | sales           | true",
        "department      | Sales           | false",
        "department      | marketing       | false",
        "employee_number | 42              | true",
        "employee_number | 0               | false",
        "employee_number | 100000          | false",
        "employee_number | forty-two       | false",
    })
    void theServiceAndKeycloakAgree(String attribute, String value, boolean accepted) {
        List<String> values = Arrays.asList(value.split(";"));
        String email = uniqueEmail();

        boolean keycloakAccepts = keycloakAccepts(email, attribute, values);
        Map<String, Object> body = body(email);
        body.put("attributes", Map.of(attribute, values.size() == 1 ? values.getFirst() : values));
        Response response = register(body);

        assertThat(keycloakAccepts).as("Keycloak").isEqualTo(accepted);
        assertThat(response.statusCode()).as(response.asString()).isEqualTo(accepted ? 202 : 400);
        if (!accepted) {
            assertThat(response.jsonPath().getList("errors.field", String.class))
                    .containsOnly("attributes." + attribute);
        }
    }

    @Test
    void refusesAttributesTheProfileDoesNotLetUsersSet() {
        Map<String, Object> body = body(uniqueEmail());
        body.put("attributes", Map.of("internal_note", "vip", "favourite_colour", "blue"));

        register(body).then().statusCode(400)
                .body("errors.code", hasItem("attribute_unknown"))
                .body("errors.find { it.field == 'attributes.internal_note' }.code", equalTo("attribute_unknown"))
                .body("errors.find { it.field == 'attributes.favourite_colour' }.code", equalTo("attribute_unknown"));
    }

    @Test
    void acceptedAttributesReachTheKeycloakUser() {
        String email = uniqueEmail();
        Map<String, Object> body = body(email);
        body.put("attributes", Map.of("phone", "+44 20 7946 0000", "company", "Analytical Engines",
                "department", List.of("engineering")));

        confirm(registerAndReadToken(new Mailbox(greenMail), body)).then().statusCode(200);

        KeycloakUser user = admin.findByEmail(email).orElseThrow();
        assertThat(user.attribute("phone")).isEqualTo("+44 20 7946 0000");
        assertThat(user.attribute("company")).isEqualTo("Analytical Engines");
        assertThat(user.attribute("department")).isEqualTo("engineering");
    }

    /** Keycloak's own verdict on the same attribute, through its admin API. */
    private boolean keycloakAccepts(String email, String attribute, List<String> values) {
        Response response = given().auth().oauth2(KeycloakTokens.serviceAccount(keycloak))
                .contentType("application/json")
                .body(Map.of("username", "oracle-" + email.substring(7, 20), "email", email, "firstName", "Ada",
                        "lastName", "Lovelace", "enabled", true, "attributes", Map.of(attribute, values)))
                .post(keycloak.url() + "/admin/realms/" + TestEnvironment.REALM + "/users");
        assertThat(response.statusCode()).as(response.asString()).isIn(201, 400);
        if (response.statusCode() == 201) {
            String location = response.header("Location");
            admin.deleteUser(location.substring(location.lastIndexOf('/') + 1));
            return true;
        }
        return false;
    }
}
