package io.keycloaksignup.registration;

import io.keycloaksignup.web.Links;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;

/** The sign-up API for web and native apps. */
@Path("/register")
public class RegistrationResource {

    /**
     * The one answer to every accepted sign-up, byte for byte, whether the address is new, was
     * seen before or already has an account: the API must not reveal which.
     */
    public static final String ACCEPTED_BODY = "{\"status\":\"verification_pending\","
            + "\"message\":\"If the address can receive mail, a confirmation link is on its way.\"}";

    /** The answer when email verification is off and the account exists right away. */
    public record Created(String status, String userId, String accountUrl) {
    }

    private final RegistrationService registrations;
    private final Links links;

    public RegistrationResource(RegistrationService registrations, Links links) {
        this.registrations = registrations;
        this.links = links;
    }

    /** The one answer to every resend request, known address or not. */
    public static final String RESEND_BODY = "{\"status\":\"resend_requested\","
            + "\"message\":\"If a sign-up for this address is waiting for confirmation,"
            + " a new link is on its way.\"}";

    /** Body of {@code POST /register/resend}. */
    public record ResendRequest(String email) {
    }

    @POST
    @Path("/resend")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public Response resend(ResendRequest request) {
        registrations.resend(request == null ? null : request.email());
        return Response.accepted(RESEND_BODY).type(MediaType.APPLICATION_JSON_TYPE).build();
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public Response register(RegistrationRequest request) {
        return switch (registrations.register(request, "api")) {
            case RegistrationOutcome.Accepted accepted ->
                    Response.accepted(ACCEPTED_BODY).type(MediaType.APPLICATION_JSON_TYPE).build();
            case RegistrationOutcome.Created created -> Response.created(URI.create(links.account()))
                    .entity(new Created("created", created.keycloakUserId(), links.account())).build();
        };
    }
}
