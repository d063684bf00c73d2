package io.keycloaksignup.devenv;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.quarkus.runtime.LaunchMode;
import io.smallrye.config.ConfigSourceContext;
import io.smallrye.config.ConfigSourceFactory;
import io.smallrye.config.PropertiesConfigSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.eclipse.microprofile.config.spi.ConfigSource;
import org.jboss.logging.Logger;

/**
 * The local environment of {@code ./mvnw quarkus:dev}, LOCAL DEVELOPMENT ONLY: an embedded
 * PostgreSQL, a Keycloak from the official distribution with a demo realm, and an SMTP server
 * that captures every mail (shown at {@code /dev/mail}). It acts in dev mode only and is not part
 * of the production build.
 *
 * <p>It is a config source so that the database exists before the datasource starts. Dev mode
 * reloads the application in new class loaders; the servers are started once per JVM and found
 * again through system properties, and stopped when the JVM exits.
 */
public class DevEnvironment implements ConfigSourceFactory {

    private static final Logger LOG = Logger.getLogger(DevEnvironment.class);

    static final String REALM = "demo";
    /** Local-only secret of the demo realm's service-account client (src/dev/keycloak/demo-realm.json). */
    static final String CLIENT_SECRET = "dev-only-signup-secret";
    static final int KEYCLOAK_PORT = 8180;
    static final int KEYCLOAK_MANAGEMENT_PORT = 9180;
    private static final String STATE_PREFIX = "keycloak-signup.dev.";

    @Override
    public Iterable<ConfigSource> getConfigSources(ConfigSourceContext context) {
        if (LaunchMode.current() != LaunchMode.DEVELOPMENT) {
            return List.of();
        }
        Path target = Path.of("target").toAbsolutePath();
        String jdbcUrl = once("jdbc-url", () -> startPostgres(target));
        String smtpPort = once("smtp-port", DevEnvironment::startMailServer);
        once("keycloak", () -> startKeycloakInBackground(target));

        Map<String, String> values = Map.ofEntries(
                Map.entry("quarkus.datasource.jdbc.url", jdbcUrl),
                Map.entry("quarkus.datasource.username", "postgres"),
                Map.entry("quarkus.datasource.password", "postgres"),
                Map.entry("quarkus.mailer.mock", "false"),
                Map.entry("quarkus.mailer.host", "127.0.0.1"),
                Map.entry("quarkus.mailer.port", smtpPort),
                Map.entry("quarkus.mailer.tls", "false"),
                Map.entry("quarkus.mailer.start-tls", "DISABLED"),
                Map.entry("signup.keycloak.url", "http://127.0.0.1:" + KEYCLOAK_PORT),
                Map.entry("signup.keycloak.realm", REALM),
                Map.entry("signup.keycloak.client-secret", CLIENT_SECRET));
        // Above application.properties (250), below system properties and the environment.
        return List.of(new PropertiesConfigSource(values, "keycloak-signup-dev-environment", 260));
    }

    /** Runs {@code start} the first time in this JVM and remembers its answer across reloads. */
    private static String once(String name, Supplier<String> start) {
        Properties state = System.getProperties();
        synchronized (state) {
            String value = state.getProperty(STATE_PREFIX + name);
            if (value == null) {
                value = start.get();
                state.setProperty(STATE_PREFIX + name, value);
            }
            return value;
        }
    }

