package io.keycloaksignup.testing;

import static io.restassured.RestAssured.given;

import io.keycloaksignup.devenv.KeycloakServer;
import io.restassured.response.Response;

/** Tokens from the test Keycloak, obtained the way clients obtain them. */
public final class KeycloakTokens {

    private KeycloakTokens() {
    }

    /** Logs a user in at the realm with the test app's direct access grant. */
    public static Response passwordGrant(KeycloakServer keycloak, String username, String password) {
        return given().formParam("grant_type", "password")
                .formParam("client_id", TestEnvironment.TEST_APP_CLIENT)
                .formParam("username", username)
                .formParam("password", password)
                .formParam("scope", "openid")
                .post(keycloak.url() + "/realms/" + TestEnvironment.REALM + "/protocol/openid-connect/token");
    }

    /** The service account's token, as the service itself gets it. */
    public static String serviceAccount(KeycloakServer keycloak) {
        return given().formParam("grant_type", "client_credentials")
                .formParam("client_id", "keycloak-signup")
                .formParam("client_secret", TestEnvironment.CLIENT_SECRET)
                .post(keycloak.url() + "/realms/" + TestEnvironment.REALM + "/protocol/openid-connect/token")
                .then().statusCode(200).extract().path("access_token");
    }

    /** The bootstrap admin's token from the master realm, for changing realm settings in tests. */
    public static String masterAdmin(KeycloakServer keycloak) {
        return given().formParam("grant_type", "password")
                .formParam("client_id", "admin-cli")
                .formParam("username", keycloak.adminUser())
                .formParam("password", keycloak.adminPassword())
                .post(keycloak.url() + "/realms/master/protocol/openid-connect/token")
                .then().statusCode(200).extract().path("access_token");
    }

    /** The stored password credential's credentialData of a user, as Keycloak holds it now. */
    public static String credentialData(KeycloakServer keycloak, String userId) {
        return given().auth().oauth2(serviceAccount(keycloak))
                .get(keycloak.url() + "/admin/realms/" + TestEnvironment.REALM + "/users/" + userId + "/credentials")
                .then().statusCode(200).extract().path("[0].credentialData");
    }
}
