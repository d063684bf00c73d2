package io.keycloaksignup.web;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * Some refusals happen before any resource or exception mapper runs and carry no body, above all
 * a form whose CSRF token is missing or stale (the page was left open past the cookie's
 * lifespan). A browser would show a blank screen; it gets the "could not be handled" page with
 * a way back instead. API clients keep the bare status.
 */
public class BlankErrorPages {

    private final ErrorPages errorPages;
    private final Pages pages;

    public BlankErrorPages(ErrorPages errorPages, Pages pages) {
        this.errorPages = errorPages;
        this.pages = pages;
    }

    @ServerResponseFilter
    public void fill(ContainerRequestContext request, ContainerResponseContext response) {
        int status = response.getStatus();
        if (status < 400 || response.hasEntity() || !Pages.wantsHtml(request.getAcceptableMediaTypes())) {
            return;
        }
        response.setEntity(errorPages.html(status), null, MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"));
        response.getHeaders().putSingle(HttpHeaders.CACHE_CONTROL, "no-store");
        response.getHeaders().putSingle(HttpHeaders.CONTENT_LANGUAGE, pages.languageTag());
    }
}
