package io.keycloaksignup.registration;

import static io.keycloaksignup.testing.Signups.body;
import static io.keycloaksignup.testing.Signups.register;
import static io.keycloaksignup.testing.Signups.uniqueEmail;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.keycloaksignup.devenv.KeycloakServer;
import io.keycloaksignup.keycloak.KeycloakAdmin;
import io.keycloaksignup.keycloak.RealmSettings;
import io.keycloaksignup.testing.InjectKeycloak;
import io.keycloaksignup.testing.KeycloakTokens;
import io.keycloaksignup.testing.RealmChanges;
import io.keycloaksignup.testing.TestEnvironment;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * For each realm password policy, the service accepts and refuses exactly the passwords that
 * Keycloak itself accepts and refuses when the same user is created through its admin API with the
 * plaintext password. The expected column keeps both sides honest: agreeing by failing alike for
 * an unrelated reason would not pass.
 */
@QuarkusTest
@WithTestResource(TestEnvironment.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PasswordPolicyParityTest {

    @InjectKeycloak
    KeycloakServer keycloak;

    @Inject
    RealmSettings realmSettings;

    @Inject
    KeycloakAdmin admin;

    String currentPolicy;

    @ParameterizedTest(name = "{0}: \"{1}\" as {2} -> accepted {3} {4}")
    @CsvSource(delimiter = '|', value = {
        "''                                     | river lantern qz        | lantern77 | true | ''",
        "length(14)                             | riverlanternq           | lantern77 | false | password_too_short",
        "length(14)                             | riverlanternqz          | lantern77 | true | ''",
        "maxLength(20)                          | river lantern qz abcd   | lantern77 | false | password_too_long",
        "maxLength(20)                          | river lantern qz abc    | lantern77 | true | ''",
        "digits(2)                              | river lantern qz1       | lantern77 | false | password_digits",
        "digits(2)                              | river lantern 42        | lantern77 | true | ''",
        "upperCase(1) and lowerCase(1)          | river lantern qz        | lantern77 | false | password_upper_case",
        "upperCase(1) and lowerCase(1)          | River lantern qz        | lantern77 | true | ''",
        "specialChars(2)                        | riverlanternqz1         | lantern77 | false | password_special_chars",
        "specialChars(2)                        | river!lantern?qz        | lantern77 | true | ''",
        "notUsername                  | RiverLanterns1     | riverlanterns1 | false | password_equals_username",
        "notContainsUsername          | my lantern77 river | lantern77 | false | password_contains_username",
        "notContainsUsername                    | my lamp river qz9       | lantern77 | true | ''",
        "regexPattern(^[a-z ]+$)                | river lantern qz        | lantern77 | true | ''",
        "regexPattern(^[a-z ]+$)                | river lantern q1        | lantern77 | false | password_pattern",
        "length(13) and digits(1) and notUsername | river lantern q | lantern77 | false | password_digits",
        "length(13) and digits(1) and notUsername | river lantern 7 | lantern77 | true | ''",
    })
    void theServiceAndKeycloakAgree(String policy, String password, String username, boolean accepted,
            String code) {
        usePolicy(policy);
        String email = uniqueEmail();

        boolean serviceAccepts = serviceAccepts(email, username, password, code);
        boolean keycloakAccepts = keycloakAccepts(email, username, password);

        assertThat(keycloakAccepts).as("Keycloak").isEqualTo(accepted);
        assertThat(serviceAccepts).as("keycloak-signup").isEqualTo(keycloakAccepts);
    }

    @AfterAll
    void restoreRealm() {
        new RealmChanges(keycloak, realmSettings).reset();
    }

    private void usePolicy(String policy) {
        if (!policy.equals(currentPolicy)) {
            new RealmChanges(keycloak, realmSettings).set(Map.of("passwordPolicy", policy));
            currentPolicy = policy;
        }
    }

    private boolean serviceAccepts(String email, String username, String password, String code) {
        Map<String, Object> body = body(email);
        body.put("username", username);
        body.put("password", password);
        Response response = register(body);
        assertThat(response.statusCode()).as(response.asString()).isIn(202, 400);
        if (response.statusCode() == 400) {
            List<String> fields = response.jsonPath().getList("errors.field");
            assertThat(fields).as("only the password may be refused").containsOnly("password");
            assertThat(response.jsonPath().getList("errors.code", String.class)).as("codes").contains(code);
        }
        return response.statusCode() == 202;
    }

    /** Keycloak's own verdict: create the user with the plaintext password, then remove it again. */
    private boolean keycloakAccepts(String email, String username, String password) {
        Response response = given().auth().oauth2(KeycloakTokens.serviceAccount(keycloak))
                .contentType("application/json")
                .body(Map.of("username", username, "email", email, "firstName", "Ada", "lastName", "Lovelace",
                        "enabled", true, "credentials",
                        List.of(Map.of("type", "password", "value", password, "temporary", false))))
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
