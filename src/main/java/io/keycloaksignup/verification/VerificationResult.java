package io.keycloaksignup.verification;

/**
 * The outcome shown to the holder of a verification link. {@code maskedEmail} and
 * {@code username} are only filled where the link itself proves the right to see them.
 */
public record VerificationResult(VerificationStatus status, String maskedEmail, String username) {

    public static VerificationResult of(VerificationStatus status) {
        return new VerificationResult(status, null, null);
    }
}
