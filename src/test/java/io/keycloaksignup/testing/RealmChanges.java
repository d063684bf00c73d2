package io.keycloaksignup.testing;

import static io.restassured.RestAssured.given;

import io.keycloaksignup.devenv.KeycloakServer;
import io.keycloaksignup.keycloak.RealmSettings;
import io.restassured.http.ContentType;
import java.util.Map;

/**
 * Changes the test realm's settings the way an operator would in the admin console, and makes
 * the service read them at once. Tests that change a setting put it back in a finally block.
 */
public final class RealmChanges {

    private final KeycloakServer keycloak;
    private final RealmSettings realmSettings;

    public RealmChanges(KeycloakServer keycloak, RealmSettings realmSettings) {
        this.keycloak = keycloak;
        this.realmSettings = realmSettings;
    }

    /** Partial update of the realm representation, e.g. {@code Map.of("duplicateEmailsAllowed", true)}. */
    public void set(Map<String, Object> settings) {
        given().auth().oauth2(KeycloakTokens.masterAdmin(keycloak)).contentType(ContentType.JSON)
                .body(settings)
                .put(keycloak.url() + "/admin/realms/" + TestEnvironment.REALM)
                .then().statusCode(204);
        realmSettings.refresh();
    }

    /** Keycloak's defaults, as the test realm ships. */
    public void reset() {
        set(Map.of("registrationEmailAsUsername", false, "loginWithEmailAllowed", true,
                "duplicateEmailsAllowed", false, "passwordPolicy", ""));
    }
}
