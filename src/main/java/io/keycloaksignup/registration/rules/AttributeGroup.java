package io.keycloaksignup.registration.rules;

import java.util.Map;

/**
 * A group of attributes shown together on a form. Header and description are raw, so they may
 * be message keys such as {@code ${profile.attributes.group}} that the client resolves.
 */
public record AttributeGroup(String name, String displayHeader, String displayDescription,
        Map<String, Object> annotations) {

    public AttributeGroup {
        annotations = annotations == null ? Map.of() : annotations;
    }
}
