package io.keycloaksignup.registration.rules;

import com.google.common.hash.BloomFilter;
import com.google.common.hash.Funnel;
import com.google.common.hash.Funnels;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.stream.Stream;
import org.jboss.logging.Logger;

/**
 * One file of Keycloak's {@code passwordBlacklist(name)} policy, read from the service's copy of
 * Keycloak's {@code data/password-blacklists} directory ({@code signup.password.blacklist-dir}).
 *
 * <p>Keycloak 26.7.3 ({@code DenylistPasswordPolicyProviderFactory} and its
 * {@code FileBasedPasswordDenylist}) trims the name, refuses an empty name or one containing
 * {@code '/'}, and loads the file into a Guava Bloom filter: a name ending in {@code .bloom} is a
 * serialized filter, anything else a UTF-8 text file with one password per line, each line
 * lower-cased with {@link String#toLowerCase()} (not trimmed). The filter is sized for the
 * number of lines with a false-positive probability of 1e-4 (its default
 * {@code falsePositiveProbability}). {@code DenylistPasswordPolicyProvider} then asks whether
 * the lower-cased password might be in it.
 *
 * <p>This class builds the same filter with the same Guava version, so it also rejects the same
 * rare false positives as Keycloak: both sides agree password by password, and a list of
 * millions of lines costs megabytes rather than a set of strings. Loaded files are cached per
 * path and read again when their size or modification time changes, as Keycloak does.
 */
final class PasswordDenylist {

    /** Keycloak's default {@code falsePositiveProbability} of the denylist Bloom filter. */
    static final double FALSE_POSITIVE_PROBABILITY = 1.0E-4;

    private static final Logger LOG = Logger.getLogger(PasswordDenylist.class);
    private static final Funnel<CharSequence> FUNNEL = Funnels.stringFunnel(StandardCharsets.UTF_8);
    private static final ConcurrentMap<Path, Loaded> LOADED = new ConcurrentHashMap<>();
    private static final Set<String> WARNED = ConcurrentHashMap.newKeySet();

    private final String name;
    private final BloomFilter<String> filter;

    private PasswordDenylist(String name, BloomFilter<String> filter) {
        this.name = name;
        this.filter = filter;
    }

    /**
     * Opens the denylist {@code name} in {@code directory}. When the directory is not set or the
     * file is missing or unreadable, logs a warning once and returns empty: the service then
     * relies on its bundled common-password list alone.
     *
     * @throws IllegalArgumentException for a name Keycloak refuses (empty, or with {@code '/'}),
     *         or one that would leave the directory
     */
    static Optional<PasswordDenylist> open(String name, Optional<Path> directory) {
        String trimmed = validName(name);
        if (directory.isEmpty()) {
            warnOnce("unset:" + trimmed, "Password denylist '%s' is named by the realm's password policy "
                    + "but signup.password.blacklist-dir is not set; only the bundled common-password list "
                    + "applies", trimmed);
            return Optional.empty();
        }
        Path dir = directory.get().toAbsolutePath().normalize();
        Path file = dir.resolve(trimmed).normalize();
        if (!file.startsWith(dir) || file.equals(dir)) {
            throw new IllegalArgumentException("Password denylist name '" + trimmed + "' leaves " + dir);
        }
        try {
            return Optional.of(new PasswordDenylist(trimmed, load(file)));
        } catch (IOException | UncheckedIOException e) {
            warnOnce("file:" + file, "Password denylist %s cannot be read (%s); only the bundled "
                    + "common-password list applies", file, e.getClass().getSimpleName());
            return Optional.empty();
        }
    }

    /** Whether Keycloak's denylist would reject {@code password}, lower-cased as Keycloak does. */
    boolean contains(String password) {
        return filter.mightContain(password.toLowerCase());
    }

    String name() {
        return name;
    }

    private static String validName(String name) {
        String trimmed = name.trim();
        if (trimmed.isEmpty() || trimmed.contains("/")) {
            throw new IllegalArgumentException("Keycloak refuses the password denylist name '" + name + "'");
        }
        return trimmed;
    }

    private static BloomFilter<String> load(Path file) throws IOException {
        BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
        if (!attributes.isRegularFile()) {
            throw new IOException("not a regular file");
        }
        Loaded cached = LOADED.get(file);
        if (cached != null && cached.isCurrent(attributes)) {
            return cached.filter();
        }
        Loaded fresh = new Loaded(attributes.lastModifiedTime(), attributes.size(), read(file));
        LOADED.put(file, fresh);
        return fresh.filter();
    }

    private static BloomFilter<String> read(Path file) throws IOException {
        if (file.getFileName().toString().endsWith(".bloom")) {
            try (InputStream in = Files.newInputStream(file)) {
                return BloomFilter.readFrom(in, FUNNEL);
            }
        }
        long lines;
        try (BufferedReader reader = Files.newBufferedReader(file); Stream<String> all = reader.lines()) {
            lines = all.count();
        }
        BloomFilter<String> filter = BloomFilter.create(FUNNEL, lines, FALSE_POSITIVE_PROBABILITY);
        try (BufferedReader reader = Files.newBufferedReader(file); Stream<String> all = reader.lines()) {
            all.map(String::toLowerCase).forEach(filter::put);
        }
        return filter;
    }

    private static void warnOnce(String key, String format, Object... parameters) {
        if (WARNED.add(key)) {
            LOG.warnf(format, parameters);
        }
    }

    /** A loaded filter and the file state it was read from. */
    private record Loaded(FileTime modified, long size, BloomFilter<String> filter) {

        boolean isCurrent(BasicFileAttributes attributes) {
            return modified.equals(attributes.lastModifiedTime()) && size == attributes.size();
        }
    }
}
