package io.keycloaksignup.registration;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.keycloaksignup.keycloak.PasswordCredential;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Persistence of registrations. Every state change is a single conditional statement. */
@ApplicationScoped
public class RegistrationRepository implements PanacheRepositoryBase<Registration, UUID> {

    private static final ObjectMapper JSON = new ObjectMapper();

    /*
     * One statement decides between "new address" and "address already pending": the insert
     * either creates the row or, guarded by the unique index on live addresses, updates the
     * pending one in place (old link dead; the outbox sender issues the new one). A registration
     * that is already VERIFIED is left alone and nothing is returned. Two concurrent sign-ups for
     * the same address cannot both insert.
     */
    private static final String UPSERT_PENDING = """
            INSERT INTO registration (id, state, email, email_normalized, username, first_name,
                last_name, locale, password_secret_data, password_credential_data, token_hash,
                created_at, updated_at, expires_at, version, attributes, terms_version,
                terms_accepted_at, client_id, redirect_uri, source, mail_requested_at)
            VALUES (:id, 'PENDING', :email, :emailNormalized, :username, :firstName,
                :lastName, :locale, :secretData, :credentialData, NULL,
                :now, :now, :expiresAt, 0, CAST(:attributes AS jsonb), :termsVersion,
                :termsAcceptedAt, :clientId, :redirectUri, :source, :now)
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
                attributes = excluded.attributes,
                terms_version = excluded.terms_version,
                terms_accepted_at = excluded.terms_accepted_at,
                client_id = excluded.client_id,
                redirect_uri = excluded.redirect_uri,
                source = excluded.source,
                mail_requested_at = excluded.mail_requested_at,
                version = registration.version + 1
            WHERE registration.state = 'PENDING'
            RETURNING id
            """;

    /**
     * Creates a pending registration for the address, or renews the pending one with the new
     * details; either way without a valid token until the verification mail is sent. Empty when
     * the address has a registration that is already past PENDING.
     */
    public Optional<UUID> upsertPending(NewRegistration registration, PasswordCredential credential,
            Instant now, Instant expiresAt) {
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
                .setParameter("now", now)
                .setParameter("expiresAt", expiresAt)
                .setParameter("attributes", json(registration.attributes()))
                .setParameter("termsVersion", registration.termsVersion())
                .setParameter("termsAcceptedAt", registration.termsVersion() == null ? null : now)
                .setParameter("clientId", registration.clientId())
                .setParameter("redirectUri", registration.redirectUri())
                .setParameter("source", registration.source())
                .getResultList();
        return ids.stream().findFirst();
    }

    private static String json(Map<String, List<String>> attributes) {
        if (attributes == null || attributes.isEmpty()) {
            return null;
        }
        try {
            return JSON.writeValueAsString(attributes);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise attributes", e);
        }
    }

    /**
     * Gives a pending registration the token about to be mailed; the previous link dies and the
     * new one is valid for the lifespan from now. False when the registration is no longer
     * pending (confirmed, expired or purged): then no mail should go out.
     */
    public boolean issueToken(UUID id, String tokenHash, Instant now, Instant expiresAt) {
        return update("tokenHash = ?1, expiresAt = ?2, updatedAt = ?3, version = version + 1"
                        + " where id = ?4 and state = ?5",
                tokenHash, expiresAt, now, id, RegistrationState.PENDING) == 1;
    }

    /**
     * Counts a resend for the pending registration of the address, if its cooldown has passed and
     * it has resends left. Empty otherwise, and for unknown addresses alike.
     */
    public Optional<UUID> claimResend(String emailNormalized, Instant now, Instant cooldownStart,
            int maxResends) {
        @SuppressWarnings("unchecked")
        List<UUID> ids = getEntityManager().createNativeQuery("""
                        UPDATE registration SET resend_count = resend_count + 1, mail_requested_at = :now,
                            updated_at = :now, version = version + 1
                        WHERE lower(email_normalized) = lower(:email) AND state = 'PENDING'
                            AND expires_at > :now AND resend_count < :max
                            AND (mail_requested_at IS NULL OR mail_requested_at <= :cooldownStart)
                        RETURNING id
                        """, UUID.class)
                .setParameter("now", now)
                .setParameter("email", emailNormalized)
                .setParameter("max", maxResends)
                .setParameter("cooldownStart", cooldownStart)
                .getResultList();
        return ids.stream().findFirst();
    }

    public Optional<Registration> findByTokenHash(String tokenHash) {
        return find("tokenHash", tokenHash).firstResultOptional();
    }

