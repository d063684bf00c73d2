package io.keycloaksignup.registration;

import io.keycloaksignup.keycloak.PasswordCredential;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Persistence of registrations. Every state change is a single conditional statement. */
@ApplicationScoped
public class RegistrationRepository implements PanacheRepositoryBase<Registration, UUID> {

    /*
     * One statement decides between "new address" and "address already pending": the insert
     * either creates the row or, guarded by the unique index on live addresses, updates the
     * pending one in place (new token, old link dead). A registration that is already VERIFIED
     * is left alone and nothing is returned. Two concurrent sign-ups for the same address cannot
     * both insert.
     */
    private static final String UPSERT_PENDING = """
            INSERT INTO registration (id, state, email, email_normalized, username, first_name,
                last_name, locale, password_secret_data, password_credential_data, token_hash,
                created_at, updated_at, expires_at, version)
            VALUES (:id, 'PENDING', :email, :emailNormalized, :username, :firstName,
                :lastName, :locale, :secretData, :credentialData, :tokenHash,
                :now, :now, :expiresAt, 0)
            ON CONFLICT (lower(email_normalized)) WHERE state IN ('PENDING', 'VERIFIED')
            DO UPDATE SET email = excluded.email,
                email_normalized = excluded.email_normalized,
                username = excluded.username,
                first_name = excluded.first_name,
                last_name = excluded.last_name,
                locale = excluded.locale,
                password_secret_data = excluded.password_secret_data,
                password_credential_data = excluded.password_credential_data,
                token_hash = excluded.token_hash,
                updated_at = excluded.updated_at,
                expires_at = excluded.expires_at,
                version = registration.version + 1
            WHERE registration.state = 'PENDING'
            RETURNING id
            """;

    /**
     * Creates a pending registration for the address, or renews the pending one with the new
     * details and token. Empty when the address has a registration that is already past PENDING.
     */
    public Optional<UUID> upsertPending(NewRegistration registration, PasswordCredential credential,
            String tokenHash, Instant now, Instant expiresAt) {
        @SuppressWarnings("unchecked")
        List<UUID> ids = getEntityManager().createNativeQuery(UPSERT_PENDING, UUID.class)
                .setParameter("id", UUID.randomUUID())
                .setParameter("email", registration.email().typed())
                .setParameter("emailNormalized", registration.email().normalized())
                .setParameter("username", registration.username())
                .setParameter("firstName", registration.firstName())
                .setParameter("lastName", registration.lastName())
                .setParameter("locale", registration.locale())
                .setParameter("secretData", credential.secretData())
                .setParameter("credentialData", credential.credentialData())
                .setParameter("tokenHash", tokenHash)
                .setParameter("now", now)
                .setParameter("expiresAt", expiresAt)
                .getResultList();
        return ids.stream().findFirst();
    }

    public Optional<Registration> findByTokenHash(String tokenHash) {
        return find("tokenHash", tokenHash).firstResultOptional();
    }
}
