package io.keycloaksignup.registration.rules;

import io.keycloaksignup.keycloak.KeycloakAdmin;
import io.keycloaksignup.keycloak.KeycloakUnavailableException;
import io.keycloaksignup.platform.FieldError;
import io.keycloaksignup.platform.ServiceBusyException;
import io.keycloaksignup.platform.SignupConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Where a person may be sent after confirming: only to a redirect URI that Keycloak has registered
 * for the app's client, or one the operator lists in {@code signup.redirect.allowed}. Anything else
 * is refused at sign-up, so the service is never an open redirect. A pattern ending in {@code *}
 * matches any continuation, as Keycloak's redirect URIs do.
 */
@ApplicationScoped
public class RedirectPolicy {

    private final KeycloakAdmin admin;
    private final List<String> allowed;

    public RedirectPolicy(KeycloakAdmin admin, SignupConfig config) {
        this.admin = admin;
        this.allowed = config.redirect().allowed().orElse(List.of());
    }

    public Optional<FieldError> check(String clientId, String redirectUri) {
        boolean hasClient = clientId != null && !clientId.isBlank();
        boolean hasUri = redirectUri != null && !redirectUri.isBlank();
        if (!hasClient && !hasUri) {
            return Optional.empty();
        }
        List<String> patterns = new ArrayList<>(allowed);
        if (hasClient) {
            Optional<KeycloakAdmin.Client> client = client(clientId.strip());
            if (client.isEmpty()) {
                return Optional.of(new FieldError("clientId", "client_unknown", "No such application."));
            }
            patterns.addAll(client.get().redirectUris());
        }
        if (hasUri && !isAbsoluteHttp(redirectUri.strip())) {
            return Optional.of(notAllowed());
        }
        if (hasUri && patterns.stream().noneMatch(pattern -> matches(pattern, redirectUri.strip()))) {
            return Optional.of(notAllowed());
        }
        return Optional.empty();
    }

    private Optional<KeycloakAdmin.Client> client(String clientId) {
        try {
            return admin.client(clientId);
        } catch (KeycloakUnavailableException e) {
            throw new ServiceBusyException("keycloak_unavailable", "cannot check the redirect URI", e);
        }
    }

    static boolean matches(String pattern, String uri) {
        if (pattern.endsWith("*")) {
            return uri.startsWith(pattern.substring(0, pattern.length() - 1));
        }
        return pattern.equals(uri);
    }

    private static boolean isAbsoluteHttp(String uri) {
        try {
            URI parsed = new URI(uri);
            return ("https".equalsIgnoreCase(parsed.getScheme()) || "http".equalsIgnoreCase(parsed.getScheme()))
                    && parsed.getHost() != null && parsed.getUserInfo() == null;
        } catch (URISyntaxException e) {
            return false;
        }
    }

    private static FieldError notAllowed() {
        return new FieldError("redirectUri", "redirect_uri_not_allowed",
                "This address is not registered for the application.", "invalidRedirectUriMessage");
    }
}
