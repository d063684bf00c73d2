package io.keycloaksignup.keycloak;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

import io.keycloaksignup.testing.InjectKeycloak;
import io.keycloaksignup.testing.KeycloakServer;
import io.keycloaksignup.testing.TestEnvironment;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The service account of the test realm can do what provisioning needs, and no more is used. */
@QuarkusTest
@WithTestResource(TestEnvironment.class)
class KeycloakServiceAccountTest {

    @InjectKeycloak
    KeycloakServer keycloak;

    @Inject
    KeycloakAdmin admin;

    @Inject
    PasswordHasher hasher;

    @Test
    void createsUserWithPreHashedPasswordThatCanLogInAndDeletesIt() {
        String username = "prehashed-" + UUID.randomUUID();
        String password = "correct horse battery staple";
        KeycloakUser user = new KeycloakUser(null, username, username + "@example.com", "Ada", "Lovelace",
                true, true, Map.of("signup_registration_id", List.of("reg-1")),
                List.of(KeycloakUser.Credential.password(hasher.hash(password))), null);

        KeycloakAdmin.Creation creation = admin.createUser(user);

        assertThat(creation).isInstanceOf(KeycloakAdmin.Creation.Created.class);
        String id = ((KeycloakAdmin.Creation.Created) creation).userId();
        KeycloakUser stored = admin.getUser(id).orElseThrow();
        assertThat(stored.emailVerified()).isTrue();
        assertThat(stored.attribute("signup_registration_id")).isEqualTo("reg-1");

        passwordGrant(username, password).then().statusCode(200).body("access_token", notNullValue());
        passwordGrant(username, "wrong password entirely").then()
                .statusCode(400).body("error", equalTo("invalid_grant"));

        assertThat(admin.deleteUser(id)).isTrue();
        assertThat(admin.getUser(id)).isEmpty();
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

    private io.restassured.response.Response passwordGrant(String username, String password) {
        return given().formParam("grant_type", "password")
                .formParam("client_id", TestEnvironment.TEST_APP_CLIENT)
                .formParam("username", username)
                .formParam("password", password)
                .post(keycloak.url() + "/realms/" + TestEnvironment.REALM + "/protocol/openid-connect/token");
    }
}
