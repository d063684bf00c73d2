package io.keycloaksignup.registration;

import static io.keycloaksignup.testing.Signups.body;
import static io.keycloaksignup.testing.Signups.execute;
import static io.keycloaksignup.testing.Signups.queryNumber;
import static io.keycloaksignup.testing.Signups.registerAndReadToken;
import static io.keycloaksignup.testing.Signups.uniqueEmail;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import io.keycloaksignup.testing.InjectGreenMail;
import io.keycloaksignup.testing.Mailbox;
import io.keycloaksignup.testing.TestEnvironment;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Asking for a new link: it kills the old one, is rate-limited, and reveals nothing. */
@QuarkusTest
@WithTestResource(TestEnvironment.class)
class ResendTest {

    @InjectGreenMail
    GreenMail greenMail;

    @Inject
    DataSource dataSource;

    Mailbox mailbox;

    @BeforeEach
    void openMailbox() {
        mailbox = new Mailbox(greenMail);
    }

    @Test
    void aResendAfterTheCooldownMailsANewLinkAndTheOldOneStopsWorking() {
        String email = uniqueEmail();
        String oldToken = registerAndReadToken(mailbox, body(email));
        endCooldown(email);

        resend(email).then().statusCode(202);

        String newToken = Mailbox.tokenIn(mailbox.awaitLatest(email, 2));
        assertThat(newToken).isNotEqualTo(oldToken);
        given().queryParam("token", oldToken).get("/verify").then().statusCode(404);
        given().queryParam("token", newToken).get("/verify").then().statusCode(200);
    }

    @Test
    void aResendWithinTheCooldownChangesNothing() {
        String email = uniqueEmail();
        String token = registerAndReadToken(mailbox, body(email));

        resend(email).then().statusCode(202);

        assertThat(messagesQueuedFor(email)).as("only the sign-up's mail").isOne();
        given().queryParam("token", token).get("/verify").then().statusCode(200);
    }

    @Test
    void aRegistrationGetsAtMostTheConfiguredNumberOfResends() {
        String email = uniqueEmail();
        registerAndReadToken(mailbox, body(email));
        for (int i = 1; i <= 5; i++) {
            endCooldown(email);
            resend(email).then().statusCode(202);
            assertThat(messagesQueuedFor(email)).isEqualTo(1 + i);
        }

        endCooldown(email);
        resend(email).then().statusCode(202);

        assertThat(messagesQueuedFor(email)).as("the sixth resend is ignored").isEqualTo(6);
        mailbox.awaitMessages(email, 6);
    }

    @Test
    void knownAndUnknownAddressesGetTheSameAnswer() {
        String known = uniqueEmail();
        registerAndReadToken(mailbox, body(known));
        endCooldown(known);

        Response forKnown = resend(known);
        Response forUnknown = resend(uniqueEmail());
        Response forGarbage = given().contentType(ContentType.JSON).body(Map.of("email", "not an address"))
                .post("/register/resend");

        for (Response answer : new Response[] {forKnown, forUnknown, forGarbage}) {
            answer.then().statusCode(202).contentType(ContentType.JSON);
            assertThat(answer.asString()).isEqualTo(RegistrationResource.RESEND_BODY);
        }
    }

    private Response resend(String email) {
        return given().contentType(ContentType.JSON).body(Map.of("email", email)).post("/register/resend");
    }

    private void endCooldown(String email) {
        execute(dataSource, "UPDATE registration SET mail_requested_at = ? WHERE lower(email_normalized) = ?",
                Timestamp.from(Instant.now().minusSeconds(61)), email.toLowerCase());
    }

    private long messagesQueuedFor(String email) {
        return queryNumber(dataSource, "SELECT count(*) FROM outbox o JOIN registration r"
                + " ON r.id = o.registration_id WHERE lower(r.email_normalized) = ?"
                + " AND o.kind = 'verification_mail'", email.toLowerCase());
    }
}
