package io.keycloaksignup.registration.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DisposableDomainsTest {

    private static DisposableDomains bundled;
    private static List<String> bundledLines;

    @TempDir
    Path tempDir;

    @BeforeAll
    static void loadBundledListOnce() throws IOException {
        bundled = DisposableDomains.load();
        try (InputStream in = DisposableDomains.class.getResourceAsStream(DisposableDomains.BUNDLED_LIST)) {
            bundledLines = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
        }
    }

    @Test
    void bundledFileIsLowerCaseSortedAndWithoutDuplicates() {
        List<String> clean = bundledLines.stream()
                .map(line -> line.strip().toLowerCase(Locale.ROOT))
                .distinct()
                .sorted()
                .toList();

        assertThat(bundledLines).isEqualTo(clean).hasSize(bundled.size());
    }

    @Test
    void flagsAWellKnownDisposableDomain() {
        assertThat(bundledLines).contains("mailinator.com");
        assertThat(bundled.isDisposable("mailinator.com")).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"mx.mailinator.com", "a.b.mailinator.com"})
    void flagsSubdomainsOfAListedDomain(String subdomain) {
        assertThat(bundledLines).doesNotContain(subdomain);
        assertThat(bundled.isDisposable(subdomain)).isTrue();
    }

    @Test
    void ignoresCaseSurroundingSpacesAndATrailingDot() {
        assertThat(bundled.isDisposable("  MX.Mailinator.COM. ")).isTrue();
    }

    @Test
    void flagsFullWidthSpellingsOfAListedDomain() {
        assertThat(bundled.isDisposable("ｍａｉｌｉｎａｔｏｒ.com")).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"gmail.com", "example.org", "outlook.com", "mail.google.com"})
    void doesNotFlagOrdinaryMailDomains(String domain) {
        assertThat(bundledLines).doesNotContain(domain, "google.com", "com", "org");
        assertThat(bundled.isDisposable(domain)).isFalse();
    }

    @Test
    void doesNotFlagADomainThatMerelyEndsWithTheSameLetters() {
        assertThat(bundledLines).doesNotContain("mymailinator.com");
        assertThat(bundled.isDisposable("mymailinator.com")).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", ".", "com"})
    void doesNotFlagBlankOrTopLevelNames(String domain) {
        assertThat(bundled.isDisposable(domain)).isFalse();
    }

    @Test
    void doesNotFlagAMissingDomain() {
        assertThat(bundled.isDisposable(null)).isFalse();
    }

    @Test
    void addsTheDomainsOfAnOperatorFile() throws IOException {
        Path file = tempDir.resolve("extra-domains.txt");
        Files.writeString(file, "# burners seen in our logs\n\n  Burner-Of-Ours.Test  \n", StandardCharsets.UTF_8);

        DisposableDomains withExtras = DisposableDomains.load(Optional.of(file));

        assertThat(bundled.isDisposable("burner-of-ours.test")).isFalse();
        assertThat(withExtras.isDisposable("burner-of-ours.test")).isTrue();
        assertThat(withExtras.isDisposable("inbox.burner-of-ours.test")).isTrue();
        assertThat(withExtras.size()).isEqualTo(bundled.size() + 1);
    }

    @Test
    void refusesToStartWithoutTheConfiguredOperatorFile() {
        Path missing = tempDir.resolve("missing.txt");

        assertThatThrownBy(() -> DisposableDomains.load(Optional.of(missing)))
                .isInstanceOf(UncheckedIOException.class)
                .hasMessageContaining(missing.toString());
    }
}
