package io.keycloaksignup.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.keycloaksignup.devenv.KeycloakServer;
import io.keycloaksignup.testing.EmbeddedDatabase;
import io.keycloaksignup.testing.Mailbox;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Two packaged-jar instances on one PostgreSQL under a bounded load of sign-ups; one is killed
 * with SIGKILL midway. Every sign-up answered 202 by either instance must end as exactly one
 * verification mail. The only duplicates SMTP makes unavoidable are mails the killed instance had
 * handed to the mail server but not yet recorded as sent: at most one per sending thread.
 */
class TwoInstancesIT {

    private static final Logger LOG = Logger.getLogger(TwoInstancesIT.class);
    static final int SIGN_UPS = 120;
    /** The killed instance sends on its scheduler thread and on its nudge thread. */
    static final int MAX_IN_FLIGHT_AT_KILL = 2;

    final Path build = Path.of(System.getProperty("build.dir", "target"));
    final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    final List<Process> instances = new ArrayList<>();
    EmbeddedDatabase database;
    GreenMail greenMail;

    @AfterEach
    void stopEverything() {
        instances.forEach(process -> {
            process.destroy();
            try {
                process.waitFor(20, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            process.destroyForcibly();
        });
        if (greenMail != null) {
            greenMail.stop();
        }
        if (database != null) {
            database.stop();
        }
    }

    @Test
    void everyAcceptedSignUpGetsExactlyOneMailWhenAnInstanceIsKilled() throws Exception {
        Figures figures = signUpsWhileOneInstanceStops(true, Duration.ofMinutes(3));

        assertThat(figures.accepted()).as("most sign-ups were accepted").isGreaterThan(SIGN_UPS / 2);
        assertThat(figures.lost()).as("accepted sign-ups without a mail").isZero();
        assertThat(figures.duplicates()).as("second mails beyond SMTP's unavoidable window")
                .isLessThanOrEqualTo(MAX_IN_FLIGHT_AT_KILL);
    }

    /**
     * SIGTERM instead: requests in flight finish and the stopping instance hands its claimed mails
     * back. The wait covers a claim's full life ({@code OutboxSender.CLAIM}, 90 s): the hand-over is
     * usually immediate, but a claim taken while the instance was shutting down was seen to wait
     * out its time (an open defect, see the README's limitations); nothing may be lost or doubled.
     */
    @Test
    void aGracefulStopLosesNothingAndDuplicatesNothing() throws Exception {
        Figures figures = signUpsWhileOneInstanceStops(false, Duration.ofSeconds(150));

        assertThat(figures.accepted()).as("most sign-ups were accepted").isGreaterThan(SIGN_UPS / 2);
        assertThat(figures.lost()).as("accepted sign-ups without a mail").isZero();
        assertThat(figures.duplicates()).as("duplicates").isZero();
    }

    record Figures(int sent, int accepted, int delivered, long duplicates, long lost) {
    }

    private Figures signUpsWhileOneInstanceStops(boolean kill, Duration mailWait) throws Exception {
        database = new EmbeddedDatabase(build.resolve("it-postgres"));
        database.startFresh();
        greenMail = new GreenMail(new ServerSetup(KeycloakServer.freePort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        greenMail.start();
        int portA = start("a");
        int portB = start("b");

        Set<String> accepted = ConcurrentHashMap.newKeySet();
        AtomicInteger sent = new AtomicInteger();
        ExecutorService load = Executors.newFixedThreadPool(4);
        for (int i = 0; i < SIGN_UPS; i++) {
            int port = i % 2 == 0 ? portA : portB;
            String email = "it-" + i + "-" + UUID.randomUUID() + "@example.com";
            load.submit(() -> {
                if (register(port, email) == 202) {
                    accepted.add(email);
                }
                sent.incrementAndGet();
            });
        }
        while (sent.get() < SIGN_UPS / 2) {
            Thread.sleep(20);
        }
        if (kill) {
            instances.getFirst().destroyForcibly(); // SIGKILL midway: no shutdown hooks, no cleanup
        } else {
            instances.getFirst().destroy(); // SIGTERM: graceful shutdown
        }
        LOG.infof("Instance a stopped with %s after %d sign-ups", kill ? "SIGKILL" : "SIGTERM", sent.get());
        load.shutdown();
        assertThat(load.awaitTermination(2, TimeUnit.MINUTES)).isTrue();

        Mailbox mailbox = new Mailbox(greenMail);
        Map<String, Integer> mails = awaitMails(mailbox, accepted, mailWait);
        long lost = accepted.stream().filter(email -> mails.getOrDefault(email, 0) == 0).count();
        long duplicates = accepted.stream().mapToInt(email -> Math.max(0, mails.getOrDefault(email, 0) - 1)).sum();
        int delivered = accepted.stream().mapToInt(e -> mails.getOrDefault(e, 0)).sum();
        String figures = (kill ? "SIGKILL" : "SIGTERM") + ": sign-ups sent " + sent.get() + ", answered 202 "
                + accepted.size() + ", mails delivered to them " + delivered + ", duplicates " + duplicates
                + ", losses " + lost;
        LOG.info("Two instances, one stopped: " + figures);
        Files.writeString(build.resolve("reliability-two-instances.txt"), figures + "\n",
                StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        return new Figures(sent.get(), accepted.size(), delivered, duplicates, lost);
    }

    private Map<String, Integer> awaitMails(Mailbox mailbox, Set<String> accepted, Duration timeout)
            throws InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        Map<String, Integer> counts = Map.of();
        while (Instant.now().isBefore(deadline)) {
            counts = accepted.stream().collect(Collectors.toMap(Function.identity(),
                    email -> mailbox.messagesFor(email).size()));
            if (counts.values().stream().allMatch(count -> count > 0)) {
                Thread.sleep(3000); // let any late duplicate arrive before counting
                return accepted.stream().collect(Collectors.toMap(Function.identity(),
                        email -> mailbox.messagesFor(email).size()));
            }
            Thread.sleep(500);
        }
        return counts;
    }

    private int register(int port, String email) {
        String body = "{\"email\":\"" + email + "\",\"username\":\"u" + email.hashCode() + "x\","
                + "\"password\":\"a long and private passphrase\",\"firstName\":\"Ada\",\"lastName\":\"Lovelace\"}";
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/register"))
                .timeout(Duration.ofSeconds(30)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        try {
            return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    /** Starts the packaged jar in prod mode against the shared database and mail server. */
    private int start(String name) throws IOException, InterruptedException {
        int port = KeycloakServer.freePort();
        Path jar = build.resolve("quarkus-app/quarkus-run.jar");
        assertThat(jar).as("the packaged application (mvn package runs before failsafe)").exists();
        String java = ProcessHandle.current().info().command().orElse("java");
        ProcessBuilder builder = new ProcessBuilder(java, "-Xmx256m",
                "-Dquarkus.http.port=" + port,
                "-Dquarkus.http.host=127.0.0.1",
                "-Dquarkus.datasource.jdbc.url=" + database.jdbcUrl(),
                "-Dquarkus.datasource.username=postgres",
                "-Dquarkus.datasource.password=postgres",
                "-Dquarkus.mailer.host=127.0.0.1",
                "-Dquarkus.mailer.port=" + greenMail.getSmtp().getPort(),
                "-Dquarkus.mailer.start-tls=DISABLED",
                "-Dsignup.keycloak.url=http://127.0.0.1:" + KeycloakServer.freePort(),
                "-Dsignup.keycloak.realm=it",
                "-Dsignup.keycloak.client-secret=it-only",
                "-Dsignup.public-url=https://signup.example.test",
                "-jar", jar.toString())
                .redirectErrorStream(true)
                .redirectOutput(build.resolve("it-instance-" + name + ".log").toFile());
        Process process = builder.start();
        instances.add(process);
        Instant deadline = Instant.now().plus(Duration.ofMinutes(2));
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("instance " + name + " exited; see it-instance-" + name + ".log");
            }
            if (ready(port)) {
                return port;
            }
            Thread.sleep(300);
        }
        throw new IllegalStateException("instance " + name + " not ready in time");
    }

    private boolean ready(int port) {
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/q/health/ready"))
                    .timeout(Duration.ofSeconds(2)).build();
            return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
