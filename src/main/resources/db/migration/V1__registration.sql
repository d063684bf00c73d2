-- Pending self-registrations. A row holds what is needed to create the Keycloak user once the
-- address is confirmed; personal data and the password credential leave it as soon as they are
-- no longer needed.
CREATE TABLE registration (
    id                       UUID PRIMARY KEY,
    state                    VARCHAR(16)  NOT NULL
        CHECK (state IN ('PENDING', 'VERIFIED', 'PROVISIONED', 'EXPIRED', 'CONFLICT')),
    email                    VARCHAR(320) NOT NULL,
    email_normalized         VARCHAR(320) NOT NULL,
    username                 VARCHAR(255),
    first_name               VARCHAR(255),
    last_name                VARCHAR(255),
    locale                   VARCHAR(35),
    -- Keycloak's credential representation of the password hash ("secretData" and
    -- "credentialData"); never the password itself.
    password_secret_data     TEXT,
    password_credential_data TEXT,
    -- Lower-case hex SHA-256 of the verification token; the token itself is never stored.
    token_hash               VARCHAR(64),
    created_at               TIMESTAMPTZ  NOT NULL,
    updated_at               TIMESTAMPTZ  NOT NULL,
    expires_at               TIMESTAMPTZ  NOT NULL,
    verified_at              TIMESTAMPTZ,
    provisioned_at           TIMESTAMPTZ,
    keycloak_user_id         VARCHAR(64),
    -- While set and in the future, one request or worker is creating the Keycloak user; others
    -- wait for its outcome instead of calling Keycloak at the same time.
    provisioning_lease_until TIMESTAMPTZ,
    provisioning_attempts    INTEGER      NOT NULL DEFAULT 0,
    version                  BIGINT       NOT NULL DEFAULT 0
);

-- At most one live registration per address, compared case-insensitively. Re-registering
-- updates that row (new token, old link dead) instead of adding another.
CREATE UNIQUE INDEX registration_live_email_uq
    ON registration (lower(email_normalized))
    WHERE state IN ('PENDING', 'VERIFIED');

CREATE UNIQUE INDEX registration_token_hash_uq ON registration (token_hash);

CREATE INDEX registration_state_expires_idx ON registration (state, expires_at);