    private static String startPostgres(Path target) {
        try {
            Path work = target.resolve("dev-postgres");
            Files.createDirectories(work);
            EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                    .setOverrideWorkingDirectory(work.toFile())
                    .setDataDirectory(work.resolve("data"))
                    .setCleanDataDirectory(false)
                    .start();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> close(postgres), "dev-postgres-stop"));
            createDatabase(postgres);
            LOG.infof("Dev PostgreSQL (embedded, data in %s) on port %d", work, postgres.getPort());
            return postgres.getJdbcUrl("postgres", "signup");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the embedded PostgreSQL of dev mode", e);
        }
    }

    private static void createDatabase(EmbeddedPostgres postgres) {
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
                Statement statement = connection.createStatement();
                ResultSet exists = statement.executeQuery("SELECT 1 FROM pg_database WHERE datname = 'signup'")) {
            if (!exists.next()) {
                statement.execute("CREATE DATABASE signup");
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create the dev database", e);
        }
    }

    private static String startMailServer() {
        GreenMail greenMail = new GreenMail(new ServerSetup(KeycloakServer.freePort(), "127.0.0.1",
                ServerSetup.PROTOCOL_SMTP));
        greenMail.start();
        DevMailbox.publish(greenMail);
        Runtime.getRuntime().addShutdownHook(new Thread(greenMail::stop, "dev-mail-stop"));
        return String.valueOf(greenMail.getSmtp().getPort());
    }

    /** Keycloak takes 10-40 s to start; the service starts meanwhile and uses it once it is up. */
    private static String startKeycloakInBackground(Path target) {
        Path home = keycloakHome(target);
        Path data = target.resolve("dev-keycloak");
        String password = adminPassword(data);
        KeycloakServer keycloak = new KeycloakServer(home, data.resolve("keycloak.log"),
                List.of(Path.of("src/dev/keycloak/demo-realm.json").toAbsolutePath()), REALM, "admin", password,
                KEYCLOAK_PORT, KEYCLOAK_MANAGEMENT_PORT, data.resolve("db"));
        if (keycloak.answers()) {
            LOG.infof("Dev Keycloak already running at %s", keycloak.url());
            return "running";
        }
        Thread starter = new Thread(() -> {
            try {
                LOG.infof("Starting the dev Keycloak at %s (first start takes up to a minute; log: %s)",
                        keycloak.url(), data.resolve("keycloak.log"));
                keycloak.start();
                banner(keycloak);
            } catch (RuntimeException e) {
                LOG.error("The dev Keycloak did not start; see " + data.resolve("keycloak.log"), e);
            }
        }, "dev-keycloak-start");
        starter.setDaemon(true);
        starter.start();
        return "started";
    }

    private static void banner(KeycloakServer keycloak) {
        LOG.infof("""

                ================ LOCAL DEVELOPMENT ONLY ================
                Keycloak admin console : %s/admin  (user %s, password %s)
                Demo realm             : %s/realms/%s/account  (log in with accounts you sign up)
                Sign-up API            : POST http://localhost:8080/register
                Captured mail          : http://localhost:8080/dev/mail
                =========================================================
                """, keycloak.url(), keycloak.adminUser(), keycloak.adminPassword(), keycloak.url(), REALM);
    }

    private static Path keycloakHome(Path target) {
        try (Stream<Path> dists = Files.list(target.resolve("keycloak-dist"))) {
            return dists.filter(path -> path.getFileName().toString().startsWith("keycloak-"))
                    .findFirst()
                    .orElseThrow(() -> new IllegalStateException("no Keycloak in target/keycloak-dist"));
        } catch (IOException e) {
            throw new UncheckedIOException("the build unpacks Keycloak into target/keycloak-dist", e);
        }
    }

    /** A random password for the local admin, made once and kept with the dev Keycloak's data. */
    private static String adminPassword(Path data) {
        try {
            Path file = data.resolve("admin-password");
            if (Files.exists(file)) {
                return Files.readString(file).strip();
            }
            byte[] bytes = new byte[12];
            new SecureRandom().nextBytes(bytes);
            String password = HexFormat.of().formatHex(bytes);
            Files.createDirectories(data);
            Files.writeString(file, password);
            return password;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void close(EmbeddedPostgres postgres) {
        try {
            postgres.close();
        } catch (IOException e) {
            LOG.warn("The dev PostgreSQL did not stop cleanly", e);
        }
    }
}
