package io.keycloaksignup.admin;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import io.keycloaksignup.devenv.KeycloakServer;
import io.keycloaksignup.keycloak.KeycloakAdmin;
import io.keycloaksignup.keycloak.RealmSettings;
import io.keycloaksignup.testing.InjectKeycloak;
import io.keycloaksignup.testing.KeycloakTokens;
import io.keycloaksignup.testing.RealmChanges;
import io.keycloaksignup.testing.TestEnvironment;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(TestEnvironment.class)
class SettingsResourceTest {

    static final String PASSWORD = "operator passphrase 2026";

    @InjectKeycloak
    KeycloakServer keycloak;

    @Inject
    KeycloakAdmin admin;

    @Inject
    RealmSettings realmSettings;

    @Test
    void anOperatorSeesTheEffectiveSettingsAndCanRereadTheRealm() {
        String operator = user(true);
        String token = KeycloakTokens.passwordGrant(keycloak, operator, PASSWORD).then().statusCode(200)
                .extract().path("access_token");
        given().auth().oauth2(token).get("/admin/settings").then().statusCode(200)
                .body("realm", equalTo(TestEnvironment.REALM))
                .body("emailAsUsername", equalTo(false))
                .body("passwordHash.algorithm", equalTo("argon2"));

        RealmChanges realm = new RealmChanges(keycloak, realmSettings);
        try {
            given().auth().oauth2(KeycloakTokens.masterAdmin(keycloak)).contentType("application/json")
                    .body(Map.of("registrationEmailAsUsername", true))
                    .put(keycloak.url() + "/admin/realms/" + TestEnvironment.REALM).then().statusCode(204);

            given().auth().oauth2(token).contentType("application/json").post("/admin/settings/refresh")
                    .then().statusCode(200)
                    .body("emailAsUsername", equalTo(true));
        } finally {
            realm.reset();
        }
    }

    @Test
    void othersAreRefused() {
        String token = KeycloakTokens.passwordGrant(keycloak, user(false), PASSWORD).then().statusCode(200)
                .extract().path("access_token");

        given().get("/admin/settings").then().statusCode(401);
        given().auth().oauth2(token).get("/admin/settings").then().statusCode(403);
        given().auth().oauth2(token).contentType("application/json").post("/admin/settings/refresh")
                .then().statusCode(403);
    }

    /** A user with a plaintext password, created the way an administrator would. */
    private String user(boolean operator) {
        String username = "operator-" + UUID.randomUUID();
        String location = given().auth().oauth2(KeycloakTokens.serviceAccount(keycloak))
                .contentType("application/json")
                .body(Map.of("username", username, "email", username + "@example.com", "firstName", "Op",
                        "lastName", "Erator", "enabled", true, "emailVerified", true,
                        "credentials", List.of(Map.of("type", "password", "value", PASSWORD, "temporary", false))))
                .post(keycloak.url() + "/admin/realms/" + TestEnvironment.REALM + "/users")
                .then().statusCode(201).extract().header("Location");
        if (operator) {
            String id = location.substring(location.lastIndexOf('/') + 1);
            admin.grantRealmRoles(id, List.of(admin.realmRole("signup-admin").orElseThrow()));
        }
        return username;
    }
}
