package io.keycloaksignup.keycloak;

import static io.keycloaksignup.testing.Signups.PASSWORD;
import static io.keycloaksignup.testing.Signups.body;
import static io.keycloaksignup.testing.Signups.confirm;
import static io.keycloaksignup.testing.Signups.registerAndReadToken;
import static io.keycloaksignup.testing.Signups.uniqueEmail;
import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import io.keycloaksignup.testing.InjectGreenMail;
import io.keycloaksignup.testing.InjectKeycloak;
import io.keycloaksignup.devenv.KeycloakServer;
import io.keycloaksignup.testing.KeycloakTokens;
import io.keycloaksignup.testing.Mailbox;
import io.keycloaksignup.testing.RealmChanges;
import io.keycloaksignup.testing.TestEnvironment;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The credential format follows the realm's password policy, so that Keycloak keeps the imported
 * hash as it is at the first login instead of re-hashing it.
 */
@QuarkusTest
@WithTestResource(TestEnvironment.class)
class RealmHashPolicyTest {

    @InjectKeycloak
    KeycloakServer keycloak;

    @InjectGreenMail
    GreenMail greenMail;

    @Inject
    RealmSettings realmSettings;

    @Inject
    KeycloakAdmin admin;

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "''                                                        | argon2        | 5",
        "hashAlgorithm(pbkdf2-sha256) and hashIterations(310000)   | pbkdf2-sha256 | 310000",
        "length(12) and hashAlgorithm(pbkdf2-sha512)               | pbkdf2-sha512 | 210000",
        "hashIterations(3)                                         | argon2        | 3",
    })
    void aNewUserKeepsTheHashTheRealmAsksFor(String policy, String algorithm, int iterations) {
        setRealmPolicy(policy);
        try {
            String email = uniqueEmail();
            String token = registerAndReadToken(new Mailbox(greenMail), body(email));
            confirm(token).then().statusCode(200);
            String userId = admin.findByEmail(email).orElseThrow().id();

            KeycloakTokens.passwordGrant(keycloak, email, PASSWORD).then().statusCode(200);

            assertThat(KeycloakTokens.credentialData(keycloak, userId))
                    .contains("\"algorithm\":\"" + algorithm + "\"")
                    .contains("\"hashIterations\":" + iterations);
        } finally {
            setRealmPolicy("");
        }
    }

    private void setRealmPolicy(String policy) {
        new RealmChanges(keycloak, realmSettings).set(Map.of("passwordPolicy", policy));
    }
}
