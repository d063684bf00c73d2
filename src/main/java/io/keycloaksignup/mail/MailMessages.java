package io.keycloaksignup.mail;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * Every text of the mails, in English; {@code messages/mail_de.properties} and its siblings hold
 * the translations. Each mail is written in the language stored with the registration. Values a
 * person typed reach a message only as a parameter, and the HTML mail escapes the result.
 */
@MessageBundle("mail")
public interface MailMessages {

    @Message("Hello {name},")
    String greeting(String name);

    @Message("Questions? Write to {address}.")
    String support(String address);

    @Message("If the button does not work, copy this link into your browser:")
    String linkFallback();

    // --- Verification ---------------------------------------------------------------------
    @Message("Confirm your email address for {product}")
    String verificationSubject(String product);

    @Message("Confirm your email address")
    String verificationHeading();

    @Message("Thank you for signing up for {product}. Please confirm that this address is yours to finish "
            + "creating your account.")
    String verificationIntro(String product);

    @Message("Confirm my email address")
    String verificationButton();

    @Message("The link works once and expires in {hours} hours. If you did not sign up, ignore this mail: "
            + "no account is created without your confirmation.")
    String verificationFooter(long hours);

    // --- Account ready --------------------------------------------------------------------
    @Message("Your {product} account is ready")
    String readySubject(String product);

    @Message("Your account is ready")
    String readyHeading();

    @Message("You confirmed your email address earlier and we have now finished creating your {product} "
            + "account. Log in with the username {username} or your email address and the password you chose.")
    String readyIntro(String product, String username);

    @Message("Log in")
    String readyButton();
}
