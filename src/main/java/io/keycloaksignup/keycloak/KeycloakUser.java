package io.keycloaksignup.keycloak;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Map;

/** The part of Keycloak's UserRepresentation that this service writes and reads. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record KeycloakUser(
        String id,
        String username,
        String email,
        String firstName,
        String lastName,
        Boolean enabled,
        Boolean emailVerified,
        Map<String, List<String>> attributes,
        List<Credential> credentials,
        List<String> requiredActions) {

    /** A credential for import; {@code secretData} and {@code credentialData} are JSON strings. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Credential(String type, String secretData, String credentialData, Boolean temporary) {

        public static Credential password(PasswordCredential credential) {
            return new Credential("password", credential.secretData(), credential.credentialData(), false);
        }

        @Override
        public String toString() {
            return "Credential[" + type + ", redacted]";
        }
    }

    /** First value of an attribute, if any. */
    public String attribute(String name) {
        if (attributes == null || attributes.get(name) == null || attributes.get(name).isEmpty()) {
            return null;
        }
        return attributes.get(name).getFirst();
    }
}
