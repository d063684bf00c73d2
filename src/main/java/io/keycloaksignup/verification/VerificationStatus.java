package io.keycloaksignup.verification;

/** What a person holding a verification link is told, and with which HTTP status. */
public enum VerificationStatus {
    /** The link is valid: show the confirm button. */
    CONFIRM(200),
    /** The account exists: continue to log in. */
    SUCCESS(200),
    /** Confirmed, but the account is still being created: try again shortly. */
    IN_PROGRESS(202),
    /** Keycloak already holds someone's account with this email or username. */
    ACCOUNT_EXISTS(409),
    /** The link was used before. */
    ALREADY_USED(410),
    /** The link ran out of time. */
    EXPIRED(410),
    /** No such link. */
    INVALID(404);

    private final int httpStatus;

    VerificationStatus(int httpStatus) {
        this.httpStatus = httpStatus;
    }

    public int httpStatus() {
        return httpStatus;
    }
}
