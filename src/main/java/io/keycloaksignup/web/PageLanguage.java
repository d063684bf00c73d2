package io.keycloaksignup.web;

import io.vertx.core.http.Cookie;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Named;
import jakarta.ws.rs.core.NewCookie;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The language of the pages of one request: an explicit {@code ?lang=} wins (and is remembered in
 * a cookie), then that cookie, then the browser's {@code Accept-Language}, then English. Only
 * languages with a complete message bundle are ever chosen. Templates read it as
 * {@code inject:language}.
 */
@RequestScoped
@Named("language")
public class PageLanguage {

    /** The languages the pages are translated into; the first is the fallback. */
    public static final List<String> SUPPORTED = List.of("en", "de", "fr", "es");

    static final String COOKIE = "lang";
    private static final Duration COOKIE_LIFESPAN = Duration.ofDays(365);

    private final RoutingContext request;
    private Locale chosen;

    public PageLanguage(RoutingContext request) {
        this.request = request;
    }

    public Locale locale() {
        if (chosen == null) {
            chosen = Locale.forLanguageTag(choose());
        }
        return chosen;
    }

    /** The BCP 47 tag for {@code <html lang>} and for the registration record. */
    public String tag() {
        return locale().toLanguageTag();
    }

    /** A cookie that remembers a language picked with {@code ?lang=}; empty otherwise. */
    public Optional<NewCookie> cookieToRemember() {
        return supported(request.request().getParam("lang"))
                .map(tag -> new NewCookie.Builder(COOKIE).value(tag).path("/")
                        .maxAge((int) COOKIE_LIFESPAN.toSeconds()).httpOnly(true)
                        .sameSite(NewCookie.SameSite.LAX).build());
    }

    private String choose() {
        Optional<String> query = supported(request.request().getParam("lang"));
        if (query.isPresent()) {
            return query.get();
        }
        Cookie cookie = request.request().getCookie(COOKIE);
        Optional<String> remembered = supported(cookie == null ? null : cookie.getValue());
        if (remembered.isPresent()) {
            return remembered.get();
        }
        return fromAcceptLanguage(request.request().getHeader("Accept-Language"));
    }

    static String fromAcceptLanguage(String header) {
        if (header == null || header.isBlank()) {
            return SUPPORTED.getFirst();
        }
        try {
            String match = Locale.lookupTag(Locale.LanguageRange.parse(header), SUPPORTED);
            return match != null ? match : SUPPORTED.getFirst();
        } catch (IllegalArgumentException malformed) {
            return SUPPORTED.getFirst();
        }
    }

    static Optional<String> supported(String value) {
        if (value == null) {
            return Optional.empty();
        }
        String language = value.strip().toLowerCase(Locale.ROOT);
        return SUPPORTED.contains(language) ? Optional.of(language) : Optional.empty();
    }
}
