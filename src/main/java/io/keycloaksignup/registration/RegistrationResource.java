package io.keycloaksignup.registration;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** The sign-up API for web and native apps. */
@Path("/register")
public class RegistrationResource {

    /**
     * The one answer to every accepted sign-up, byte for byte, whether the address is new, was
     * seen before or already has an account: the API must not reveal which.
     */
    public static final String ACCEPTED_BODY = "{\"status\":\"verification_pending\","
            + "\"message\":\"If the address can receive mail, a confirmation link is on its way.\"}";

    private final RegistrationService registrations;

    public RegistrationResource(RegistrationService registrations) {
        this.registrations = registrations;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public Response register(RegistrationRequest request) {
        registrations.register(request);
        return Response.accepted(ACCEPTED_BODY).type(MediaType.APPLICATION_JSON_TYPE).build();
    }
}
