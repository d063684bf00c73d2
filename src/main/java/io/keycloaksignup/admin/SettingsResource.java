package io.keycloaksignup.admin;

import io.keycloaksignup.keycloak.PasswordHashPolicy;
import io.keycloaksignup.keycloak.RealmSettings;
import io.keycloaksignup.keycloak.RegistrationSettings;
import io.keycloaksignup.platform.SignupConfig;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;

/**
 * For operators: the sign-up settings in force, and a way to read them from the realm again at
 * once after changing the realm (instead of waiting for the cache lifespan). Needs a bearer token
 * with the realm role {@code signup-admin}. No secrets are shown.
 */
@Path("/admin/settings")
@RolesAllowed(SettingsResource.ROLE)
@Produces(MediaType.APPLICATION_JSON)
public class SettingsResource {

    static final String ROLE = "signup-admin";

    /** The effective settings and where the realm part came from. */
    public record EffectiveSettings(String realm, Instant readFromRealmAt, boolean registrationEnabled,
            boolean emailVerification, boolean emailAsUsername, boolean loginWithEmail, boolean duplicateEmails,
            String passwordPolicy, PasswordHashPolicy passwordHash, boolean userProfileRead) {
    }

    private final RealmSettings realm;
    private final SignupConfig config;

    public SettingsResource(RealmSettings realm, SignupConfig config) {
        this.realm = realm;
        this.config = config;
    }

    @GET
    public EffectiveSettings settings() {
        return describe();
    }

    @POST
    @Path("/refresh")
    public EffectiveSettings refresh() {
        realm.refresh();
        return describe();
    }

    private EffectiveSettings describe() {
        RegistrationSettings settings = realm.settings();
        return new EffectiveSettings(config.keycloak().realm(),
                realm.current().map(RealmSettings.Snapshot::readAt).orElse(null),
                config.registration().enabled(), config.verification().enabled(), settings.emailAsUsername(),
                settings.loginWithEmail(), settings.duplicateEmails(), settings.passwordPolicy(),
                realm.hashPolicy(), settings.userProfile() != null);
    }
}
