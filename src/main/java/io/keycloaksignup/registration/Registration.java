package io.keycloaksignup.registration;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.UUID;

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

    @Column(name = "provisioning_lease_until")
    public Instant provisioningLeaseUntil;

    @Column(name = "provisioning_attempts")
    public int provisioningAttempts;

    @Version
    public long version;

    /** The username Keycloak will get: the chosen one, or the address when none was chosen. */
    public String effectiveUsername() {
        return username != null ? username : emailNormalized;
    }
}
