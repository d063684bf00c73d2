package io.keycloaksignup.registration;

import static io.keycloaksignup.testing.Signups.PASSWORD;
import static io.keycloaksignup.testing.Signups.body;
import static io.keycloaksignup.testing.Signups.confirm;
import static io.keycloaksignup.testing.Signups.register;
import static io.keycloaksignup.testing.Signups.registerAndReadToken;
import static io.keycloaksignup.testing.Signups.uniqueEmail;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import com.icegreen.greenmail.util.GreenMail;
import io.keycloaksignup.devenv.KeycloakServer;
import io.keycloaksignup.keycloak.KeycloakAdmin;
import io.keycloaksignup.keycloak.KeycloakUser;
import io.keycloaksignup.keycloak.RealmSettings;
import io.keycloaksignup.testing.InjectGreenMail;
import io.keycloaksignup.testing.InjectKeycloak;
import io.keycloaksignup.testing.KeycloakTokens;
import io.keycloaksignup.testing.Mailbox;
import io.keycloaksignup.testing.RealmChanges;
import io.keycloaksignup.testing.TestEnvironment;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Sign-up behaves as Keycloak's own registration form does with the same realm settings: email as
 * username, username required, duplicate emails, login with email.
 */
@QuarkusTest
@WithTestResource(TestEnvironment.class)
class RealmSettingsParityTest {

    @InjectKeycloak
    KeycloakServer keycloak;

    @InjectGreenMail
    GreenMail greenMail;

    @Inject
    RealmSettings realmSettings;

    @Inject
    KeycloakAdmin admin;

    RealmChanges realm;
    Mailbox mailbox;

    @BeforeEach
    void setUp() {
        realm = new RealmChanges(keycloak, realmSettings);
        mailbox = new Mailbox(greenMail);
    }

    @AfterEach
    void restoreRealm() {
        realm.reset();
    }

    @Test
    void withEmailAsUsernameTheEmailBecomesTheUsernameAndNoneMayBeChosen() {
        realm.set(Map.of("registrationEmailAsUsername", true));
        String email = uniqueEmail();
        Map<String, Object> withUsername = body(email);
        Map<String, Object> withoutUsername = body(email);
        withoutUsername.remove("username");

        register(withUsername).then().statusCode(400).body("errors.code", hasItem("username_not_allowed"));
        confirm(registerAndReadToken(mailbox, withoutUsername)).then().statusCode(200);

        KeycloakUser user = admin.findByEmail(email).orElseThrow();
        assertThat(user.username()).isEqualTo(email);
        KeycloakTokens.passwordGrant(keycloak, email, PASSWORD).then().statusCode(200);
    }

    @Test
    void withoutEmailAsUsernameAUsernameIsRequired() {
        Map<String, Object> withoutUsername = body(uniqueEmail());
        withoutUsername.remove("username");

        register(withoutUsername).then().statusCode(400).body("errors.code", hasItem("username_required"));
    }

    @Test
    void withDuplicateEmailsRefusedAnAddressTakenInKeycloakEndsAsAccountExists() {
        String email = uniqueEmail();
        createForeignUser(email);

        confirm(registerAndReadToken(mailbox, body(email))).then().statusCode(409)
                .body(containsString("You already have an account"));
    }

    @Test
    void withDuplicateEmailsAllowedASecondAccountWithTheSameAddressIsCreated() {
        realm.set(Map.of("duplicateEmailsAllowed", true, "loginWithEmailAllowed", false));
        String email = uniqueEmail();
        createForeignUser(email);
        Map<String, Object> body = body(email);

        confirm(registerAndReadToken(mailbox, body)).then().statusCode(200);

        KeycloakTokens.passwordGrant(keycloak, (String) body.get("username"), PASSWORD).then().statusCode(200);
    }

    @Test
    void loginWithEmailFollowsTheRealm() {
        Map<String, Object> body = body(uniqueEmail());
        String email = (String) body.get("email");
        confirm(registerAndReadToken(mailbox, body)).then().statusCode(200);

        KeycloakTokens.passwordGrant(keycloak, email, PASSWORD).then().statusCode(200);
        realm.set(Map.of("loginWithEmailAllowed", false));
        KeycloakTokens.passwordGrant(keycloak, email, PASSWORD).then().statusCode(400)
                .body("error", equalTo("invalid_grant"));
        KeycloakTokens.passwordGrant(keycloak, (String) body.get("username"), PASSWORD).then().statusCode(200);
    }

    private void createForeignUser(String email) {
        KeycloakAdmin.Creation creation = admin.createUser(new KeycloakUser(null, "foreign-" + email.hashCode(),
                email, "Grace", "Hopper", true, true, null, null, null));
        assertThat(creation).isInstanceOf(KeycloakAdmin.Creation.Created.class);
    }
}
