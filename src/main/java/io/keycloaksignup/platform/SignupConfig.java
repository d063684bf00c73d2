package io.keycloaksignup.platform;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Every setting of the service, under the {@code signup} prefix. Each key can also be set through
 * the environment the Quarkus way, e.g. {@code SIGNUP_KEYCLOAK_URL} for {@code signup.keycloak.url}.
 */
@ConfigMapping(prefix = "signup")
public interface SignupConfig {

    /**
     * Public base URL of this service as people reach it (scheme, host, optional port and path).
     * Links in mails are built from it, never from a request's Host header.
     */
    @WithDefault("http://localhost:8080")
    URI publicUrl();

    /** The Keycloak server and realm that verified users are provisioned into. */
    Keycloak keycloak();

    /** Email verification. */
    Verification verification();

    /** Password rules the service applies before a password is hashed. */
    Password password();

    /** Outgoing mail. */
    Mail mail();

    /** Sign-up settings; unset ones follow the realm (see {@code RegistrationSettings}). */
    Registration registration();

    /** Which email addresses may sign up. */
    Email email();

    /** Terms of service that people accept when signing up. */
    Terms terms();

    /** What new users get in Keycloak besides their profile. */
    Provisioning provisioning();

    /** Where people may be sent after confirming. */
    Redirect redirect();

    /**
     * How long a finished registration (account created, conflict, or link expired) is kept
     * before the row and everything personal in it is deleted. Long enough to answer "this link
     * was already used" and to investigate a complaint; short enough to hold little.
     */
    @WithDefault("P7D")
    Duration retention();

    /** How the pages look: product name, logo, colour and footer. */
    Theme theme();

    interface Keycloak {

        /** Base URL of the Keycloak server, e.g. {@code https://id.example.com}. */
        URI url();

        /** Realm that new users are created in. */
        String realm();

        /**
         * Confidential client whose service account creates users. It needs only the
         * realm-management roles {@code manage-users}, {@code view-users}, {@code query-users}, and
         * the read-only {@code view-realm} (password policy, registration settings) and
         * {@code view-clients} (redirect URIs of apps).
         */
        @WithDefault("keycloak-signup")
        String clientId();

        /** Secret of {@link #clientId()}. Set it through the environment, never in a file. */
        String clientSecret();

        /**
         * Name of the user attribute that carries the registration id, so that a retried
         * provisioning recognises the user it created before. The realm's user profile must
         * declare it (admin-only view and edit).
         */
        @WithDefault("signup_registration_id")
        String registrationIdAttribute();

        /**
         * Keycloak's URL as people's browsers reach it, for "log in" links; defaults to
         * {@link #url()}. Set it when the service talks to Keycloak over an internal address.
         */
        Optional<URI> publicUrl();

        /** How long realm settings read from Keycloak are reused before they are read again. */
        @WithDefault("PT5M")
        Duration realmSettingsLifespan();
    }

    interface Verification {

        /** How long a verification link stays valid (ISO-8601). NIST 800-63A allows 24 h at most. */
        @WithDefault("PT24H")
        Duration lifespan();

        /**
         * After an account was created, how long a repeated confirmation with the same link (a
         * double click, a second tab) still shows success instead of "link already used".
         */
        @WithDefault("PT10M")
        Duration confirmGrace();

        /**
         * Keycloak's "verify email" setting for sign-up: when false, {@code POST /register} creates
         * the Keycloak user at once (201) and no mail is sent. Verification on is the point of this
         * service; turn it off only where addresses are known to be real.
         */
        @WithDefault("true")
        boolean enabled();

        /**
         * Least time between two verification mails for one registration when the person asks for
         * a resend; a request within it is answered as usual and changes nothing.
         */
        @WithDefault("PT60S")
        Duration resendCooldown();

        /** How many resends one registration may get; later requests are answered and ignored. */
        @WithDefault("5")
        int maxResends();
    }

    interface Password {

        /** Minimum length in Unicode code points. */
        @WithDefault("12")
        int minLength();

        /** Maximum length in Unicode code points. */
        @WithDefault("128")
        int maxLength();

        /**
         * Hash algorithm of the credential handed to Keycloak: {@code argon2}, {@code pbkdf2-sha512},
         * {@code pbkdf2-sha256} or {@code pbkdf2}. Unset: whatever the realm's password policy names,
         * Keycloak's default (argon2) when it names none.
         */
        Optional<String> hashAlgorithm();

        /** Iterations for {@link #hashAlgorithm()}; unset: the realm's, or Keycloak's default. */
        OptionalInt hashIterations();

        /** An operator's list of forbidden passwords added to the bundled one (UTF-8, one a line, .gz ok). */
        Optional<Path> blocklistFile();

        /**
         * Directory holding the files that the realm's {@code passwordBlacklist(name)} policy names,
         * as in Keycloak's data directory. Without it, the bundled list stands in for them.
         */
        Optional<Path> blacklistDir();

