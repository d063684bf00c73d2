package io.keycloaksignup.keycloak;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

import io.keycloaksignup.testing.InjectKeycloak;
import io.keycloaksignup.devenv.KeycloakServer;
import io.keycloaksignup.testing.KeycloakTokens;
import io.keycloaksignup.testing.TestEnvironment;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The service account of the test realm can create and delete users with a pre-hashed password
 * in every format the service produces, and those users can log in with the plaintext.
 */
@QuarkusTest
@WithTestResource(TestEnvironment.class)
class KeycloakServiceAccountTest {

    static final String PASSWORD = "correct horse battery staple";

    @InjectKeycloak
    KeycloakServer keycloak;

    @Inject
    KeycloakAdmin admin;

    @Inject
    PasswordHasher hasher;

    /**
     * The test realm uses Keycloak's default policy (argon2): an argon2 credential survives the
     * first login untouched, while any other format is re-hashed by Keycloak to argon2 - which
     * shows that the comparison after login can tell the two apart.
     */
    @ParameterizedTest(name = "{0} x{1}")
    @CsvSource({
        "argon2, 5, argon2",
        "pbkdf2-sha512, 210000, argon2",
        "pbkdf2-sha256, 600000, argon2",
        "pbkdf2, 1300000, argon2",
    })
    void aPreHashedPasswordLogsInAndKeycloakKeepsOrRehashesIt(String algorithm, int iterations,
            String algorithmAfterLogin) {
        String username = "prehashed-" + UUID.randomUUID();
        PasswordCredential credential = hasher.hash(PASSWORD, new PasswordHashPolicy(algorithm, iterations));
        String id = create(username, credential);

        KeycloakTokens.passwordGrant(keycloak, username, PASSWORD).then().statusCode(200)
                .body("access_token", notNullValue());
        KeycloakTokens.passwordGrant(keycloak, username, "wrong password entirely").then()
                .statusCode(400).body("error", equalTo("invalid_grant"));

        String storedAlgorithm = given().auth().oauth2(KeycloakTokens.serviceAccount(keycloak))
                .get(keycloak.url() + "/admin/realms/" + TestEnvironment.REALM + "/users/" + id + "/credentials")
                .then().statusCode(200).extract().path("[0].credentialData");
        assertThat(storedAlgorithm).contains("\"algorithm\":\"" + algorithmAfterLogin + "\"");
        if (algorithm.equals(algorithmAfterLogin)) {
            assertThat(storedAlgorithm).as("not re-hashed").contains("\"hashIterations\":" + iterations);
        }
        assertThat(admin.deleteUser(id)).isTrue();
        assertThat(admin.getUser(id)).isEmpty();
    }

    @Test
    void createsAVerifiedUserWithTheRegistrationAttribute() {
        String username = "attr-" + UUID.randomUUID();
        String id = create(username, hasher.hash(PASSWORD, PasswordHashPolicy.KEYCLOAK_DEFAULT));

        KeycloakUser stored = admin.getUser(id).orElseThrow();

        assertThat(stored.emailVerified()).isTrue();
        assertThat(stored.attribute("signup_registration_id")).isEqualTo("reg-" + username);
        assertThat(admin.findByAttribute("signup_registration_id", "reg-" + username))
                .extracting(KeycloakUser::id).containsExactly(id);
        admin.deleteUser(id);
    }

    @Test
    void reportsConflictForAnExistingUsername() {
        String username = "taken-" + UUID.randomUUID();
        KeycloakUser first = new KeycloakUser(null, username, null, "A", "B", true, true, null, null, null);
        String id = ((KeycloakAdmin.Creation.Created) admin.createUser(first)).userId();

        KeycloakAdmin.Creation second = admin.createUser(first);

        assertThat(second).isInstanceOf(KeycloakAdmin.Creation.Conflict.class);
        admin.deleteUser(id);
    }

    @Test
    void readsTheRealmSettings() {
        RealmSettings.Realm realm = admin.realm();

        assertThat(realm.realm()).isEqualTo(TestEnvironment.REALM);
        assertThat(realm.loginWithEmailAllowed()).isTrue();
        assertThat(realm.duplicateEmailsAllowed()).isFalse();
    }

    private String create(String username, PasswordCredential credential) {
        KeycloakUser user = new KeycloakUser(null, username, username + "@example.com", "Ada", "Lovelace",
                true, true, Map.of("signup_registration_id", List.of("reg-" + username)),
                List.of(KeycloakUser.Credential.password(credential)), null);
        KeycloakAdmin.Creation creation = admin.createUser(user);
        assertThat(creation).isInstanceOf(KeycloakAdmin.Creation.Created.class);
        return ((KeycloakAdmin.Creation.Created) creation).userId();
    }
}
