package io.keycloaksignup.web;

import io.keycloaksignup.platform.SignupConfig;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.MultivaluedMap;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * Security headers on every answer. Pages may carry a token in their URL, so no page may leak
 * its address through a Referer, be framed, or run script from anywhere. Browsers are told to
 * stay on https once the service is reached over it, or is published under an https URL.
 */
public class SecurityHeaders {

    static final String CONTENT_SECURITY_POLICY = "default-src 'none'; style-src 'self'; img-src 'self'; "
            + "form-action 'self'; frame-ancestors 'none'; object-src 'none'; base-uri 'none'";
    static final String HSTS = "max-age=31536000; includeSubDomains";

    private final String contentSecurityPolicy;
    private final boolean publishedOverHttps;

    public SecurityHeaders(SignupConfig config, Theme theme) {
        // An operator's logo on another host must be allowed explicitly, and only that origin.
        this.contentSecurityPolicy = theme.logoOrigin()
                .map(origin -> CONTENT_SECURITY_POLICY.replace("img-src 'self'", "img-src 'self' " + origin))
                .orElse(CONTENT_SECURITY_POLICY);
        this.publishedOverHttps = "https".equalsIgnoreCase(config.publicUrl().getScheme());
    }

    @ServerResponseFilter
    public void addHeaders(ContainerRequestContext request, ContainerResponseContext response) {
        MultivaluedMap<String, Object> headers = response.getHeaders();
        headers.putSingle("X-Content-Type-Options", "nosniff");
        headers.putSingle("Referrer-Policy", "no-referrer");
        headers.putSingle("X-Frame-Options", "DENY");
        headers.putSingle("Content-Security-Policy", contentSecurityPolicy);
        if (publishedOverHttps || "https".equalsIgnoreCase(request.getUriInfo().getRequestUri().getScheme())) {
            headers.putSingle("Strict-Transport-Security", HSTS);
        }
    }
}
