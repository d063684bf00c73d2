package io.keycloaksignup.registration.rules;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** Reads the user profile fixtures under {@code src/test/resources/userprofile}. */
final class ProfileFixtures {

    private ProfileFixtures() {
    }

    static String json(String name) {
        try (InputStream in = ProfileFixtures.class.getResourceAsStream("/userprofile/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("No fixture " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static UserProfile realistic() {
        return UserProfile.parse(json("realistic-profile.json"));
    }

    /** A profile with the given attributes (JSON objects) and unmanaged attribute policy. */
    static UserProfile inline(String policy, String... attributes) {
        String policyField = policy == null ? ""
                : "\"unmanagedAttributePolicy\": \"" + policy + "\", ";
        return UserProfile.parse("{" + policyField + "\"attributes\": ["
                + String.join(", ", attributes) + "]}");
    }

    /** An attribute every user may edit, with the given extra JSON fields. */
    static String editable(String name, String fields) {
        return "{\"name\": \"" + name + "\", \"permissions\": {\"view\": [\"user\"], "
                + "\"edit\": [\"user\"]}" + (fields.isEmpty() ? "" : ", " + fields) + "}";
    }
}
