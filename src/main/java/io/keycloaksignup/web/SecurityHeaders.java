package io.keycloaksignup.web;

import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.MultivaluedMap;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * Security headers on every answer. Pages may carry a token in their URL, so no page may leak
 * its address through a Referer, be framed, or run script from anywhere.
 */
public class SecurityHeaders {

    static final String CONTENT_SECURITY_POLICY = "default-src 'none'; style-src 'self'; img-src 'self'; "
            + "form-action 'self'; frame-ancestors 'none'; object-src 'none'; base-uri 'none'";

    @ServerResponseFilter
    public void addHeaders(ContainerResponseContext response) {
        MultivaluedMap<String, Object> headers = response.getHeaders();
        headers.putSingle("X-Content-Type-Options", "nosniff");
        headers.putSingle("Referrer-Policy", "no-referrer");
        headers.putSingle("X-Frame-Options", "DENY");
        headers.putSingle("Content-Security-Policy", CONTENT_SECURITY_POLICY);
    }
}
