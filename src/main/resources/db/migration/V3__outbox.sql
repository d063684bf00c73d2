-- Nothing lost: outgoing mail is written to an outbox in the same transaction as the change that
-- causes it, and workers in every replica send it, retrying with backoff. Rows hold no personal
-- data and no token: the sender reads the address from the registration and creates the token
-- at send time, storing only its hash.
CREATE TABLE outbox (
    id              UUID PRIMARY KEY,
    kind            VARCHAR(32)  NOT NULL
        CHECK (kind IN ('verification_mail', 'account_ready_mail')),
    registration_id UUID         NOT NULL REFERENCES registration (id) ON DELETE CASCADE,
    -- Why the message exists (e.g. sign_up, resend); never personal data or secrets.
    payload         JSONB        NOT NULL DEFAULT '{}',
    -- cancelled: the message no longer applies (registration confirmed, expired or purged).
    state           VARCHAR(16)  NOT NULL
        CHECK (state IN ('pending', 'sent', 'dead', 'cancelled')),
    due_at          TIMESTAMPTZ  NOT NULL,
    attempts        INTEGER      NOT NULL DEFAULT 0,
    -- The kind of failure only (exception class, SMTP code); never an address or a link.
    last_error      VARCHAR(200),
    created_at      TIMESTAMPTZ  NOT NULL,
    sent_at         TIMESTAMPTZ,
    -- While in the future, one sender holds the message; a crashed sender's claim simply runs out.
    claimed_until   TIMESTAMPTZ
);

CREATE INDEX outbox_due_idx ON outbox (due_at) WHERE state = 'pending';

CREATE INDEX outbox_registration_idx ON outbox (registration_id);

ALTER TABLE registration
    -- When the provisioning worker may try again after Keycloak failed (backoff).
    ADD COLUMN provisioning_retry_at TIMESTAMPTZ,
    -- When a verification mail was last asked for (sign-up or resend), for the resend cooldown.
    ADD COLUMN mail_requested_at     TIMESTAMPTZ,
    ADD COLUMN resend_count          INTEGER NOT NULL DEFAULT 0;

CREATE INDEX registration_verified_idx ON registration (provisioning_retry_at) WHERE state = 'VERIFIED';
CREATE INDEX registration_updated_idx ON registration (state, updated_at);
