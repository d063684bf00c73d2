package io.keycloaksignup.registration;

import static io.keycloaksignup.testing.Signups.PASSWORD;
import static io.keycloaksignup.testing.Signups.body;
import static io.keycloaksignup.testing.Signups.register;
import static io.keycloaksignup.testing.Signups.uniqueEmail;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

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
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@code signup.verification.enabled=false}, Keycloak's "verify email" off: the user is created at
 * once, unverified, and no mail is sent; a taken address is reported as Keycloak's form does.
 */
@QuarkusTest
@WithTestResource(TestEnvironment.class)
@TestProfile(VerificationOffTest.Off.class)
class VerificationOffTest {

    public static class Off implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("signup.verification.enabled", "false",
                    "signup.terms.version", "2026-12",
                    "signup.terms.url", "https://acme.example.test/terms",
                    "signup.redirect.allowed", "https://partner.example.test/done",
                    // The pages' theme shares this profile to spare the tests a restart.
                    "signup.theme.product-name", "Acme ID",
                    "signup.theme.logo-url", "https://cdn.acme.example.test/logo.svg",
                    "signup.theme.primary-color", "#7a1fa2",
                    "signup.theme.support-email", "help@acme.example.test",
                    "signup.theme.footer-links", "Privacy|https://acme.example.test/privacy");
        }
    }

    @InjectKeycloak
    KeycloakServer keycloak;

    @InjectGreenMail
    GreenMail greenMail;

    @Inject
    KeycloakAdmin admin;

    @Test
    void createsTheUserAtOnceWith201AndSendsNoMail() {
        String email = uniqueEmail();
        Map<String, Object> body = body(email);
        body.put("acceptTerms", true);

        String userId = register(body).then().statusCode(201)
                .header("Location", keycloak.url() + "/realms/" + TestEnvironment.REALM + "/account")
                .body("status", equalTo("created"))
                .body("userId", notNullValue())
                .extract().path("userId");

        KeycloakUser user = admin.getUser(userId).orElseThrow();
        assertThat(user.email()).isEqualTo(email);
        assertThat(user.emailVerified()).isFalse();
        assertThat(user.attribute("signup_terms_version")).isEqualTo("2026-12");
        assertThat(Long.parseLong(user.attribute("terms_and_conditions")))
                .isCloseTo(System.currentTimeMillis() / 1000, org.assertj.core.data.Offset.offset(120L));
        KeycloakTokens.passwordGrant(keycloak, email, PASSWORD).then().statusCode(200);
        assertThat(new Mailbox(greenMail).messagesFor(email)).isEmpty();
    }

    @Test
    void aTakenAddressIsAConflict() {
        String email = uniqueEmail();
        Map<String, Object> first = body(email);
        first.put("acceptTerms", true);
        register(first).then().statusCode(201);
        Map<String, Object> second = body(email);
        second.put("acceptTerms", true);
        second.put("username", "another-" + second.get("username"));

        register(second).then().statusCode(409).body("code", equalTo("account_exists"));
    }

    @Test
    void termsMustBeAccepted() {
        Map<String, Object> body = body(uniqueEmail());

        register(body).then().statusCode(400).body("errors[0].code", equalTo("terms_not_accepted"))
                .body("errors[0].field", equalTo("acceptTerms"));
        body.put("acceptTerms", false);
        register(body).then().statusCode(400).body("errors[0].code", equalTo("terms_not_accepted"));
    }

    @Test
    void onlyRegisteredOrConfiguredRedirectUrisAreAccepted() {
        Map<String, Object> registered = body(uniqueEmail());
        registered.put("acceptTerms", true);
        registered.put("clientId", "signup-web-app");
        registered.put("redirectUri", "https://app.example.test/after-signup/step-2");
        Map<String, Object> configured = body(uniqueEmail());
        configured.put("acceptTerms", true);
        configured.put("redirectUri", "https://partner.example.test/done");
        Map<String, Object> foreign = body(uniqueEmail());
        foreign.put("acceptTerms", true);
        foreign.put("clientId", "signup-web-app");
        foreign.put("redirectUri", "https://evil.example.test/after-signup/");
        Map<String, Object> unknownClient = body(uniqueEmail());
        unknownClient.put("acceptTerms", true);
        unknownClient.put("clientId", "no-such-client");

        register(registered).then().statusCode(201);
        register(configured).then().statusCode(201);
        register(foreign).then().statusCode(400).body("errors[0].code", equalTo("redirect_uri_not_allowed"));
        register(unknownClient).then().statusCode(400).body("errors[0].code", equalTo("client_unknown"));
    }
}
