package io.keycloaksignup.registration;

import static io.keycloaksignup.testing.Signups.body;
import static io.keycloaksignup.testing.Signups.register;
import static io.keycloaksignup.testing.Signups.uniqueEmail;
import static org.hamcrest.Matchers.equalTo;

import io.keycloaksignup.testing.TestEnvironment;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code signup.registration.enabled=false}: the sign-up API is closed, nothing is stored. */
@QuarkusTest
@WithTestResource(TestEnvironment.class)
@TestProfile(RegistrationSwitchesTest.Closed.class)
class RegistrationSwitchesTest {

    public static class Closed implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("signup.registration.enabled", "false");
        }
    }

    @Test
    void aClosedRegistrationAnswers403WithItsCode() {
        register(body(uniqueEmail())).then().statusCode(403)
                .contentType("application/problem+json")
                .body("code", equalTo("registration_disabled"));
    }
}