    /**
     * PENDING -> VERIFIED for the registration holding this token, if it has not expired. Exactly
     * one caller gets {@code true}, however many confirm the same link at the same time.
     */
    public boolean markVerified(String tokenHash, Instant now, Instant leaseUntil) {
        return update("state = ?1, verifiedAt = ?2, updatedAt = ?2, provisioningLeaseUntil = ?3,"
                        + " provisioningAttempts = provisioningAttempts + 1, version = version + 1"
                        + " where tokenHash = ?4 and state = ?5 and expiresAt > ?2",
                RegistrationState.VERIFIED, now, leaseUntil, tokenHash, RegistrationState.PENDING) == 1;
    }

    /**
     * Takes the right to create the Keycloak user of a VERIFIED registration whose previous
     * attempt ended or was abandoned. Exactly one caller wins while the lease runs.
     */
    public boolean claimProvisioning(UUID id, Instant now, Instant leaseUntil) {
        return update("provisioningLeaseUntil = ?1, provisioningAttempts = provisioningAttempts + 1,"
                        + " updatedAt = ?2, version = version + 1 where id = ?3 and state = ?4"
                        + " and (provisioningLeaseUntil is null or provisioningLeaseUntil < ?2)",
                leaseUntil, now, id, RegistrationState.VERIFIED) == 1;
    }

    /**
     * Takes up to {@code limit} confirmed registrations that nobody is provisioning and whose
     * backoff has passed, for the background worker. Rows another replica holds are skipped.
     */
    public List<UUID> claimDueProvisioning(Instant now, Instant leaseUntil, int limit) {
        @SuppressWarnings("unchecked")
        List<UUID> ids = getEntityManager().createNativeQuery("""
                        WITH due AS (
                            SELECT id FROM registration
                            WHERE state = 'VERIFIED'
                                AND (provisioning_lease_until IS NULL OR provisioning_lease_until < :now)
                                AND (provisioning_retry_at IS NULL OR provisioning_retry_at <= :now)
                            ORDER BY verified_at
                            LIMIT :limit
                            FOR UPDATE SKIP LOCKED)
                        UPDATE registration r SET provisioning_lease_until = :leaseUntil,
                            provisioning_attempts = r.provisioning_attempts + 1, updated_at = :now,
                            version = r.version + 1
                        FROM due WHERE r.id = due.id
                        RETURNING r.id
                        """, UUID.class)
                .setParameter("now", now)
                .setParameter("leaseUntil", leaseUntil)
                .setParameter("limit", limit)
                .getResultList();
        return ids;
    }

    /**
     * Ends a failed attempt at once, so that the person's next try need not wait for the lease;
     * the background worker waits until {@code retryAt}.
     */
    public void releaseProvisioning(UUID id, Instant retryAt) {
        update("provisioningLeaseUntil = null, provisioningRetryAt = ?1, version = version + 1"
                        + " where id = ?2 and state = ?3",
                retryAt, id, RegistrationState.VERIFIED);
    }

    /**
     * PENDING -> EXPIRED for every registration whose link ran out; the password credential goes.
     * The token hash stays, so the old link still says "expired" rather than "not valid".
     */
    public int expirePending(Instant now) {
        return update("state = ?1, passwordSecretData = null, passwordCredentialData = null,"
                        + " updatedAt = ?2, version = version + 1 where state = ?3 and expiresAt <= ?2",
                RegistrationState.EXPIRED, now, RegistrationState.PENDING);
    }

    /** Deletes finished registrations (and their outbox messages) last changed before {@code before}. */
    public int purgeFinished(Instant before) {
        return getEntityManager().createNativeQuery("DELETE FROM registration"
                        + " WHERE state IN ('PROVISIONED', 'CONFLICT', 'EXPIRED') AND updated_at < :before")
                .setParameter("before", before)
                .executeUpdate();
    }

    /** VERIFIED -> PROVISIONED; the password credential is no longer needed and is deleted. */
    public boolean markProvisioned(UUID id, String keycloakUserId, Instant now) {
        return update("state = ?1, keycloakUserId = ?2, provisionedAt = ?3, updatedAt = ?3,"
                        + " provisioningLeaseUntil = null, passwordSecretData = null,"
                        + " passwordCredentialData = null, version = version + 1 where id = ?4 and state = ?5",
                RegistrationState.PROVISIONED, keycloakUserId, now, id, RegistrationState.VERIFIED) == 1;
    }

    /** VERIFIED -> CONFLICT: Keycloak has someone else's account; the credential is deleted. */
    public boolean markConflict(UUID id, Instant now) {
        return update("state = ?1, updatedAt = ?2, provisioningLeaseUntil = null,"
                        + " passwordSecretData = null, passwordCredentialData = null, version = version + 1"
                        + " where id = ?3 and state = ?4",
                RegistrationState.CONFLICT, now, id, RegistrationState.VERIFIED) == 1;
    }
}
