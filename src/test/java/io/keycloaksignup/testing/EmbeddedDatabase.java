package io.keycloaksignup.testing;

import io.keycloaksignup.devenv.KeycloakServer;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The tests' PostgreSQL: real server binaries (zonky), one port for its whole life, so that a test
 * can stop it and start it again on the same data to see how the service rides out an outage.
 */
public final class EmbeddedDatabase {

    private final Path work;
    private final int port = KeycloakServer.freePort();
    private EmbeddedPostgres postgres;

    public EmbeddedDatabase(Path work) {
        this.work = work;
    }

    /** First start: a fresh data directory with an empty {@code signup} database. */
    public synchronized void startFresh() {
        // Zonky's own "clean data directory" also deletes the data when the server stops, which
        // would lose it across stop() and start(): clear it here, once, instead.
        KeycloakServer.deleteRecursively(work.resolve("data"));
        start();
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
                Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE signup");
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create the test database", e);
        }
    }

    /** Starts again on the same port and data after {@link #stop()}. */
    public synchronized void start() {
        if (postgres != null) {
            return;
        }
        try {
            Files.createDirectories(work);
            postgres = EmbeddedPostgres.builder()
                    .setOverrideWorkingDirectory(work.toFile())
                    .setDataDirectory(work.resolve("data"))
                    .setCleanDataDirectory(false)
                    .setPort(port)
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start embedded PostgreSQL", e);
        }
    }

    public synchronized void stop() {
        if (postgres == null) {
            return;
        }
        try {
            postgres.close();
        } catch (IOException e) {
            throw new UncheckedIOException("embedded PostgreSQL did not stop cleanly", e);
        } finally {
            postgres = null;
        }
    }

    public String jdbcUrl() {
        return "jdbc:postgresql://localhost:" + port + "/signup?user=postgres";
    }
}
