package io.keycloaksignup.web;

import io.keycloaksignup.platform.SignupConfig;
import jakarta.enterprise.context.ApplicationScoped;

/** Where pages send people: Keycloak's account console and password reset, and sign-up again. */
@ApplicationScoped
public class Links {

    private final String keycloakRealmUrl;
    private final String publicUrl;

    public Links(SignupConfig config) {
        String keycloak = stripSlash(config.keycloak().publicUrl().orElse(config.keycloak().url()).toString());
        this.keycloakRealmUrl = keycloak + "/realms/" + config.keycloak().realm();
        this.publicUrl = stripSlash(config.publicUrl().toString());
    }

    /** Keycloak's account console of the realm: logging in there shows the new account. */
    public String account() {
        return keycloakRealmUrl + "/account";
    }

    /** Keycloak's "forgot password" flow, entered through the account console client. */
    public String resetPassword() {
        return keycloakRealmUrl + "/login-actions/reset-credentials?client_id=account-console";
    }

    public String register() {
        return publicUrl + "/register";
    }

    private static String stripSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
