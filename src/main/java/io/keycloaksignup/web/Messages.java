package io.keycloaksignup.web;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * Every text of the pages, in English; {@code messages/msg_de.properties} and its siblings hold
 * the translations under the same keys (the method names). Templates use them as
 * {@code msg:key}. Values a person typed never go into a message: they are placed next to it in
 * the template, where Qute escapes them.
 */
@MessageBundle
public interface Messages {

    // --- Layout ---------------------------------------------------------------------------
    @Message("Skip to the form")
    String skipToContent();

    @Message("Language")
    String languageLabel();

    @Message("Need help? Write to")
    String supportPrefix();

    @Message("Error")
    String errorTitlePrefix();

    // --- Registration form ----------------------------------------------------------------
    @Message("Create your account")
    String registerTitle();

    @Message("We will send a link to your email address to confirm it.")
    String registerIntro();

    @Message("Email address")
    String email();

    @Message("Username")
    String username();

    @Message("First name")
    String firstName();

    @Message("Last name")
    String lastName();

    @Message("Password")
    String password();

    @Message("Use a long password. A few unrelated words are easy to remember and hard to guess.")
    String passwordHint();

    @Message("I accept the terms of service")
    String acceptTerms();

    @Message("Read the terms of service")
    String readTerms();

    @Message("Create account")
    String submit();

    @Message("Already have an account?")
    String haveAccount();

    @Message("Log in")
    String logIn();

    @Message("There is a problem")
    String errorSummaryTitle();

    // --- After submitting -----------------------------------------------------------------
    @Message("Check your inbox")
    String checkInboxTitle();

    @Message("If the address can receive mail, a confirmation link is on its way. "
            + "Open it to finish creating your account.")
    String checkInboxText();

    @Message("The link is valid for {hours} hours. Nothing arrived after a few minutes? "
            + "Look in your spam folder, or sign up again to receive a new link.")
    String checkInboxHint(long hours);

    @Message("Sign up again")
    String signUpAgain();

    @Message("Registration is closed")
    String closedTitle();

    @Message("New accounts cannot be created here at the moment. Please try again later.")
    String closedText();

    // --- Field errors ---------------------------------------------------------------------
    @Message("Enter your email address.")
    String errorEmailRequired();

    @Message("Enter an email address like name@example.com.")
    String errorEmailInvalid();

    @Message("Addresses at this domain cannot sign up here.")
    String errorEmailNotAllowed();

    @Message("Use a permanent email address; disposable ones cannot sign up.")
    String errorEmailDisposable();

    @Message("Choose a username.")
    String errorUsernameRequired();

    @Message("This username is too short.")
    String errorUsernameTooShort();

    @Message("This username is too long.")
    String errorUsernameTooLong();

    @Message("Choose a password.")
    String errorPasswordRequired();

    @Message("This password is too short.")
    String errorPasswordTooShort();

    @Message("This password is too long.")
    String errorPasswordTooLong();

    @Message("Choose a password that differs from your email address and username.")
    String errorPasswordPersonal();

    @Message("This password is too easy to guess or has appeared in a data breach. Choose another.")
    String errorPasswordWeak();

    @Message("Accept the terms of service to continue.")
    String errorTermsNotAccepted();

    @Message("The link that brought you here is not valid. Go back to the app and open sign-up again.")
    String errorAppLink();

    @Message("This field is required.")
    String errorRequired();

    @Message("This is too long.")
    String errorTooLong();

    @Message("This value is not valid.")
    String errorInvalid();

    // --- Verification pages ---------------------------------------------------------------
    @Message("Confirm your email address")
    String confirmTitle();

    @Message("You are about to create an account for")
    String confirmAccountFor();

    @Message("with the username")
    String confirmWithUsername();

    @Message("Confirm and create my account")
    String confirmButton();

    @Message("If you did not sign up, close this page: nothing happens without your confirmation.")
    String confirmHint();

    @Message("Your account is ready")
    String successTitle();

    @Message("Your email address is confirmed and your account has been created. You can log in now.")
    String successText();

    @Message("Continue")
    String continueButton();

    @Message("Almost done")
    String inProgressTitle();

    @Message("Your email address is confirmed. We are still finishing your account; "
            + "this usually takes a moment.")
    String inProgressText();

    @Message("Try again")
    String tryAgain();

    @Message("You already have an account")
    String existsTitle();

    @Message("An account with this email address or username already exists, so no new account "
            + "was created. Log in, or set a new password if you have forgotten it.")
    String existsText();

    @Message("Reset my password")
    String resetPassword();

    @Message("This link has already been used")
    String usedTitle();

    @Message("Each confirmation link works once. If you confirmed your address, your account is "
            + "ready and you can log in.")
    String usedText();

    @Message("This link has expired")
    String expiredTitle();

    @Message("Confirmation links are valid for a limited time. Sign up again to receive a new one.")
    String expiredText();

    @Message("This link is not valid")
    String invalidTitle();

    @Message("The link may be incomplete: make sure you copied all of it from the mail. "
            + "You can also sign up again to receive a new one.")
    String invalidText();

    // --- Error pages ----------------------------------------------------------------------
    @Message("Page not found")
    String notFoundTitle();

    @Message("There is nothing at this address. Check the link, or start again from the sign-up page.")
    String notFoundText();

    @Message("Something went wrong on our side")
    String serverErrorTitle();

    @Message("Your request could not be completed. Nothing was lost; please try again in a few minutes.")
    String serverErrorText();

    @Message("The service is busy")
    String busyTitle();

    @Message("Nothing was lost; please try again in a few seconds.")
    String busyText();

    @Message("This request could not be handled")
    String badRequestTitle();

    @Message("The page may have been open for too long. Go back to the sign-up page and try again.")
    String badRequestText();

    @Message("Go to the sign-up page")
    String toSignUp();
}
