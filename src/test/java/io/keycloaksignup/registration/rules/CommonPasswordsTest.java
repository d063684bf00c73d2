package io.keycloaksignup.registration.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Optional;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CommonPasswordsTest {

    private static final String OPERATOR_PASSWORD = "Keycloak-Signup-Local-Favourite-2024";

    private static CommonPasswords bundled;

    @TempDir
    Path tempDir;

    @BeforeAll
    static void loadBundledListOnce() {
        bundled = CommonPasswords.load();
    }

    @Test
    void bundlesAtLeastAHundredThousandPasswords() {
        assertThat(bundled.size()).isGreaterThanOrEqualTo(100_000);
    }

    @ParameterizedTest
    @ValueSource(strings = {"password", "123456", "qwerty123", "Password1"})
    void findsWellKnownWeakPasswords(String password) {
        assertThat(bundled.contains(password)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"PASSWORD", "QwErTy123", "pASSWORD1", "ЙЦУКЕН"})
    void findsACommonPasswordRegardlessOfCase(String password) {
        assertThat(bundled.contains(password)).isTrue();
    }

    @Test
    void doesNotFindARandomThirtyCharacterString() {
        assertThat(bundled.contains(randomString(30))).isFalse();
    }

    @Test
    void doesNotFindAPasswordThatOnlyStartsLikeAListedOne() {
        assertThat(bundled.contains("password")).isTrue();
        assertThat(bundled.contains("password" + randomString(12))).isFalse();
    }

    @Test
    void addsThePasswordsOfAnOperatorFile() throws IOException {
        Path file = tempDir.resolve("extra-passwords.txt");
        Files.writeString(file, "\n" + OPERATOR_PASSWORD + "\npassword\n", StandardCharsets.UTF_8);

        CommonPasswords withExtras = CommonPasswords.load(Optional.of(file));

        assertThat(bundled.contains(OPERATOR_PASSWORD)).isFalse();
        assertThat(withExtras.contains(OPERATOR_PASSWORD.toUpperCase())).isTrue();
        assertThat(withExtras.size()).isEqualTo(bundled.size() + 1);
    }

    @Test
    void readsAGzippedOperatorFile() throws IOException {
        Path file = tempDir.resolve("extra-passwords.txt.gz");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file))) {
            out.write((OPERATOR_PASSWORD + "\n").getBytes(StandardCharsets.UTF_8));
        }

        assertThat(CommonPasswords.load(Optional.of(file)).contains(OPERATOR_PASSWORD)).isTrue();
    }

    @Test
    void refusesToStartWithoutTheConfiguredOperatorFile() {
        Path missing = tempDir.resolve("missing.txt");

        assertThatThrownBy(() -> CommonPasswords.load(Optional.of(missing)))
                .isInstanceOf(UncheckedIOException.class)
                .hasMessageContaining(missing.toString());
    }

    private static String randomString(int length) {
        String alphabet = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
        SecureRandom random = new SecureRandom();
        StringBuilder text = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            text.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return text.toString();
    }
}
