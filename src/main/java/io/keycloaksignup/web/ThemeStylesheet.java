package io.keycloaksignup.web;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.Response;

/**
 * The operator's colour as a tiny stylesheet. The content security policy admits no inline
 * styles, so the colour cannot be written into the page itself.
 */
@Path("/css/theme.css")
public class ThemeStylesheet {

    private final Theme theme;

    public ThemeStylesheet(Theme theme) {
        this.theme = theme;
    }

    @GET
    @Produces("text/css")
    public Response css() {
        CacheControl cache = new CacheControl();
        cache.setMaxAge(300);
        return Response.ok(":root { --brand: " + theme.primaryColor() + "; }\n")
                .cacheControl(cache).build();
    }
}
