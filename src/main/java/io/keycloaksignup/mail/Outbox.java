package io.keycloaksignup.mail;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

/**
 * The transactional outbox. {@link #enqueue} joins the caller's transaction, so a message exists
 * exactly when the change that caused it was committed. Senders in any number of replicas claim
 * due messages with {@code FOR UPDATE SKIP LOCKED} and a claim that runs out, so each message is
 * handled by one sender at a time and a crashed sender's messages are picked up again.
 */
@ApplicationScoped
public class Outbox {

    private static final String ENQUEUE = """
            INSERT INTO outbox (id, kind, registration_id, payload, state, due_at, attempts, created_at)
            VALUES (:id, :kind, :registrationId, CAST(:payload AS jsonb), 'pending', :now, 0, :now)
            """;

    private static final String CLAIM_DUE = """
            WITH due AS (
                SELECT id FROM outbox
                WHERE state = 'pending' AND due_at <= :now
                    AND (claimed_until IS NULL OR claimed_until < :now)
                ORDER BY due_at
                LIMIT :limit
                FOR UPDATE SKIP LOCKED)
            UPDATE outbox o SET claimed_until = :claimedUntil, attempts = o.attempts + 1
            FROM due WHERE o.id = due.id
            RETURNING o.id, o.kind, o.registration_id, o.attempts
            """;

    private final EntityManager em;

    public Outbox(EntityManager em) {
        this.em = em;
    }

    /**
     * Adds a message, due now, in the caller's transaction. Messages are never merged: one that
     * is being sent may already carry a link that the change being committed has killed.
     *
     * @param reason why, for operators (e.g. {@code sign_up}); never personal data
     */
    public void enqueue(OutboxKind kind, UUID registrationId, String reason, Instant now) {
        em.createNativeQuery(ENQUEUE)
                .setParameter("id", UUID.randomUUID())
                .setParameter("kind", kind.column())
                .setParameter("registrationId", registrationId)
                .setParameter("payload", "{\"reason\":\"" + reason.replaceAll("[^a-z_]", "") + "\"}")
                .setParameter("now", now)
                .executeUpdate();
    }

    /** Claims up to {@code limit} due messages until {@code claimedUntil}, counting the attempt. */
    public List<OutboxMessage> claimDue(Instant now, Instant claimedUntil, int limit) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery(CLAIM_DUE)
                .setParameter("now", now)
                .setParameter("claimedUntil", claimedUntil)
                .setParameter("limit", limit)
                .getResultList();
        return rows.stream().map(row -> new OutboxMessage((UUID) row[0], OutboxKind.ofColumn((String) row[1]),
                (UUID) row[2], ((Number) row[3]).intValue())).toList();
    }

    public void markSent(UUID id, Instant now) {
        finish(id, "sent", null, now);
    }

    /** The message no longer applies; not a failure. */
    public void cancel(UUID id, String why) {
        finish(id, "cancelled", why, null);
    }

    /** Given up after the last attempt. */
    public void markDead(UUID id, String error) {
        finish(id, "dead", error, null);
    }

    /**
     * Gives up claims this instance holds but will not work on (it is shutting down), so another
     * replica sends them at once instead of after the claim runs out. The attempt is not counted.
     */
    public int release(Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return 0;
        }
        return em.createNativeQuery("UPDATE outbox SET claimed_until = NULL, attempts = GREATEST(attempts - 1, 0)"
                        + " WHERE id IN (:ids) AND state = 'pending'")
                .setParameter("ids", ids)
                .executeUpdate();
    }

    /** Releases the claim and makes the message due again at {@code dueAt}. */
    public void retryAt(UUID id, Instant dueAt, String error) {
        em.createNativeQuery("UPDATE outbox SET due_at = :dueAt, claimed_until = NULL, last_error = :error"
                        + " WHERE id = :id AND state = 'pending'")
                .setParameter("dueAt", dueAt)
                .setParameter("error", truncate(error))
                .setParameter("id", id)
                .executeUpdate();
    }

    private void finish(UUID id, String state, String error, Instant sentAt) {
        em.createNativeQuery("UPDATE outbox SET state = :state, claimed_until = NULL, last_error = :error,"
                        + " sent_at = :sentAt WHERE id = :id AND state = 'pending'")
                .setParameter("state", state)
                .setParameter("error", truncate(error))
                .setParameter("sentAt", sentAt)
                .setParameter("id", id)
                .executeUpdate();
    }

    private static String truncate(String error) {
        return error == null || error.length() <= 200 ? error : error.substring(0, 200);
    }
}
