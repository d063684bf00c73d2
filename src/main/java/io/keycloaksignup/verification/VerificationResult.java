package io.keycloaksignup.verification;

import io.keycloaksignup.registration.Registration;

/**
 * The outcome shown to the holder of a verification link. {@code maskedEmail} and
 * {@code username} are only filled where the link itself proves the right to see them.
 */
public record VerificationResult(VerificationStatus status, String maskedEmail, String username,
        String continueUrl) {

    public static VerificationResult of(VerificationStatus status) {
        return new VerificationResult(status, null, null, null);
    }

    /** Success, continuing at the app's checked redirect URI, or at Keycloak when there is none. */
    public static VerificationResult success(Registration registration) {
        return new VerificationResult(VerificationStatus.SUCCESS, null, null, registration.redirectUri);
    }
}
