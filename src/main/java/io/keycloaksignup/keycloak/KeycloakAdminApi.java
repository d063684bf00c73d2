package io.keycloaksignup.keycloak;

import io.quarkus.oidc.client.filter.OidcClientFilter;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/**
 * Keycloak's admin REST API for one realm ({@code quarkus.rest-client.keycloak-admin.url} ends in
 * {@code /admin/realms/<realm>}), called with the service account's client-credentials token.
 * Every method answers a raw {@link Response}: a 409 or 404 is a result to act on.
 */
@RegisterRestClient(configKey = "keycloak-admin")
@OidcClientFilter
@Produces(MediaType.APPLICATION_JSON)
public interface KeycloakAdminApi {

    @GET
    Response realm();

    @GET
    @Path("/users/profile")
    Response userProfile();

    @POST
    @Path("/users")
    @Consumes(MediaType.APPLICATION_JSON)
    Response createUser(KeycloakUser user);

    @GET
    @Path("/users")
    Response searchUsers(@QueryParam("username") String username, @QueryParam("email") String email,
            @QueryParam("q") String attributeQuery, @QueryParam("exact") Boolean exact,
            @QueryParam("briefRepresentation") Boolean brief);

    @GET
    @Path("/users/{id}")
    Response getUser(@PathParam("id") String id);

    @DELETE
    @Path("/users/{id}")
    Response deleteUser(@PathParam("id") String id);

    @GET
    @Path("/clients")
    Response clients(@QueryParam("clientId") String clientId);

    @GET
    @Path("/group-by-path/{path: .*}")
    Response groupByPath(@PathParam("path") String path);

    @GET
    @Path("/roles/{name}")
    Response realmRole(@PathParam("name") String name);

    @PUT
    @Path("/users/{id}/groups/{groupId}")
    Response joinGroup(@PathParam("id") String userId, @PathParam("groupId") String groupId);

    @POST
    @Path("/users/{id}/role-mappings/realm")
    @Consumes(MediaType.APPLICATION_JSON)
    Response grantRealmRoles(@PathParam("id") String userId, List<Map<String, Object>> roles);
}
