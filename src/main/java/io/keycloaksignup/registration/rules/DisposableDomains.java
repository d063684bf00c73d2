package io.keycloaksignup.registration.rules;

import java.net.IDN;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Mail domains that hand out throw-away inboxes. Accounts registered with them cannot be reached
 * once the inbox expires and are the usual tool for mass sign-ups, so registration may refuse them.
 *
 * <p>The bundled list ({@value #BUNDLED_LIST}, see {@code SOURCES.md} next to it) is a curated one
 * that keeps large free mail providers out; an operator may add a file of their own. A domain
 * counts as disposable when it or any domain above it is listed: {@code mx.mailinator.com} is
 * disposable because {@code mailinator.com} is, so new subdomains need no new entries.
 * Internationalised names are compared in their ASCII form, so look-alike spellings such as
 * full-width letters do not slip past the list.
 *
 * <p>Instances are immutable and safe to share between threads.
 */
public final class DisposableDomains {

    static final String BUNDLED_LIST = "/blocklists/disposable-domains.txt";

    private final Set<String> domains;

    private DisposableDomains(Set<String> domains) {
        this.domains = Set.copyOf(domains);
    }

    /** The bundled list alone. */
    public static DisposableDomains load() {
        return load(Optional.empty());
    }

    /**
     * The bundled list plus, if given, an operator's file: UTF-8, one domain per line, gzipped if
     * its name ends in {@code .gz}. Blank lines and lines starting with {@code #} are skipped.
     *
     * @throws java.io.UncheckedIOException if the operator's file cannot be read, so that a
     *     misconfigured service stops at start-up rather than runs with a shorter list
     */
    public static DisposableDomains load(Optional<Path> operatorFile) {
        Set<String> domains = new HashSet<>();
        BlocklistLines.fromResource(BUNDLED_LIST, line -> add(domains, line));
        operatorFile.ifPresent(file -> BlocklistLines.fromFile(file, line -> add(domains, line)));
        return new DisposableDomains(domains);
    }

    private static void add(Set<String> domains, String line) {
        String entry = line.strip();
        if (!entry.isEmpty() && !entry.startsWith("#")) {
            domains.add(normalize(entry));
        }
    }

    /**
     * Whether the domain, or a domain above it, is listed. Case, surrounding spaces and a
     * trailing dot are ignored; {@code null} and blank domains are not disposable.
     */
    public boolean isDisposable(String domain) {
        if (domain == null || domain.isBlank()) {
            return false;
        }
        String candidate = normalize(domain.strip());
        while (!domains.contains(candidate)) {
            int dot = candidate.indexOf('.');
            if (dot < 0) {
                return false;
            }
            candidate = candidate.substring(dot + 1);
        }
        return true;
    }

    /** How many domains are listed. */
    public int size() {
        return domains.size();
    }

    private static String normalize(String domain) {
        String lower = domain.toLowerCase(Locale.ROOT);
        String ascii = toAscii(lower);
        return ascii.endsWith(".") ? ascii.substring(0, ascii.length() - 1) : ascii;
    }

    private static String toAscii(String domain) {
        try {
            return IDN.toASCII(domain, IDN.ALLOW_UNASSIGNED).toLowerCase(Locale.ROOT);
        } catch (IllegalArgumentException notAValidName) {
            return domain;
        }
    }
}
