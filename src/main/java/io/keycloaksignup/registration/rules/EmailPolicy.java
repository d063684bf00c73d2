package io.keycloaksignup.registration.rules;

import io.keycloaksignup.platform.FieldError;
import io.keycloaksignup.platform.SignupConfig;
import io.keycloaksignup.registration.EmailAddress;
import java.net.IDN;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Which domains may sign up: an operator's allow list and deny list (a {@code *.} prefix also
 * covers subdomains) and the list of disposable-mail domains. The answer for a refused domain does
 * not say which list refused it.
 */
public final class EmailPolicy {

    private final List<String> allowed;
    private final List<String> denied;
    private final Optional<DisposableDomains> disposable;

    EmailPolicy(List<String> allowed, List<String> denied, Optional<DisposableDomains> disposable) {
        this.allowed = allowed.stream().map(EmailPolicy::normalize).toList();
        this.denied = denied.stream().map(EmailPolicy::normalize).toList();
        this.disposable = disposable;
    }

    public static EmailPolicy from(SignupConfig.Email config) {
        Optional<DisposableDomains> disposable = config.blockDisposable()
                ? Optional.of(DisposableDomains.load(config.disposableDomainsFile()))
                : Optional.empty();
        return new EmailPolicy(config.allowedDomains().orElse(List.of()),
                config.deniedDomains().orElse(List.of()), disposable);
    }

    /** The reason the address may not sign up, if any. */
    public Optional<FieldError> check(EmailAddress email) {
        String domain = domainOf(email.normalized());
        if (domain.isEmpty()) {
            return Optional.empty();
        }
        if ((!allowed.isEmpty() && allowed.stream().noneMatch(rule -> matches(rule, domain)))
                || denied.stream().anyMatch(rule -> matches(rule, domain))) {
            return Optional.of(new FieldError("email", "email_domain_not_allowed",
                    "Addresses at this domain cannot sign up here."));
        }
        if (disposable.isPresent() && disposable.get().isDisposable(domain)) {
            return Optional.of(new FieldError("email", "email_disposable",
                    "Use a permanent address: disposable mail services are not accepted."));
        }
        return Optional.empty();
    }

    static boolean matches(String rule, String domain) {
        if (rule.startsWith("*.")) {
            String parent = rule.substring(2);
            return domain.equals(parent) || domain.endsWith("." + parent);
        }
        return domain.equals(rule);
    }

    private static String domainOf(String address) {
        int at = address.lastIndexOf('@');
        return at < 0 ? "" : normalize(address.substring(at + 1));
    }

    /** Lower case, ASCII form (IDN), so that rules and addresses compare alike. */
    static String normalize(String domain) {
        String trimmed = domain.strip().toLowerCase(Locale.ROOT);
        try {
            String prefix = trimmed.startsWith("*.") ? "*." : "";
            return prefix + IDN.toASCII(trimmed.substring(prefix.length()), IDN.ALLOW_UNASSIGNED);
        } catch (IllegalArgumentException e) {
            return trimmed;
        }
    }
}
