package io.keycloaksignup.keycloak;

import io.keycloaksignup.platform.SignupConfig;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jboss.logging.Logger;

/**
 * The groups and realm roles every new user gets ({@code signup.provisioning.groups},
 * {@code signup.provisioning.realm-roles}). They are looked up at start-up: a name that Keycloak
 * does not know stops the service with a clear message, since every sign-up would otherwise end
 * half-provisioned. When Keycloak is not reachable at start-up, the lookup happens at the first
 * provisioning instead. Granting is idempotent, so a retried provisioning grants again safely.
 */
@ApplicationScoped
public class DefaultMemberships {

    private static final Logger LOG = Logger.getLogger(DefaultMemberships.class);

    private final KeycloakAdmin admin;
    private final List<String> groupPaths;
    private final List<String> roleNames;
    private volatile Resolved resolved;

    private record Resolved(List<String> groupIds, List<Map<String, Object>> roles) {
    }

    public DefaultMemberships(KeycloakAdmin admin, SignupConfig config) {
        this.admin = admin;
        this.groupPaths = config.provisioning().groups().orElse(List.of());
        this.roleNames = config.provisioning().realmRoles().orElse(List.of());
    }

    void checkAtStartup(@Observes StartupEvent event) {
        if (groupPaths.isEmpty() && roleNames.isEmpty()) {
            return;
        }
        try {
            resolve();
            LOG.infof("New users join groups %s and get realm roles %s", groupPaths, roleNames);
        } catch (KeycloakUnavailableException e) {
            LOG.warnf("Default groups and roles not checked yet, Keycloak unavailable: %s", e.getMessage());
        }
    }

    /** Adds the user to the default groups and grants the default realm roles. */
    public void grant(String userId) {
        if (groupPaths.isEmpty() && roleNames.isEmpty()) {
            return;
        }
        Resolved memberships = resolve();
        memberships.groupIds().forEach(groupId -> admin.joinGroup(userId, groupId));
        if (!memberships.roles().isEmpty()) {
            admin.grantRealmRoles(userId, memberships.roles());
        }
    }

    private Resolved resolve() {
        Resolved current = resolved;
        if (current != null) {
            return current;
        }
        List<String> groupIds = new ArrayList<>();
        for (String path : groupPaths) {
            groupIds.add(admin.groupId(path).orElseThrow(() -> new IllegalStateException(
                    "signup.provisioning.groups names '" + path + "', which realm has no such group")));
        }
        List<Map<String, Object>> roles = new ArrayList<>();
        for (String name : roleNames) {
            roles.add(admin.realmRole(name).orElseThrow(() -> new IllegalStateException(
                    "signup.provisioning.realm-roles names '" + name + "', which the realm does not have")));
        }
        resolved = new Resolved(List.copyOf(groupIds), List.copyOf(roles));
        return resolved;
    }
}
