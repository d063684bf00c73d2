package io.keycloaksignup.registration;

import static io.keycloaksignup.testing.Signups.body;
import static io.keycloaksignup.testing.Signups.confirm;
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
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Links run out and personal data does not outlive the retention period. */
@QuarkusTest
@WithTestResource(TestEnvironment.class)
class HousekeepingTest {

    @InjectGreenMail
    GreenMail greenMail;

    @Inject
    DataSource dataSource;

    @Inject
    RegistrationHousekeeping housekeeping;

    Mailbox mailbox;

    @BeforeEach
    void openMailbox() {
        mailbox = new Mailbox(greenMail);
    }

    @Test
    void aPendingRegistrationWhoseLinkRanOutBecomesExpiredAndLosesItsPasswordHash() {
        String expiring = uniqueEmail();
        String waiting = uniqueEmail();
        String token = registerAndReadToken(mailbox, body(expiring));
        registerAndReadToken(mailbox, body(waiting));
        execute(dataSource, "UPDATE registration SET expires_at = ? WHERE lower(email_normalized) = ?",
                Timestamp.from(Instant.now().minusSeconds(1)), expiring);

        housekeeping.run();

        Registration expired = registration(expiring);
        assertThat(expired.state).isEqualTo(RegistrationState.EXPIRED);
        assertThat(expired.passwordSecretData).isNull();
        assertThat(expired.passwordCredentialData).isNull();
        assertThat(registration(waiting).state).isEqualTo(RegistrationState.PENDING);
        assertThat(registration(waiting).passwordSecretData).isNotNull();
        given().queryParam("token", token).get("/verify").then().statusCode(410);
    }

    @Test
    void finishedRegistrationsAreDeletedOnlyAfterTheRetentionPeriod() {
        String oldExpired = uniqueEmail();
        String oldProvisioned = uniqueEmail();
        String recentProvisioned = uniqueEmail();
        String oldPending = uniqueEmail();
        registerAndReadToken(mailbox, body(oldExpired));
        confirm(registerAndReadToken(mailbox, body(oldProvisioned))).then().statusCode(200);
        confirm(registerAndReadToken(mailbox, body(recentProvisioned))).then().statusCode(200);
        registerAndReadToken(mailbox, body(oldPending));
        UUID oldProvisionedId = registration(oldProvisioned).id;
        Timestamp eightDaysAgo = Timestamp.from(Instant.now().minus(Duration.ofDays(8)));
        execute(dataSource, "UPDATE registration SET state = 'EXPIRED', updated_at = ?"
                + " WHERE lower(email_normalized) = ?", eightDaysAgo, oldExpired);
        execute(dataSource, "UPDATE registration SET updated_at = ? WHERE lower(email_normalized) IN (?, ?)",
                eightDaysAgo, oldProvisioned, oldPending);

        housekeeping.run();

        assertThat(rowsFor(oldExpired)).as("expired 8 days ago").isZero();
        assertThat(rowsFor(oldProvisioned)).as("provisioned 8 days ago").isZero();
        assertThat(queryNumber(dataSource, "SELECT count(*) FROM outbox WHERE registration_id = ?",
                oldProvisionedId)).as("its mails go with it").isZero();
        assertThat(rowsFor(recentProvisioned)).as("provisioned just now").isOne();
        assertThat(rowsFor(oldPending)).as("still waiting for its link").isOne();
    }

    private long rowsFor(String email) {
        return queryNumber(dataSource, "SELECT count(*) FROM registration WHERE lower(email_normalized) = ?",
                email.toLowerCase());
    }

    private Registration registration(String email) {
        return QuarkusTransaction.requiringNew().call(() -> Registration
                .<Registration>find("lower(emailNormalized) = ?1", email.toLowerCase()).singleResult());
    }
}
