package io.keycloaksignup.web;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.Response;

/**
 * Friendly pages for browsers when something fails; API clients get problem documents from the
 * same mapper instead. The page says what a person can do next, never what went wrong inside.
 */
@ApplicationScoped
public class ErrorPages {

    /** What kind of failure a page explains; the template picks its texts by it. */
    public enum Kind { NOT_FOUND, BAD_REQUEST, BUSY, SERVER_ERROR }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance error(String kind, Links links);
    }

    private final Pages pages;
    private final Links links;

    public ErrorPages(Pages pages, Links links) {
        this.pages = pages;
        this.links = links;
    }

    public Response page(int status) {
        return pages.render(status, template(status));
    }

    /** The page as text, for answers that already exist and only lack a body. */
    public String html(int status) {
        return pages.localize(template(status)).render();
    }

    private TemplateInstance template(int status) {
        Kind kind = switch (status) {
            case 404, 405 -> Kind.NOT_FOUND;
            case 503 -> Kind.BUSY;
            default -> status >= 500 ? Kind.SERVER_ERROR : Kind.BAD_REQUEST;
        };
        return Templates.error(kind.name(), links);
    }
}
