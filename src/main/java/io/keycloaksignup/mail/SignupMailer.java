package io.keycloaksignup.mail;

import io.keycloaksignup.platform.SignupConfig;
import io.keycloaksignup.registration.Registration;
import io.keycloaksignup.verification.VerificationToken;
import io.keycloaksignup.web.Links;
import io.quarkus.mailer.MailTemplate.MailTemplateInstance;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.qute.i18n.Localized;
import io.quarkus.qute.i18n.MessageBundles;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.Set;

/**
 * Renders and hands over the service's mails, HTML and plain text, from type-safe templates.
 * Only the outbox sender calls it, so a slow or absent mail server never holds up a request.
 * Links are built from {@code signup.public-url} only. Values that come from the person are
 * escaped by the HTML templates and stripped of control characters for the text part; subjects
 * hold none of them. Failures are thrown as they come; the sender decides about retrying.
 */
@ApplicationScoped
public class SignupMailer {

    private static final Duration SEND_TIMEOUT = Duration.ofSeconds(30);
    /** Languages with a complete mail bundle ({@code messages/mail_*.properties}). */
    static final Set<String> MAIL_LANGUAGES = Set.of("en", "de", "fr", "es");

    @CheckedTemplate
    static class Templates {
        static native MailTemplateInstance verification(String lang, String firstName, String link,
                long validHours, String productName, String supportAddress);

        static native MailTemplateInstance accountReady(String lang, String firstName, String username,
                String accountLink, String productName, String supportAddress);
    }

    private final SignupConfig config;
    private final Links links;

    public SignupMailer(SignupConfig config, Links links) {
        this.config = config;
        this.links = links;
    }

    /** The confirmation link with a token that is valid from now. */
    public void sendVerification(Registration registration, VerificationToken token) {
        long hours = Math.max(1, config.verification().lifespan().toHours());
        String product = config.mail().productName();
        Locale locale = languageOf(registration);
        Templates.verification(locale.toLanguageTag(), plain(registration.firstName), verifyLink(token), hours,
                        product, config.mail().supportAddress().orElse(null))
                .setAttribute(TemplateInstance.LOCALE, locale)
                .to(registration.emailNormalized)
                .subject(messages(locale).verificationSubject(plain(product)))
                .send()
                .await().atMost(SEND_TIMEOUT);
    }

    /** Tells the person that the account they confirmed earlier now exists. */
    public void sendAccountReady(Registration registration) {
        String product = config.mail().productName();
        Locale locale = languageOf(registration);
        Templates.accountReady(locale.toLanguageTag(), plain(registration.firstName),
                        plain(registration.effectiveUsername()), links.account(), product,
                        config.mail().supportAddress().orElse(null))
                .setAttribute(TemplateInstance.LOCALE, locale)
                .to(registration.emailNormalized)
                .subject(messages(locale).readySubject(plain(product)))
                .send()
                .await().atMost(SEND_TIMEOUT);
    }

    /**
     * The language the person signed up in, when the mails speak it; English otherwise. The
     * locale's language alone decides ({@code de-AT} gets German).
     */
    static Locale languageOf(Registration registration) {
        if (registration.locale == null) {
            return Locale.ENGLISH;
        }
        String language = Locale.forLanguageTag(registration.locale).getLanguage();
        return MAIL_LANGUAGES.contains(language) ? Locale.forLanguageTag(language) : Locale.ENGLISH;
    }

    private static MailMessages messages(Locale locale) {
        return MessageBundles.get(MailMessages.class, Localized.Literal.of(locale.toLanguageTag()));
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
