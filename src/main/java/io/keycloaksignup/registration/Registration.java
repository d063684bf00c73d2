package io.keycloaksignup.registration;

import io.keycloaksignup.keycloak.PasswordCredential;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A self-registration, from sign-up until the Keycloak user exists (see V1 migration). */
@Entity
@Table(name = "registration")
public class Registration extends PanacheEntityBase {

    @Id
    public UUID id;

    @Enumerated(EnumType.STRING)
    public RegistrationState state;

    /** The address as the person typed it. */
    public String email;

    /** Trimmed, domain lower-cased; compared case-insensitively. */
    @Column(name = "email_normalized")
    public String emailNormalized;

    public String username;

    @Column(name = "first_name")
    public String firstName;

    @Column(name = "last_name")
    public String lastName;

    public String locale;

    @Column(name = "password_secret_data")
    public String passwordSecretData;

    @Column(name = "password_credential_data")
    public String passwordCredentialData;

    @Column(name = "token_hash")
    public String tokenHash;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "updated_at")
    public Instant updatedAt;

    @Column(name = "expires_at")
    public Instant expiresAt;

    @Column(name = "verified_at")
    public Instant verifiedAt;

    @Column(name = "provisioned_at")
    public Instant provisionedAt;

    @Column(name = "keycloak_user_id")
    public String keycloakUserId;

    /** User-profile attributes to provision, as Keycloak's map of lists. */
    @JdbcTypeCode(SqlTypes.JSON)
    public Map<String, List<String>> attributes;

    @Column(name = "terms_version")
    public String termsVersion;

    @Column(name = "terms_accepted_at")
    public Instant termsAcceptedAt;

    @Column(name = "client_id")
    public String clientId;

    @Column(name = "redirect_uri")
    public String redirectUri;

    /** {@code api} or {@code web}. */
    public String source;

    @Column(name = "provisioning_lease_until")
    public Instant provisioningLeaseUntil;

    @Column(name = "provisioning_attempts")
    public int provisioningAttempts;

    /** When the provisioning worker may try again after Keycloak failed. */
    @Column(name = "provisioning_retry_at")
    public Instant provisioningRetryAt;

    /** When a verification mail was last asked for; the resend cooldown runs from here. */
    @Column(name = "mail_requested_at")
    public Instant mailRequestedAt;

    @Column(name = "resend_count")
    public int resendCount;

    @Version
    public long version;

    /** A registration not (yet) stored, built from a checked request. */
    public static Registration from(UUID id, NewRegistration request, PasswordCredential credential, Instant now) {
        Registration registration = new Registration();
        registration.id = id;
        registration.state = RegistrationState.PENDING;
        registration.email = request.email().typed();
        registration.emailNormalized = request.email().normalized();
        registration.username = request.username();
        registration.firstName = request.firstName();
        registration.lastName = request.lastName();
        registration.locale = request.locale();
        registration.attributes = request.attributes();
        registration.termsVersion = request.termsVersion();
        registration.termsAcceptedAt = request.termsVersion() == null ? null : now;
        registration.clientId = request.clientId();
        registration.redirectUri = request.redirectUri();
        registration.source = request.source();
        registration.passwordSecretData = credential.secretData();
        registration.passwordCredentialData = credential.credentialData();
        registration.createdAt = now;
        registration.updatedAt = now;
        registration.expiresAt = now;
        return registration;
    }

    /** The username Keycloak will get: the chosen one, or the address when none was chosen. */
    public String effectiveUsername() {
        return username != null ? username : emailNormalized.toLowerCase(Locale.ROOT);
    }
}
