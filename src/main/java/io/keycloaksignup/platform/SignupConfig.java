package io.keycloaksignup.platform;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.net.URI;
import java.time.Duration;
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

    interface Keycloak {

        /** Base URL of the Keycloak server, e.g. {@code https://id.example.com}. */
        URI url();

        /** Realm that new users are created in. */
        String realm();

        /**
         * Confidential client whose service account creates users. It needs only the
         * realm-management roles {@code manage-users}, {@code view-users} and {@code query-users}.
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
    }

    interface Mail {

        /** Product name used in mail subjects and bodies. */
        @WithDefault("Keycloak Sign-up")
        String productName();

        /** Optional support address shown at the bottom of mails. */
        Optional<String> supportAddress();
    }
}
