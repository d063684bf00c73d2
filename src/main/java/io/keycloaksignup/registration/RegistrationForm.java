package io.keycloaksignup.registration;

import org.jboss.resteasy.reactive.RestForm;

/**
 * The form body of {@code POST /register} from the sign-up page. It is a class of its own
 * because one class cannot be both a JSON body and a form; it turns into the same
 * {@link RegistrationRequest} the API takes, so both paths share every rule.
 */
public class RegistrationForm {

    @RestForm
    public String email;

    @RestForm
    public String username;

    @RestForm
    public String firstName;

    @RestForm
    public String lastName;

    @RestForm
    public String password;

    /** The app that sent the person here ({@code ?client_id=} of the page), kept in a hidden field. */
    @RestForm
    public String clientId;

    /** Where the app wants the person back after confirming ({@code ?redirect_uri=}). */
    @RestForm
    public String redirectUri;

    /** "true" when the box is ticked; browsers leave unticked boxes out. */
    @RestForm
    public String acceptTerms;

    boolean termsAccepted() {
        return "true".equalsIgnoreCase(acceptTerms) || "on".equalsIgnoreCase(acceptTerms);
    }

    RegistrationRequest toRequest(String locale) {
        return new RegistrationRequest(email, password, firstName, lastName, blankToNull(username), locale,
                null, termsAccepted() ? Boolean.TRUE : null, blankToNull(clientId), blankToNull(redirectUri));
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }

    @Override
    public String toString() {
        return "RegistrationForm[password redacted]";
    }
}
