package io.keycloaksignup.registration.rules;

import java.util.Set;

/**
 * Which roles ({@code user}, {@code admin}) may see ({@code view}) and change ({@code edit})
 * an attribute.
 */
public record AttributePermissions(Set<String> view, Set<String> edit) {

    public AttributePermissions {
        view = view == null ? Set.of() : Set.copyOf(view);
        edit = edit == null ? Set.of() : Set.copyOf(edit);
    }

    /** Keycloak treats a permissions block without any role like a missing one. */
    public boolean isEmpty() {
        return view.isEmpty() && edit.isEmpty();
    }

    public boolean userMayEdit() {
        return edit.contains(UserProfile.ROLE_USER);
    }
}
