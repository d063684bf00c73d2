package io.keycloaksignup.mail;

import static io.keycloaksignup.testing.Signups.body;
import static io.keycloaksignup.testing.Signups.queryNumber;
import static io.keycloaksignup.testing.Signups.register;
import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import io.keycloaksignup.testing.Eventually;
import io.keycloaksignup.testing.InjectGreenMail;
import io.keycloaksignup.testing.Mailbox;
import io.keycloaksignup.testing.TestEnvironment;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import javax.sql.DataSource;
import org.jboss.logging.Logger;
import org.junit.jupiter.api.Test;

/** The mail server is down while people sign up: nobody is refused and nobody's mail is lost. */
@QuarkusTest
@WithTestResource(TestEnvironment.class)
class MailOutageTest {

    private static final Logger LOG = Logger.getLogger(MailOutageTest.class);
    /** Enough to overlap sends and retries, small enough for a shared two-CPU machine. */
    private static final int SIGN_UPS = 200;

    @InjectGreenMail
    GreenMail greenMail;

    @Inject
    DataSource dataSource;

    @Test
    void signUpsDuringAnSmtpOutageAreAllAcceptedAndEachGetsExactlyOneMailOnceItIsBack() throws Exception {
        String batch = "outage-" + UUID.randomUUID().toString().substring(0, 8);
        List<String> emails = IntStream.range(0, SIGN_UPS).mapToObj(i -> batch + "-" + i + "@example.com").toList();
        int port = greenMail.getSmtp().getPort();

        greenMail.stop();
        List<Integer> statuses;
        try {
            statuses = registerAll(emails);
            Eventually.within(Duration.ofSeconds(120), "every message has failed at least once",
                    () -> failedAtLeastOnce(batch) == SIGN_UPS, () -> failedAtLeastOnce(batch));
        } finally {
            greenMail.start();
        }
        assertThat(greenMail.getSmtp().getPort()).isEqualTo(port);
        assertThat(statuses).as("no sign-up waits for or fails on the mail server")
                .hasSize(SIGN_UPS).containsOnly(202);

        Mailbox mailbox = new Mailbox(greenMail);
        Eventually.within(Duration.ofSeconds(240), "every message is sent",
                () -> sent(batch) == SIGN_UPS, () -> sent(batch) + " sent");
        Map<String, Integer> mailsPerAddress = new java.util.TreeMap<>();
        emails.forEach(email -> mailsPerAddress.put(email, mailbox.messagesFor(email).size()));
        LOG.infof("Mail outage: %d sign-ups, %d mails delivered, %d addresses with duplicates, %d without mail",
                SIGN_UPS, mailsPerAddress.values().stream().mapToInt(Integer::intValue).sum(),
                mailsPerAddress.values().stream().filter(n -> n > 1).count(),
                mailsPerAddress.values().stream().filter(n -> n == 0).count());
        assertThat(mailsPerAddress).as("mails per address").allSatisfy((email, count) -> assertThat(count).isOne());
        assertThat(queryNumber(dataSource, "SELECT count(*) FROM outbox o JOIN registration r"
                + " ON r.id = o.registration_id WHERE r.email LIKE ? AND o.state <> 'sent'", batch + "%"))
                .as("nothing dead, cancelled or still pending").isZero();
        for (String email : emails) {
            String token = Mailbox.tokenIn(mailbox.messagesFor(email).getFirst());
            assertThat(queryNumber(dataSource, "SELECT count(*) FROM registration WHERE token_hash = ?"
                    + " AND email = ?", io.keycloaksignup.verification.VerificationToken.hashOf(token), email))
                    .as("the link in the mail works").isOne();
        }
    }

    private List<Integer> registerAll(List<String> emails) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Callable<Integer>> calls = emails.stream()
                    .map(email -> (Callable<Integer>) () -> register(body(email)).statusCode()).toList();
            List<Integer> statuses = new java.util.ArrayList<>();
            for (Future<Integer> answer : pool.invokeAll(calls)) {
                statuses.add(answer.get());
            }
            return statuses;
        } finally {
            pool.shutdownNow();
        }
    }

    private long failedAtLeastOnce(String batch) {
        return queryNumber(dataSource, "SELECT count(*) FROM outbox o JOIN registration r ON r.id = o.registration_id"
                + " WHERE r.email LIKE ? AND o.state = 'pending' AND o.last_error IS NOT NULL", batch + "%");
    }

    private long sent(String batch) {
        return queryNumber(dataSource, "SELECT count(*) FROM outbox o JOIN registration r ON r.id = o.registration_id"
                + " WHERE r.email LIKE ? AND o.state = 'sent'", batch + "%");
    }
}
