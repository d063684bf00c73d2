package io.keycloaksignup.devenv;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.jboss.logging.Logger;

/**
 * The official Keycloak distribution, unpacked by the build, run as a child process on free
 * loopback ports with realms imported from JSON files. Stopping sends SIGTERM to the launcher
 * and then to every descendant, and kills what is still alive after a grace period.
 */
public final class KeycloakServer implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(KeycloakServer.class);
    private static final Duration START_TIMEOUT = Duration.ofMinutes(4);
    private static final Duration STOP_GRACE = Duration.ofSeconds(30);

    private final Path home;
    private final Path log;
    private final List<Path> realmFiles;
    private final String readyRealm;
    private final int httpPort;
    private final int managementPort;
    private final String adminUser;
    private final String adminPassword;
    private final Path databaseDir;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private Process process;
    private Thread shutdownHook;

    /** A server on free ports with the distribution's own H2 database. */
    public KeycloakServer(Path home, Path log, List<Path> realmFiles, String readyRealm,
            String adminUser, String adminPassword) {
        this(home, log, realmFiles, readyRealm, adminUser, adminPassword, freePort(), freePort(), null);
    }

    /**
     * A server on the given ports; with a {@code databaseDir}, its H2 database lives there instead
     * of inside the distribution, so that it outlives test runs and keeps what was created.
     */
    public KeycloakServer(Path home, Path log, List<Path> realmFiles, String readyRealm, String adminUser,
            String adminPassword, int httpPort, int managementPort, Path databaseDir) {
        this.home = home;
        this.log = log;
        this.realmFiles = List.copyOf(realmFiles);
        this.readyRealm = readyRealm;
        this.httpPort = httpPort;
        this.managementPort = managementPort;
        this.adminUser = adminUser;
        this.adminPassword = adminPassword;
        this.databaseDir = databaseDir;
    }

    /** Starts with an empty database: every realm file is imported afresh. */
    public KeycloakServer startFresh() {
        deleteRecursively(home.resolve("data").resolve("h2"));
        deleteRecursively(home.resolve("data").resolve("import"));
        return start();
    }

    /** Starts (again) on the same ports and database, keeping users created before. */
    public synchronized KeycloakServer start() {
        if (process != null && process.isAlive()) {
            return this;
        }
        if (!Files.isExecutable(home.resolve("bin/kc.sh"))) {
            throw new IllegalStateException("No Keycloak distribution at " + home
                    + "; the build unpacks it (mvn generate-resources)");
        }
        Instant started = Instant.now();
        copyRealms();
        List<String> command = new ArrayList<>(List.of(home.resolve("bin/kc.sh").toString(), "start-dev",
                "--http-host=127.0.0.1",
                "--http-port=" + httpPort,
                "--hostname=" + url(),
                "--http-management-port=" + managementPort,
                "--health-enabled=true",
                "--db=dev-file",
                "--import-realm"));
        if (databaseDir != null) {
            command.add("--db-url=jdbc:h2:file:" + databaseDir.toAbsolutePath().resolve("keycloakdb")
                    + ";NON_KEYWORDS=VALUE");
        }
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(home.toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
        builder.environment().put("JAVA_OPTS_KC_HEAP", "-Xms64m -Xmx640m");
        builder.environment().put("KC_BOOTSTRAP_ADMIN_USERNAME", adminUser);
        builder.environment().put("KC_BOOTSTRAP_ADMIN_PASSWORD", adminPassword);
        try {
            Files.createDirectories(log.getParent());
            process = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start Keycloak", e);
        }
        if (shutdownHook == null) {
            shutdownHook = new Thread(this::stop, "keycloak-stop");
            Runtime.getRuntime().addShutdownHook(shutdownHook);
        }
        awaitReady();
        LOG.infof("Keycloak ready at %s in %d ms (log: %s)", url(),
                Duration.between(started, Instant.now()).toMillis(), log);
        return this;
    }

    /** SIGTERM to the launcher, then to its descendants; SIGKILL after the grace period. */
    public synchronized void stop() {
        if (process == null) {
            return;
        }
        ProcessHandle root = process.toHandle();
        List<ProcessHandle> all = new ArrayList<>();
        all.add(root);
        root.descendants().forEach(all::add);
        root.destroy();
        waitFor(root, STOP_GRACE);
        all.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroy);
        all.forEach(handle -> waitFor(handle, Duration.ofSeconds(10)));
        all.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
        all.forEach(handle -> waitFor(handle, Duration.ofSeconds(5)));
        process = null;
    }

    @Override
    public void close() {
        stop();
    }

    /** Whether something already answers on this server's management port (e.g. an earlier run). */
    public boolean answers() {
        return isOk(URI.create("http://127.0.0.1:" + managementPort + "/health/ready"));
    }

    public boolean isRunning() {
        return process != null && process.isAlive();
    }

    public String url() {
        return "http://127.0.0.1:" + httpPort;
    }

    public String adminUser() {
        return adminUser;
    }

    public String adminPassword() {
        return adminPassword;
    }

    private void awaitReady() {
        Instant deadline = Instant.now().plus(START_TIMEOUT);
        URI health = URI.create("http://127.0.0.1:" + managementPort + "/health/ready");
        URI realm = URI.create(url() + "/realms/" + readyRealm + "/.well-known/openid-configuration");
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Keycloak exited with " + process.exitValue()
                        + " while starting:\n" + tail());
            }
            if (isOk(health) && isOk(realm)) {
                return;
            }
            sleep(Duration.ofMillis(500));
        }
        stop();
        throw new IllegalStateException("Keycloak not ready after " + START_TIMEOUT + ":\n" + tail());
    }

    private boolean isOk(URI uri) {
        try {
            HttpRequest request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(5)).build();
            return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Realms that already exist are left as they are by Keycloak's import. */
    private void copyRealms() {
        Path importDir = home.resolve("data").resolve("import");
        try {
            Files.createDirectories(importDir);
            for (Path realm : realmFiles) {
                Files.copy(realm, importDir.resolve(realm.getFileName()), StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot copy realm files", e);
        }
    }

    private String tail() {
        try {
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void waitFor(ProcessHandle handle, Duration timeout) {
        try {
            handle.onExit().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (Exception e) {
            // still alive; the caller escalates
        }
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for Keycloak", e);
        }
    }

    public static void deleteRecursively(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
