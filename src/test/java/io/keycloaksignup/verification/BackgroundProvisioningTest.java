package io.keycloaksignup.verification;

import static io.keycloaksignup.testing.Signups.body;
import static io.keycloaksignup.testing.Signups.confirm;
import static io.keycloaksignup.testing.Signups.queryNumber;
import static io.keycloaksignup.testing.Signups.registerAndReadToken;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import io.keycloaksignup.devenv.KeycloakServer;
import io.keycloaksignup.testing.Eventually;
import io.keycloaksignup.testing.InjectGreenMail;
import io.keycloaksignup.testing.InjectKeycloak;
import io.keycloaksignup.testing.KeycloakTokens;
import io.keycloaksignup.testing.Mailbox;
import io.keycloaksignup.testing.Signups;
import io.keycloaksignup.testing.TestEnvironment;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.jboss.logging.Logger;
import org.junit.jupiter.api.Test;

/**
 * Keycloak is down while people confirm: each is told the account is being finished, and the
 * background worker creates every account exactly once when Keycloak is back, without anybody
 * pressing anything, and mails each person that the account is ready.
 */
@QuarkusTest
@WithTestResource(TestEnvironment.class)
class BackgroundProvisioningTest {

    private static final Logger LOG = Logger.getLogger(BackgroundProvisioningTest.class);
    private static final int CONFIRMATIONS = 50;

    @InjectKeycloak
    KeycloakServer keycloak;

    @InjectGreenMail
    GreenMail greenMail;

    @Inject
    DataSource dataSource;

    @Test
    void confirmationsDuringAKeycloakOutageBecomeUsersOnceItIsBackAndEachPersonIsMailed() {
        Mailbox mailbox = new Mailbox(greenMail);
        String batch = "kc-outage-" + UUID.randomUUID().toString().substring(0, 8);
        Map<String, String> tokens = new LinkedHashMap<>();
        for (int i = 0; i < CONFIRMATIONS; i++) {
            String email = batch + "-" + i + "@example.com";
            tokens.put(email, registerAndReadToken(mailbox, body(email)));
        }

        keycloak.stop();
        List<Integer> statuses = new ArrayList<>();
        try {
            tokens.values().forEach(token -> statuses.add(confirm(token).statusCode()));
            assertThat(verified(batch)).as("confirmed but not created while Keycloak is down")
                    .isEqualTo(CONFIRMATIONS);
        } finally {
            keycloak.start();
        }
        assertThat(statuses).as("everyone is told the account is being finished").containsOnly(202);

        Eventually.within(Duration.ofSeconds(240), "the worker provisions every confirmed registration",
                () -> provisioned(batch) == CONFIRMATIONS, () -> provisioned(batch) + " provisioned");
        Eventually.within(Duration.ofSeconds(180), "every \"ready\" mail is sent",
                () -> readyMailsSent(batch) == CONFIRMATIONS, () -> readyMailsSent(batch) + " sent");

        String serviceToken = KeycloakTokens.serviceAccount(keycloak);
        int users = 0;
        int readyMails = 0;
        for (String email : tokens.keySet()) {
            List<Object> found = given().auth().oauth2(serviceToken)
                    .queryParam("email", email).queryParam("exact", true)
                    .get(keycloak.url() + "/admin/realms/" + TestEnvironment.REALM + "/users")
                    .then().statusCode(200).extract().jsonPath().getList("id");
            assertThat(found).as("Keycloak users for " + email).hasSize(1);
            users += found.size();
            List<MimeMessage> ready = mailbox.messagesFor(email).stream().filter(this::isReadyMail).toList();
            assertThat(ready).as("\"ready\" mails for " + email).hasSize(1);
            assertThat(Mailbox.textPart(ready.getFirst())).contains("account is ready")
                    .contains("/realms/" + TestEnvironment.REALM + "/account");
            readyMails += ready.size();
        }
        LOG.infof("Keycloak outage: %d confirmations, %d users created, %d ready mails", CONFIRMATIONS,
                users, readyMails);
        String someone = tokens.keySet().iterator().next();
        KeycloakTokens.passwordGrant(keycloak, someone, Signups.PASSWORD).then().statusCode(200);
        confirm(tokens.get(someone)).then().statusCode(200);
    }

    private boolean isReadyMail(MimeMessage message) {
        try {
            return message.getSubject().endsWith("account is ready");
        } catch (MessagingException e) {
            return false;
        }
    }

    private long verified(String batch) {
        return countInState(batch, "VERIFIED");
    }

    private long provisioned(String batch) {
        return countInState(batch, "PROVISIONED");
    }

    private long countInState(String batch, String state) {
        return queryNumber(dataSource, "SELECT count(*) FROM registration WHERE email LIKE ? AND state = ?",
                batch + "%", state);
    }

    private long readyMailsSent(String batch) {
        return queryNumber(dataSource, "SELECT count(*) FROM outbox o JOIN registration r ON r.id = o.registration_id"
                + " WHERE r.email LIKE ? AND o.kind = 'account_ready_mail' AND o.state = 'sent'", batch + "%");
    }
}