        /** Checking passwords against a breach corpus through a k-anonymity range API. */
        BreachCheck breachCheck();
    }

    interface BreachCheck {

        /**
         * Base URL of a Have-I-Been-Pwned-compatible range API (e.g.
         * {@code https://api.pwnedpasswords.com}); unset: no breach check. Only the first five hex
         * characters of the password's SHA-1 leave the service.
         */
        Optional<URI> url();

        /** How long to wait for the range API; when it does not answer, sign-up goes on (WARN). */
        @WithDefault("PT2S")
        Duration timeout();
    }

    interface Registration {

        /** When false, {@code /register} answers 403 {@code registration_disabled}. */
        @WithDefault("true")
        boolean enabled();

        /** Overrides the realm's {@code registrationEmailAsUsername}. */
        Optional<Boolean> emailAsUsername();

        /** Overrides the realm's {@code loginWithEmailAllowed}. */
        Optional<Boolean> loginWithEmail();

        /** Overrides the realm's {@code duplicateEmailsAllowed}. */
        Optional<Boolean> duplicateEmails();

        /** Overrides the realm's {@code passwordPolicy} string (Keycloak's syntax). */
        Optional<String> passwordPolicy();
    }

    interface Email {

        /** If set, only these domains may sign up; {@code *.example.com} also admits subdomains. */
        Optional<List<String>> allowedDomains();

        /** Domains that may not sign up; {@code *.example.com} also covers subdomains. */
        Optional<List<String>> deniedDomains();

        /** Refuse addresses at known disposable-mail domains (bundled list, see README). */
        @WithDefault("true")
        boolean blockDisposable();

        /** An operator's list of disposable domains added to the bundled one. */
        Optional<Path> disposableDomainsFile();
    }

    interface Terms {

        /** Version of the terms people must accept; unset: no terms, {@code acceptTerms} not needed. */
        Optional<String> version();

        /** Where the terms can be read; shown on the sign-up page. */
        Optional<URI> url();
    }

    interface Provisioning {

        /** Groups (paths such as {@code /customers}) every new user joins; checked at start-up. */
        Optional<List<String>> groups();

        /** Realm roles every new user gets; checked at start-up. */
        Optional<List<String>> realmRoles();

        /**
         * How long the background worker waits before creating a confirmed user again after
         * Keycloak failed; the wait doubles with every failure. It never gives up: the person has
         * confirmed and is owed an account.
         */
        @WithDefault("PT5S")
        Duration retryBackoff();

        /** Longest wait between two provisioning attempts. */
        @WithDefault("PT15M")
        Duration retryMaxBackoff();
    }

    interface Redirect {

        /**
         * Redirect URIs accepted at sign-up in addition to those registered for the client in
         * Keycloak. Exact URIs; a trailing {@code *} matches any continuation, as in Keycloak.
         */
        Optional<List<String>> allowed();
    }

    interface Mail {

        /** Product name used in mail subjects and bodies. */
        @WithDefault("Keycloak Sign-up")
        String productName();

        /** Optional support address shown at the bottom of mails. */
        Optional<String> supportAddress();

        /**
         * Attempts to hand one mail to the SMTP server before it is marked dead and logged at
         * ERROR. With the default backoff, 8 attempts span about a day.
         */
        @WithDefault("8")
        int maxAttempts();

        /** Wait after the first failed attempt; every further wait is four times longer. */
        @WithDefault("PT15S")
        Duration retryBackoff();

        /** Longest wait between two attempts to send one mail. */
        @WithDefault("PT24H")
        Duration retryMaxBackoff();
    }

    interface Theme {

        /** Name shown in the page header and titles. */
        @WithDefault("Keycloak Sign-up")
        String productName();

        /**
         * Logo shown above each page, as a path on this service or an absolute https URL; unset:
         * the product name alone. An absolute URL's origin is added to the pages' image policy.
         */
        Optional<String> logoUrl();

        /**
         * Colour of buttons and links as {@code #rrggbb}. Pick one with at least 4.5:1 contrast
         * against white, since button text is white on it.
         */
        @WithDefault("#0b57d0")
        String primaryColor();

        /** Address shown in the footer for people who are stuck; unset: none. */
        Optional<String> supportEmail();

        /**
         * Footer links as {@code Label|https://url} entries, in order, e.g.
         * {@code Privacy|https://example.com/privacy,Imprint|https://example.com/imprint}.
         */
        Optional<List<String>> footerLinks();

        /**
         * Directory whose files override the built-in ones file by file, so an operator can
         * restyle pages and mails without rebuilding: {@code static/} (served under {@code /css/}
         * and {@code /img/}, read on each request), {@code templates/} (same relative paths as
         * the built-in Qute templates, read at start) and {@code messages/} ({@code msg.properties},
         * {@code msg_de.properties}, ..., individual keys, read at start). Unset: built-in only.
         */
        Optional<Path> dir();
    }
}
