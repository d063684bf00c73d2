package io.keycloaksignup.keycloak;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.keycloaksignup.platform.ServiceBusyException;
import io.keycloaksignup.platform.SignupConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * Turns a plaintext password into a credential Keycloak imports as is, so that the plaintext is
 * never stored. PBKDF2-HMAC-SHA512 with a 16-byte salt and a 64-byte key, Keycloak's own
 * {@code pbkdf2-sha512} format.
 *
 * <p>Hashing costs a few hundred milliseconds of CPU on purpose. At most one hash per CPU runs at
 * a time, so that a burst of sign-ups queues here instead of starving every other request.
 */
@ApplicationScoped
public class PasswordHasher {

    static final String ALGORITHM = "pbkdf2-sha512";
    private static final String JCA_ALGORITHM = "PBKDF2WithHmacSHA512";
    private static final int SALT_BYTES = 16;
    private static final int KEY_BITS = 512;
    private static final Duration MAX_WAIT = Duration.ofSeconds(10);

    private final SecureRandom random = new SecureRandom();
    private final Semaphore permits = new Semaphore(Runtime.getRuntime().availableProcessors(), true);
    private final ObjectMapper json = new ObjectMapper();
    private final int iterations;

    public PasswordHasher(SignupConfig config) {
        this.iterations = config.password().pbkdf2Iterations();
    }

    public PasswordCredential hash(String password) {
        byte[] salt = new byte[SALT_BYTES];
        random.nextBytes(salt);
        byte[] key = derive(password, salt);
        return new PasswordCredential(secretData(key, salt), credentialData());
    }

    private byte[] derive(String password, byte[] salt) {
        acquire();
        PBEKeySpec spec = new PBEKeySpec(password.toCharArray(), salt, iterations, KEY_BITS);
        try {
            return SecretKeyFactory.getInstance(JCA_ALGORITHM).generateSecret(spec).getEncoded();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(JCA_ALGORITHM + " is not available", e);
        } finally {
            spec.clearPassword();
            permits.release();
        }
    }

    private void acquire() {
        try {
            if (!permits.tryAcquire(MAX_WAIT.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new ServiceBusyException("password hashing queue is full");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ServiceBusyException("interrupted while waiting to hash a password");
        }
    }

    private String secretData(byte[] key, byte[] salt) {
        Map<String, Object> secret = new LinkedHashMap<>();
        secret.put("value", Base64.getEncoder().encodeToString(key));
        secret.put("salt", Base64.getEncoder().encodeToString(salt));
        secret.put("additionalParameters", Map.of());
        return write(secret);
    }

    private String credentialData() {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("hashIterations", iterations);
        data.put("algorithm", ALGORITHM);
        data.put("additionalParameters", Map.of());
        return write(data);
    }

    private String write(Map<String, Object> value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise a credential", e);
        }
    }
}
