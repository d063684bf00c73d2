package io.keycloaksignup.keycloak;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.GenericType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.logging.Logger;

/**
 * What the service asks of Keycloak's admin API, with Keycloak's answers turned into results.
 * Network failures and 5xx become {@link KeycloakUnavailableException}; nothing here retries.
 */
@ApplicationScoped
public class KeycloakAdmin {

    private static final Logger LOG = Logger.getLogger(KeycloakAdmin.class);
    private static final GenericType<List<KeycloakUser>> USERS = new GenericType<>() { };
    private static final GenericType<Map<String, Object>> MAP = new GenericType<>() { };

    /** The outcome of creating a user. */
    public sealed interface Creation {
        record Created(String userId) implements Creation { }

        /** Keycloak already has a user with this username or email. */
        record Conflict(String reason) implements Creation { }

        /** Keycloak refused the representation (4xx other than 409). */
        record Rejected(int status, String reason) implements Creation { }
    }

    private final KeycloakAdminApi api;

    public KeycloakAdmin(@RestClient KeycloakAdminApi api) {
        this.api = api;
    }

    public Creation createUser(KeycloakUser user) {
        try (Response response = call(() -> api.createUser(user))) {
            int status = response.getStatus();
            if (status == 201) {
                return new Creation.Created(idFrom(response.getLocation()));
            }
            String reason = errorMessage(response);
            if (status == 409) {
                return new Creation.Conflict(reason);
            }
            failOnServerError(response, "create user");
            LOG.warnf("Keycloak refused a new user: %d %s", status, reason);
            return new Creation.Rejected(status, reason);
        }
    }

    /** The realm's representation; needs the service account's {@code view-realm} role. */
    public RealmSettings.Realm realm() {
        try (Response response = call(api::realm)) {
            failOnServerError(response, "read realm");
            if (response.getStatus() != 200) {
                throw new KeycloakUnavailableException("read realm answered " + response.getStatus());
            }
            return response.readEntity(RealmSettings.Realm.class);
        }
    }

    /** The realm's declarative user profile (JSON), if the service account may read it. */
    public Optional<String> userProfile() {
        try (Response response = call(api::userProfile)) {
            if (response.getStatus() >= 500) {
                throw new KeycloakUnavailableException("read user profile answered " + response.getStatus());
            }
            if (response.getStatus() != 200) {
                LOG.warnf("The realm's user profile cannot be read (%d); Keycloak's default applies",
                        response.getStatus());
                return Optional.empty();
            }
            return Optional.of(response.readEntity(String.class));
        }
    }

    public Optional<KeycloakUser> findByUsername(String username) {
        return first(() -> api.searchUsers(username, null, null, true, false));
    }

    public Optional<KeycloakUser> findByEmail(String email) {
        return first(() -> api.searchUsers(null, email, null, true, false));
    }

    /** Users whose attribute {@code name} has exactly {@code value}. */
    public List<KeycloakUser> findByAttribute(String name, String value) {
        return list(() -> api.searchUsers(null, null, name + ":" + value, true, false));
    }

    public Optional<KeycloakUser> getUser(String id) {
        try (Response response = call(() -> api.getUser(id))) {
            if (response.getStatus() == 404) {
                return Optional.empty();
            }
            failOnServerError(response, "get user");
            return Optional.of(response.readEntity(KeycloakUser.class));
        }
    }

    /** Deletes a user; true when it existed. */
    public boolean deleteUser(String id) {
        try (Response response = call(() -> api.deleteUser(id))) {
            failOnServerError(response, "delete user");
            return response.getStatus() == 204;
        }
    }

    /** A client's registered redirect URIs. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Client(String id, String clientId, List<String> redirectUris) {

        public List<String> redirectUris() {
            return redirectUris == null ? List.of() : redirectUris;
        }
    }

    /** The client with exactly this client id; needs the service account's {@code view-clients}. */
    public Optional<Client> client(String clientId) {
        try (Response response = call(() -> api.clients(clientId))) {
            failOnServerError(response, "read clients");
            if (response.getStatus() != 200) {
                throw new KeycloakUnavailableException("read clients answered " + response.getStatus());
            }
            return response.readEntity(new GenericType<List<Client>>() { }).stream()
                    .filter(client -> clientId.equals(client.clientId()))
                    .findFirst();
        }
    }

    /** The id of the group at this path ({@code /parent/child}), if it exists. */
    public Optional<String> groupId(String path) {
        try (Response response = call(() -> api.groupByPath(path.startsWith("/") ? path.substring(1) : path))) {
            if (response.getStatus() == 404) {
                return Optional.empty();
            }
            failOnServerError(response, "read group");
            return Optional.ofNullable((String) response.readEntity(MAP).get("id"));
        }
    }

    /** The realm role's representation (id, name, ...), if it exists. */
    public Optional<Map<String, Object>> realmRole(String name) {
        try (Response response = call(() -> api.realmRole(name))) {
            if (response.getStatus() == 404) {
                return Optional.empty();
            }
            failOnServerError(response, "read realm role");
            return Optional.of(response.readEntity(MAP));
        }
    }

    public void joinGroup(String userId, String groupId) {
        try (Response response = call(() -> api.joinGroup(userId, groupId))) {
            expectNoContent(response, "join group");
        }
    }

    public void grantRealmRoles(String userId, List<Map<String, Object>> roles) {
        try (Response response = call(() -> api.grantRealmRoles(userId, roles))) {
            expectNoContent(response, "grant realm roles");
        }
    }

    private static void expectNoContent(Response response, String action) {
        failOnServerError(response, action);
        if (response.getStatus() != 204) {
            throw new KeycloakUnavailableException(action + " answered " + response.getStatus());
        }
    }

    private Optional<KeycloakUser> first(Supplier<Response> request) {
        return list(request).stream().findFirst();
    }

    private List<KeycloakUser> list(Supplier<Response> request) {
        try (Response response = call(request)) {
            failOnServerError(response, "search users");
            if (response.getStatus() != 200) {
                throw new KeycloakUnavailableException("search users answered " + response.getStatus());
            }
            return response.readEntity(USERS);
        }
    }

    private static Response call(Supplier<Response> request) {
        try {
            return request.get();
        } catch (ProcessingException | WebApplicationException e) {
            throw new KeycloakUnavailableException("Keycloak is not reachable: " + e.getClass().getSimpleName(), e);
        } catch (RuntimeException e) {
            // the OIDC client filter fails this way when no service-account token can be had
            throw new KeycloakUnavailableException("Keycloak call failed: " + e.getClass().getSimpleName(), e);
        }
    }

    private static void failOnServerError(Response response, String action) {
        if (response.getStatus() >= 500 || response.getStatus() == 401 || response.getStatus() == 403) {
            throw new KeycloakUnavailableException(action + " answered " + response.getStatus());
        }
    }

    private static String idFrom(URI location) {
        String path = location.getPath();
        return path.substring(path.lastIndexOf('/') + 1);
    }

    private static String errorMessage(Response response) {
        if (!response.hasEntity()) {
            return "";
        }
        try {
            ErrorRepresentation error = response.readEntity(ErrorRepresentation.class);
            return error.errorMessage() != null ? error.errorMessage() : "";
        } catch (RuntimeException e) {
            return "";
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record ErrorRepresentation(String errorMessage, String error) { }
}
