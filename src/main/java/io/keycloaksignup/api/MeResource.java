package io.keycloaksignup.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.quarkus.security.Authenticated;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * A token-protected endpoint: the same bearer-token check (issuer, signature, expiry, audience)
 * that an API gateway in front of the organisation's services performs against the realm.
 */
@Path("/api/me")
@Authenticated
public class MeResource {

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Me(String subject, String username, String email, Boolean emailVerified) {
    }

    private final JsonWebToken token;

    public MeResource(JsonWebToken token) {
        this.token = token;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Me me() {
        return new Me(token.getSubject(), token.getClaim("preferred_username"), token.getClaim("email"),
                token.getClaim("email_verified"));
    }
}
