package io.keycloaksignup.verification;

import static io.keycloaksignup.testing.Signups.body;
import static io.keycloaksignup.testing.Signups.confirm;
import static io.keycloaksignup.testing.Signups.registerAndReadToken;
import static io.keycloaksignup.testing.Signups.uniqueEmail;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;

import com.icegreen.greenmail.util.GreenMail;
import io.keycloaksignup.testing.InjectGreenMail;
import io.keycloaksignup.testing.InjectKeycloak;
import io.keycloaksignup.devenv.KeycloakServer;
import io.keycloaksignup.testing.KeycloakTokens;
import io.keycloaksignup.testing.Mailbox;
import io.keycloaksignup.testing.Signups;
import io.keycloaksignup.testing.TestEnvironment;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Keycloak goes away while a person confirms: the token survives and the retry succeeds once. */
@QuarkusTest
@WithTestResource(TestEnvironment.class)
class KeycloakOutageTest {

    @InjectKeycloak
    KeycloakServer keycloak;

    @InjectGreenMail
    GreenMail greenMail;

    @Test
    void aConfirmationDuringAnOutageCanBeRepeatedAndCreatesOneUser() {
        String email = uniqueEmail();
        String token = registerAndReadToken(new Mailbox(greenMail), body(email));

        keycloak.stop();
        try {
            confirm(token).then().statusCode(202)
                    .body(containsString("Almost done"))
                    .body(containsString("Try again"));
            confirm(token).then().statusCode(202);
            given().queryParam("token", token).get("/verify").then().statusCode(202);
        } finally {
            keycloak.start();
        }

        confirm(token).then().statusCode(200).body(containsString("Your account is ready"));
        confirm(token).then().statusCode(200);
        KeycloakTokens.passwordGrant(keycloak, email, Signups.PASSWORD).then().statusCode(200);
        List<Object> users = given().auth().oauth2(KeycloakTokens.serviceAccount(keycloak))
                .queryParam("email", email).queryParam("exact", true)
                .get(keycloak.url() + "/admin/realms/" + TestEnvironment.REALM + "/users")
                .then().statusCode(200).extract().jsonPath().getList("id");
        assertThat(users).hasSize(1);
    }
}
