package io.keycloaksignup.web;

import io.quarkus.qute.TemplateInstance;
import io.quarkus.qute.i18n.Localized;
import io.quarkus.qute.i18n.MessageBundles;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;

/**
 * Turns a page template into an answer: in the request's language, never cached (pages carry
 * CSRF or verification tokens), and remembering a language picked with {@code ?lang=}.
 */
@ApplicationScoped
public class Pages {

    private static final MediaType HTML = MediaType.TEXT_HTML_TYPE.withCharset("UTF-8");

    private final PageLanguage language;

    public Pages(PageLanguage language) {
        this.language = language;
    }

    public Response render(int status, TemplateInstance page) {
        localize(page);
        Response.ResponseBuilder answer = Response.status(status).type(HTML)
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .header(HttpHeaders.CONTENT_LANGUAGE, language.tag())
                .entity(page);
        language.cookieToRemember().ifPresent(answer::cookie);
        return answer.build();
    }

    /** Sets the request's language on a page about to be rendered. */
    public TemplateInstance localize(TemplateInstance page) {
        page.setLocale(language.locale());
        return page;
    }

    /** The language tag of this request's pages. */
    public String languageTag() {
        return language.tag();
    }

    /** The texts in the request's language, for text chosen in Java (field errors). */
    public Messages messages() {
        String tag = language.locale().getLanguage();
        return tag.equals(PageLanguage.SUPPORTED.getFirst()) ? MessageBundles.get(Messages.class)
                : MessageBundles.get(Messages.class, Localized.Literal.of(tag));
    }

    /**
     * Whether the caller is a browser that wants a page rather than a JSON document: the most
     * preferred of HTML and JSON in its {@code Accept} header is HTML. API clients that send
     * {@code *}{@code /*} or nothing keep getting JSON.
     */
    public static boolean wantsHtml(HttpHeaders headers) {
        return wantsHtml(headers.getAcceptableMediaTypes());
    }

    /** {@link #wantsHtml(HttpHeaders)} for the media types of an {@code Accept} header, best first. */
    public static boolean wantsHtml(List<MediaType> acceptable) {
        for (MediaType type : acceptable) {
            if (type.isWildcardType() || type.isWildcardSubtype()) {
                continue;
            }
            if (type.isCompatible(MediaType.TEXT_HTML_TYPE)
                    || type.isCompatible(MediaType.APPLICATION_XHTML_XML_TYPE)) {
                return true;
            }
            if (type.getSubtype().endsWith("json")) {
                return false;
            }
        }
        return false;
    }
}
