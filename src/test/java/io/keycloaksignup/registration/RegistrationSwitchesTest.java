package io.keycloaksignup.registration;

import static io.keycloaksignup.testing.Signups.body;
import static io.keycloaksignup.testing.Signups.register;
import static io.keycloaksignup.testing.Signups.uniqueEmail;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

import io.keycloaksignup.testing.TestEnvironment;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code signup.registration.enabled=false}: the sign-up API and page are closed, nothing is stored. */
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

    @Test
    void theSignUpPageSaysRegistrationIsClosedWith403() {
        given().accept("text/html").get("/register").then().statusCode(403)
                .contentType(containsString("text/html"))
                .body(containsString("Registration is closed"))
                .body(not(containsString("name=\"password\"")));
    }

    @Test
    void aPostedFormAlsoGetsTheClosedPage() {
        String csrf = "c".repeat(22);
        given().accept("text/html").cookie("csrf-token", csrf).formParam("csrf-token", csrf)
                .formParam("email", uniqueEmail()).post("/register")
                .then().statusCode(403).body(containsString("Registration is closed"));
    }
}
