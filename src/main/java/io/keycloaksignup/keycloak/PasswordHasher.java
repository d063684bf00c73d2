package io.keycloaksignup.keycloak;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.keycloaksignup.platform.ServiceBusyException;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;

/**
 * Turns a plaintext password into a credential that Keycloak imports as it is, so that the
 * plaintext is never stored anywhere. The format follows the realm's hash policy: argon2id with
 * Keycloak's parameters (Bouncy Castle) or PBKDF2 with the realm's iterations (the JDK), so that
 * Keycloak has no reason to re-hash at the first login.
 *
 * <p>Hashing costs CPU on purpose. At most one hash per CPU runs at a time, so that a burst of
 * sign-ups queues here instead of starving every other request.
 */
@ApplicationScoped
public class PasswordHasher {

    private static final int SALT_BYTES = 16;
    private static final Duration MAX_WAIT = Duration.ofSeconds(10);

    /** Keycloak 26's argon2 parameters besides the iterations. */
    static final int ARGON2_MEMORY_KIB = 7168;
    static final int ARGON2_PARALLELISM = 1;
    static final int ARGON2_HASH_BYTES = 32;

    private final SecureRandom random = new SecureRandom();
    private final Semaphore permits = new Semaphore(Runtime.getRuntime().availableProcessors(), true);
    private final ObjectMapper json = new ObjectMapper();

    public PasswordCredential hash(String password, PasswordHashPolicy policy) {
        if (!policy.isSupported()) {
            throw new IllegalArgumentException("unsupported hash algorithm " + policy.algorithm());
        }
        byte[] salt = new byte[SALT_BYTES];
        random.nextBytes(salt);
        acquire();
        try {
            return switch (policy.algorithm()) {
                case PasswordHashPolicy.ARGON2 -> argon2(password, salt, policy.iterations());
                default -> pbkdf2(password, salt, policy);
            };
        } finally {
            permits.release();
        }
    }

    private PasswordCredential pbkdf2(String password, byte[] salt, PasswordHashPolicy policy) {
        String jcaAlgorithm = switch (policy.algorithm()) {
            case PasswordHashPolicy.PBKDF2_SHA512 -> "PBKDF2WithHmacSHA512";
            case PasswordHashPolicy.PBKDF2_SHA256 -> "PBKDF2WithHmacSHA256";
            default -> "PBKDF2WithHmacSHA1";
        };
        int keyBits = PasswordHashPolicy.PBKDF2_SHA512.equals(policy.algorithm()) ? 512 : 256;
        PBEKeySpec spec = new PBEKeySpec(password.toCharArray(), salt, policy.iterations(), keyBits);
        try {
            byte[] key = SecretKeyFactory.getInstance(jcaAlgorithm).generateSecret(spec).getEncoded();
            return credential(key, salt, policy.algorithm(), policy.iterations(), Map.of());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(jcaAlgorithm + " is not available", e);
        } finally {
            spec.clearPassword();
        }
    }

    private PasswordCredential argon2(String password, byte[] salt, int iterations) {
        Argon2Parameters parameters = new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id)
                .withVersion(Argon2Parameters.ARGON2_VERSION_13)
                .withIterations(iterations)
                .withMemoryAsKB(ARGON2_MEMORY_KIB)
                .withParallelism(ARGON2_PARALLELISM)
                .withSalt(salt)
                .build();
        Argon2BytesGenerator generator = new Argon2BytesGenerator();
        generator.init(parameters);
        byte[] hash = new byte[ARGON2_HASH_BYTES];
        byte[] secret = password.getBytes(StandardCharsets.UTF_8);
        try {
            generator.generateBytes(secret, hash);
        } finally {
            Arrays.fill(secret, (byte) 0);
        }
        Map<String, List<String>> extra = new LinkedHashMap<>();
        extra.put("hashLength", List.of(String.valueOf(ARGON2_HASH_BYTES)));
        extra.put("memory", List.of(String.valueOf(ARGON2_MEMORY_KIB)));
        extra.put("type", List.of("id"));
        extra.put("version", List.of("1.3"));
        extra.put("parallelism", List.of(String.valueOf(ARGON2_PARALLELISM)));
        return credential(hash, salt, PasswordHashPolicy.ARGON2, iterations, extra);
    }

    private PasswordCredential credential(byte[] hash, byte[] salt, String algorithm, int iterations,
            Map<String, List<String>> additionalParameters) {
        Map<String, Object> secret = new LinkedHashMap<>();
        secret.put("value", Base64.getEncoder().encodeToString(hash));
        secret.put("salt", Base64.getEncoder().encodeToString(salt));
        secret.put("additionalParameters", Map.of());
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("hashIterations", iterations);
        data.put("algorithm", algorithm);
        data.put("additionalParameters", additionalParameters);
        return new PasswordCredential(write(secret), write(data));
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

    private String write(Map<String, Object> value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise a credential", e);
        }
    }
}
