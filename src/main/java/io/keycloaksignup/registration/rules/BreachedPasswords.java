package io.keycloaksignup.registration.rules;

import io.keycloaksignup.platform.SignupConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * Asks a Have-I-Been-Pwned-compatible range API whether a password appears in known breaches,
 * with k-anonymity: only the first five hex characters of its SHA-1 are sent, and the answer lists
 * every suffix in that range. Off unless {@code signup.password.breach-check.url} is set. When the
 * API does not answer in time, the check is skipped with a WARN (fail open): an outage there must
 * not stop sign-ups.
 */
@ApplicationScoped
public class BreachedPasswords {

    private static final Logger LOG = Logger.getLogger(BreachedPasswords.class);

    private final Optional<URI> rangeApi;
    private final Duration timeout;
    private final HttpClient http;

    @Inject
    public BreachedPasswords(SignupConfig config) {
        this(config.password().breachCheck().url(), config.password().breachCheck().timeout());
    }

    BreachedPasswords(Optional<URI> rangeApi, Duration timeout) {
        this.rangeApi = rangeApi;
        this.timeout = timeout;
        this.http = HttpClient.newBuilder().connectTimeout(timeout).build();
    }

    public boolean isEnabled() {
        return rangeApi.isPresent();
    }

    /** True when the password is known to be breached; false when not, or when nobody could tell. */
    public boolean isBreached(String password) {
        if (rangeApi.isEmpty()) {
            return false;
        }
        String hash = sha1(password);
        String prefix = hash.substring(0, 5);
        String suffix = hash.substring(5);
        try {
            HttpRequest request = HttpRequest.newBuilder(range(prefix)).timeout(timeout)
                    .header("Add-Padding", "true").header("User-Agent", "keycloak-signup").GET().build();
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                LOG.warnf("Breach check skipped: the range API answered %d", response.statusCode());
                return false;
            }
            return response.body().lines().anyMatch(line -> listed(line, suffix));
        } catch (IOException e) {
            LOG.warnf("Breach check skipped: the range API is unreachable (%s)", e.getClass().getSimpleName());
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private URI range(String prefix) {
        String base = rangeApi.orElseThrow().toString();
        return URI.create((base.endsWith("/") ? base : base + "/") + "range/" + prefix);
    }

    /** A line "SUFFIX:COUNT"; padding lines carry a count of 0. */
    private static boolean listed(String line, String suffix) {
        int colon = line.indexOf(':');
        if (colon < 0 || !line.substring(0, colon).strip().equalsIgnoreCase(suffix)) {
            return false;
        }
        try {
            return Long.parseLong(line.substring(colon + 1).strip()) > 0;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    static String sha1(String password) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-1").digest(password.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest).toUpperCase(Locale.ROOT);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-1 is required by every Java platform", e);
        }
    }
}
