package io.keycloaksignup.registration;

import io.keycloaksignup.platform.FieldError;
import io.keycloaksignup.web.Messages;

/**
 * The sentence a person reads for a field error, chosen by its stable code. The API's English
 * messages are for developers; pages need the person's language, so they map codes to texts.
 */
final class FieldErrorText {

    private FieldErrorText() {
    }

    static String of(FieldError error, Messages text) {
        String code = error.code();
        return switch (code) {
            case "email_required" -> text.errorEmailRequired();
            case "email_invalid", "email_too_long" -> text.errorEmailInvalid();
            case "email_domain_not_allowed" -> text.errorEmailNotAllowed();
            case "email_disposable" -> text.errorEmailDisposable();
            case "username_required" -> text.errorUsernameRequired();
            case "username_too_short" -> text.errorUsernameTooShort();
            case "username_too_long" -> text.errorUsernameTooLong();
            case "password_required" -> text.errorPasswordRequired();
            case "password_too_short" -> text.errorPasswordTooShort();
            case "password_too_long" -> text.errorPasswordTooLong();
            case "password_equals_email", "password_equals_username" -> text.errorPasswordPersonal();
            case "password_common", "password_breached" -> text.errorPasswordWeak();
            case "terms_not_accepted" -> text.errorTermsNotAccepted();
            case "client_unknown", "redirect_uri_not_allowed" -> text.errorAppLink();
            default -> code.endsWith("_required") ? text.errorRequired()
                    : code.endsWith("_too_long") ? text.errorTooLong()
                    : text.errorInvalid();
        };
    }

    /**
     * The label of the field an error is about, so that the error summary at the top of the page
     * reads on its own ("First name: This field is required."); null for fields the page lacks.
     */
    static String label(String field, Messages text) {
        return switch (field) {
            case "email" -> text.email();
            case "username" -> text.username();
            case "firstName" -> text.firstName();
            case "lastName" -> text.lastName();
            case "password" -> text.password();
            case "acceptTerms" -> text.acceptTerms();
            default -> null;
        };
    }
}
