package io.keycloaksignup.registration.rules;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The breach check against a local stub that speaks the k-anonymity range API. */
class BreachedPasswordsTest {

    static final String BREACHED = "correct horse battery staple";

    HttpServer stub;
    final List<String> requestedPaths = new CopyOnWriteArrayList<>();
    volatile int status = 200;

    @BeforeEach
    void startStub() throws IOException {
        stub = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        stub.createContext("/range/", exchange -> {
            requestedPaths.add(exchange.getRequestURI().getPath());
            String hash = BreachedPasswords.sha1(BREACHED);
            String prefix = exchange.getRequestURI().getPath().substring("/range/".length());
            StringBuilder body = new StringBuilder("0018A45C4D1DEF81644B54AB7F969B88D65:3\r\n");
            if (hash.startsWith(prefix)) {
                body.append(hash.substring(5)).append(":52579\r\n");
            }
            body.append("00D4F6E8FA6EECAD2A3AA415EEC418D38EC:0\r\n"); // padding line
            byte[] bytes = body.toString().getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(status, bytes.length);
            exchange.getResponseBody().write(bytes);
            exchange.close();
        });
        stub.start();
    }

    @AfterEach
    void stopStub() {
        stub.stop(0);
    }

    @Test
    void findsABreachedPasswordAndSendsOnlyTheFirstFiveHashCharacters() {
        BreachedPasswords check = new BreachedPasswords(Optional.of(stubUrl()), Duration.ofSeconds(2));

        assertThat(check.isBreached(BREACHED)).isTrue();
        assertThat(requestedPaths).containsExactly("/range/" + BreachedPasswords.sha1(BREACHED).substring(0, 5));
    }

    @Test
    void aPasswordAbsentFromItsRangeIsNotBreached() {
        BreachedPasswords check = new BreachedPasswords(Optional.of(stubUrl()), Duration.ofSeconds(2));

        assertThat(check.isBreached("an unusual passphrase nobody has leaked")).isFalse();
        assertThat(requestedPaths).hasSize(1);
    }

    @Test
    void failsOpenWhenTheApiAnswersWithAnError() {
        status = 503;
        BreachedPasswords check = new BreachedPasswords(Optional.of(stubUrl()), Duration.ofSeconds(2));

        assertThat(check.isBreached(BREACHED)).isFalse();
        assertThat(requestedPaths).hasSize(1);
    }

    @Test
    void failsOpenWhenTheApiIsUnreachable() {
        int port = stub.getAddress().getPort();
        stub.stop(0);
        BreachedPasswords check = new BreachedPasswords(Optional.of(URI.create("http://127.0.0.1:" + port)),
                Duration.ofMillis(500));

        assertThat(check.isBreached(BREACHED)).isFalse();
    }

    @Test
    void isOffWithoutAUrl() {
        BreachedPasswords check = new BreachedPasswords(Optional.empty(), Duration.ofSeconds(1));

        assertThat(check.isEnabled()).isFalse();
        assertThat(check.isBreached(BREACHED)).isFalse();
        assertThat(requestedPaths).isEmpty();
    }

    private URI stubUrl() {
        return URI.create("http://127.0.0.1:" + stub.getAddress().getPort() + "/");
    }
}
