-- What the realm's rules add to a registration: user-profile attributes, the accepted terms,
-- where the person continues after confirming, and where the sign-up came from.
ALTER TABLE registration
    ADD COLUMN attributes        JSONB,
    ADD COLUMN terms_version     VARCHAR(64),
    ADD COLUMN terms_accepted_at TIMESTAMPTZ,
    ADD COLUMN client_id         VARCHAR(255),
    ADD COLUMN redirect_uri      VARCHAR(2048),
    ADD COLUMN source            VARCHAR(16);
