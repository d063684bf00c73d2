package io.keycloaksignup.testing;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.keycloaksignup.devenv.KeycloakServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.jboss.logging.Logger;

/**
 * Real PostgreSQL (embedded binaries), a real SMTP server (GreenMail) and a real Keycloak (the
 * official distribution as a child process), started for the test run and stopped at its end,
 * and by a shutdown hook when the JVM exits early. Quarkus restarts the application, and this
 * environment with it, once per test profile (test classes are ordered by profile), so a few test
 * profiles cost a Keycloak restart each. Tests get the GreenMail and Keycloak handles through
 * {@link InjectGreenMail} and {@link InjectKeycloak} fields.
 */
public class TestEnvironment implements QuarkusTestResourceLifecycleManager {

    private static final Logger LOG = Logger.getLogger(TestEnvironment.class);

    public static final String REALM = "signup-test";
    /** Local-only secret of the test realm's service-account client; never used outside tests. */
    public static final String CLIENT_SECRET = "test-only-signup-secret";
    /** Public client of the test realm with direct access grants, to log in as new users. */
    public static final String TEST_APP_CLIENT = "signup-test-app";

    private static EmbeddedDatabase database;
    private static GreenMail greenMail;
    private static KeycloakServer keycloak;

    @Override
    public synchronized Map<String, String> start() {
        Path build = Path.of(System.getProperty("build.dir", "target"));
        Instant started = Instant.now();
        Runtime.getRuntime().addShutdownHook(new Thread(TestEnvironment::stopAll, "test-environment-stop"));
        CompletableFuture<KeycloakServer> keycloakStart = CompletableFuture.supplyAsync(() -> startKeycloak(build));
        String jdbcUrl = startPostgres(build);
        int smtpPort = startGreenMail();
        KeycloakServer server = keycloakStart.join();
        LOG.infof("Test environment ready in %d ms", Duration.between(started, Instant.now()).toMillis());

        return Map.ofEntries(
                Map.entry("quarkus.datasource.jdbc.url", jdbcUrl),
                Map.entry("quarkus.datasource.username", "postgres"),
                Map.entry("quarkus.datasource.password", "postgres"),
                Map.entry("quarkus.mailer.host", "127.0.0.1"),
                Map.entry("quarkus.mailer.port", String.valueOf(smtpPort)),
                Map.entry("quarkus.mailer.tls", "false"),
                Map.entry("quarkus.mailer.start-tls", "DISABLED"),
                Map.entry("signup.keycloak.url", server.url()),
                Map.entry("signup.keycloak.realm", REALM),
                Map.entry("signup.keycloak.client-secret", CLIENT_SECRET),
                Map.entry("signup.public-url", "https://signup.example.test"));
    }

    @Override
    public void inject(TestInjector injector) {
        injector.injectIntoFields(greenMail,
                new TestInjector.AnnotatedAndMatchesType(InjectGreenMail.class, GreenMail.class));
        injector.injectIntoFields(database,
                new TestInjector.AnnotatedAndMatchesType(InjectDatabase.class, EmbeddedDatabase.class));
        injector.injectIntoFields(keycloak,
                new TestInjector.AnnotatedAndMatchesType(InjectKeycloak.class, KeycloakServer.class));
    }

    @Override
    public void stop() {
        stopAll();
    }

    private static synchronized void stopAll() {
        if (keycloak != null) {
            keycloak.stop();
            keycloak = null;
        }
        if (greenMail != null) {
            greenMail.stop();
            greenMail = null;
        }
        if (database != null) {
            try {
                database.stop();
            } catch (UncheckedIOException e) {
                LOG.warn("Embedded PostgreSQL did not stop cleanly", e);
            }
            database = null;
        }
    }

    private static KeycloakServer startKeycloak(Path build) {
        if (keycloak == null) {
            Path home = Path.of(System.getProperty("keycloak.home"));
            Path realm = Path.of("src/test/resources/keycloak/" + REALM + "-realm.json").toAbsolutePath();
            keycloak = new KeycloakServer(home, build.resolve("keycloak-test.log"), List.of(realm), REALM,
                    "admin", "test-only-" + Long.toHexString(Double.doubleToLongBits(Math.random())));
            keycloak.startFresh();
        }
        return keycloak;
    }

    private static String startPostgres(Path build) {
        if (database == null) {
            database = new EmbeddedDatabase(build.resolve("embedded-pg"));
            database.startFresh();
        }
        return database.jdbcUrl();
    }

    private static int startGreenMail() {
        if (greenMail == null) {
            greenMail = new GreenMail(new ServerSetup(KeycloakServer.freePort(), "127.0.0.1",
                    ServerSetup.PROTOCOL_SMTP));
            greenMail.start();
        }
        return greenMail.getSmtp().getPort();
    }
}
