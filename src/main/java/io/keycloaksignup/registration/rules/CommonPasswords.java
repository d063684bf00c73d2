package io.keycloaksignup.registration.rules;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * Passwords that attackers try first, because they top the lists leaked from real breaches.
 * NIST SP 800-63B asks sign-up to refuse them; refusing them here means Keycloak never stores an
 * account that falls to the first few thousand guesses.
 *
 * <p>The bundled list ({@value #BUNDLED_LIST}, over 400,000 entries, see {@code SOURCES.md} next
 * to it) is loaded once, when an instance is made; an operator may add a file of their own. The
 * entries are kept packed in one byte array, so the whole list costs a few megabytes of heap.
 * Matching ignores case: a password that differs from a listed one only in case is just as weak.
 *
 * <p>Instances are immutable and safe to share between threads.
 */
public final class CommonPasswords {

    static final String BUNDLED_LIST = "/blocklists/common-passwords.txt.gz";

    private final CompactStringSet passwords;

    private CommonPasswords(CompactStringSet passwords) {
        this.passwords = passwords;
    }

    /** The bundled list alone. */
    public static CommonPasswords load() {
        return load(Optional.empty());
    }

    /**
     * The bundled list plus, if given, an operator's file: UTF-8, one password per line, gzipped if
     * its name ends in {@code .gz}. Blank lines are skipped; every other line counts as it stands,
     * spaces included.
     *
     * @throws java.io.UncheckedIOException if the operator's file cannot be read, so that a
     *     misconfigured service stops at start-up rather than runs with a shorter list
     */
    public static CommonPasswords load(Optional<Path> operatorFile) {
        CompactStringSet.Builder builder = new CompactStringSet.Builder();
        BlocklistLines.fromResource(BUNDLED_LIST, line -> add(builder, line));
        operatorFile.ifPresent(file -> BlocklistLines.fromFile(file, line -> add(builder, line)));
        return new CommonPasswords(builder.build());
    }

    private static void add(CompactStringSet.Builder builder, String line) {
        if (!line.isEmpty()) {
            builder.add(normalize(line));
        }
    }

    private static String normalize(String password) {
        return password.toLowerCase(Locale.ROOT);
    }

    /** Whether the password is on the list, ignoring case. */
    public boolean contains(String password) {
        Objects.requireNonNull(password, "password");
        return passwords.contains(normalize(password));
    }

    /** How many distinct lower-cased passwords are on the list. */
    public int size() {
        return passwords.size();
    }
}
