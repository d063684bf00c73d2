package io.keycloaksignup.platform;

/** Sign-up is switched off ({@code signup.registration.enabled=false}); answered with 403. */
public class RegistrationClosedException extends RuntimeException {

    public RegistrationClosedException() {
        super("registration is disabled", null, false, false);
    }
}
