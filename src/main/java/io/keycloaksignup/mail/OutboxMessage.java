package io.keycloaksignup.mail;

import java.util.UUID;

/**
 * A message a sender has claimed.
 *
 * @param attempts attempts so far, this one included
 */
public record OutboxMessage(UUID id, OutboxKind kind, UUID registrationId, int attempts) {
}
