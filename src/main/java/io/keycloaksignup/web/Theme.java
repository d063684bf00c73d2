package io.keycloaksignup.web;

import io.keycloaksignup.platform.SignupConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;
import java.net.URI;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.jboss.logging.Logger;

/**
 * The operator's branding from {@code signup.theme.*}, checked once at start-up and read by the
 * base layout as {@code inject:theme}. Values end up in CSS and in attributes, so they are
 * validated here rather than trusted.
 */
@ApplicationScoped
@Named("theme")
public class Theme {

    private static final Logger LOG = Logger.getLogger(Theme.class);
    private static final Pattern HEX_COLOR = Pattern.compile("#[0-9a-fA-F]{6}");
    private static final String DEFAULT_COLOR = "#0b57d0";

    /** One link in the page footer. */
    public record FooterLink(String label, String url) {
    }

    private final String productName;
    private final String logoUrl;
    private final String primaryColor;
    private final String supportEmail;
    private final List<FooterLink> footerLinks;

    public Theme(SignupConfig config) {
        SignupConfig.Theme theme = config.theme();
        this.productName = theme.productName();
        this.logoUrl = theme.logoUrl().filter(Theme::isSafeUrl).orElse(null);
        this.primaryColor = color(theme.primaryColor());
        this.supportEmail = theme.supportEmail().filter(email -> email.contains("@")).orElse(null);
        this.footerLinks = theme.footerLinks().orElse(List.of()).stream()
                .map(Theme::footerLink).flatMap(Optional::stream).toList();
    }

    public String productName() {
        return productName;
    }

    public String logoUrl() {
        return logoUrl;
    }

    public String primaryColor() {
        return primaryColor;
    }

    public String supportEmail() {
        return supportEmail;
    }

    public List<FooterLink> footerLinks() {
        return footerLinks;
    }

    /** The logo's origin when it is on another host, so the image policy can admit it. */
    public Optional<String> logoOrigin() {
        if (logoUrl == null || logoUrl.startsWith("/")) {
            return Optional.empty();
        }
        URI uri = URI.create(logoUrl);
        return Optional.of(uri.getScheme() + "://" + uri.getRawAuthority());
    }

    private static String color(String value) {
        if (HEX_COLOR.matcher(value).matches()) {
            return value;
        }
        LOG.warnf("signup.theme.primary-color must look like #1a2b3c; using %s", DEFAULT_COLOR);
        return DEFAULT_COLOR;
    }

    private static Optional<FooterLink> footerLink(String entry) {
        int bar = entry.indexOf('|');
        if (bar <= 0 || !isSafeUrl(entry.substring(bar + 1).strip())) {
            LOG.warnf("Ignoring signup.theme.footer-links entry without 'Label|https://url': %s", entry);
            return Optional.empty();
        }
        return Optional.of(new FooterLink(entry.substring(0, bar).strip(), entry.substring(bar + 1).strip()));
    }

    /** A path on this service or an http(s) URL: never {@code javascript:} or {@code data:}. */
    private static boolean isSafeUrl(String url) {
        try {
            URI uri = URI.create(url);
            boolean local = uri.getScheme() == null && url.startsWith("/") && !url.startsWith("//");
            boolean web = ("https".equals(uri.getScheme()) || "http".equals(uri.getScheme()))
                    && uri.getRawAuthority() != null;
            return local || web;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
