package io.keycloaksignup.mail;

import io.keycloaksignup.platform.ServiceBusyException;
import io.keycloaksignup.platform.SignupConfig;
import io.keycloaksignup.registration.NewRegistration;
import io.keycloaksignup.verification.VerificationToken;
import io.quarkus.mailer.MailTemplate.MailTemplateInstance;
import io.quarkus.qute.CheckedTemplate;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Sends the verification mail, HTML and plain text, from type-safe templates. The link is built
 * from {@code signup.public-url} only. Values that come from the person are escaped by the HTML
 * template and stripped of control characters for the text part; the subject holds none of them.
 */
@ApplicationScoped
public class VerificationMailer {

    private static final Logger LOG = Logger.getLogger(VerificationMailer.class);
    private static final Duration SEND_TIMEOUT = Duration.ofSeconds(30);

    @CheckedTemplate
    static class Templates {
        static native MailTemplateInstance verification(String firstName, String link,
                long validHours, String productName, String supportAddress);
    }

    private final SignupConfig config;

    public VerificationMailer(SignupConfig config) {
        this.config = config;
    }

    public void sendVerification(UUID registrationId, NewRegistration registration,
            VerificationToken token) {
        long hours = Math.max(1, config.verification().lifespan().toHours());
        String product = config.mail().productName();
        try {
            Templates.verification(plain(registration.firstName()), verifyLink(token), hours, product,
                            config.mail().supportAddress().orElse(null))
                    .to(registration.email().normalized())
                    .subject("Confirm your email address for " + plain(product))
                    .send()
                    .await().atMost(SEND_TIMEOUT);
            LOG.infof("Verification mail for registration %s handed to the mail server", registrationId);
        } catch (RuntimeException e) {
            LOG.warnf("Verification mail for registration %s failed: %s", registrationId,
                    e.getClass().getSimpleName());
            throw new ServiceBusyException("mail_unavailable", "mail server unavailable", e);
        }
    }

    /** {@code {public-url}/verify?token=...}; never derived from a request. */
    String verifyLink(VerificationToken token) {
        String base = config.publicUrl().toString();
        if (base.endsWith("/")) {
            base = base.substring(0, base.length() - 1);
        }
        return base + "/verify?token=" + URLEncoder.encode(token.value(), StandardCharsets.US_ASCII);
    }

    /** Removes line breaks and other control characters, so a value cannot reshape the mail. */
    static String plain(String value) {
        return value == null ? null : value.replaceAll("[\\p{Cc}\\p{Cf}\\p{Zl}\\p{Zp}]", " ").strip();
    }
}
