package io.keycloaksignup.registration.rules;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * One attribute declared in the realm's user profile, as the admin API describes it. Display
 * texts are raw and may be message keys such as {@code ${firstName}}.
 */
public final class ProfileAttribute {

    /** The validator, and its configuration key, that list the allowed values. */
    private static final String OPTIONS = "options";

    private final String name;
    private final String displayName;
    private final List<ValidatorSpec> validations;
    private final Map<String, Object> annotations;
    private final AttributeRequirement required;
    private final AttributePermissions permissions;
    private final Set<String> selectorScopes;
    private final boolean multivalued;
    private final String group;
    private final String defaultValue;

    ProfileAttribute(Builder builder) {
        this.name = Objects.requireNonNull(builder.name, "name");
        this.displayName = builder.displayName;
        this.validations = List.copyOf(builder.validations);
        this.annotations = builder.annotations == null ? Map.of() : builder.annotations;
        this.required = builder.required;
        this.permissions = builder.permissions;
        this.selectorScopes = builder.selectorScopes == null ? Set.of()
                : Set.copyOf(builder.selectorScopes);
        this.multivalued = builder.multivalued;
        this.group = builder.group;
        this.defaultValue = builder.defaultValue;
    }

    public String name() {
        return name;
    }

    /** The raw display name, possibly a message key like {@code ${firstName}}; null if unset. */
    public String displayName() {
        return displayName;
    }

    /** The configured validators in the order the profile lists them. */
    public List<ValidatorSpec> validations() {
        return validations;
    }

    public Optional<ValidatorSpec> validator(String validatorName) {
        return validations.stream().filter(spec -> spec.name().equals(validatorName)).findFirst();
    }

    public Map<String, Object> annotations() {
        return annotations;
    }

    public Optional<AttributeRequirement> required() {
        return Optional.ofNullable(required);
    }

    public Optional<AttributePermissions> permissions() {
        return Optional.ofNullable(permissions);
    }

    /** Scopes that must be requested for the attribute to exist at all; empty means always. */
    public Set<String> selectorScopes() {
        return selectorScopes;
    }

    public boolean multivalued() {
        return multivalued;
    }

    /** The name of the attribute's group, if any. */
    public Optional<String> group() {
        return Optional.ofNullable(group);
    }

    /** The value Keycloak stores when none is sent. */
    public Optional<String> defaultValue() {
        return Optional.ofNullable(defaultValue);
    }

    /**
     * Whether a self-registering user may set it. As in Keycloak, a custom attribute without
     * permissions is read-only for everyone but the two built-in ones, username and email, are
     * editable unless their permissions say otherwise.
     */
    public boolean isUserEditable() {
        if (permissions == null || permissions.isEmpty()) {
            return UserProfile.isBuiltIn(name);
        }
        return permissions.userMayEdit();
    }

    /**
     * Whether Keycloak's registration form refuses a sign-up without a value. Keycloak does not
     * enforce a requirement on an attribute the user may not edit, and requires a username
     * whatever the profile says (unless the realm uses the email as username, see
     * {@link RealmContext}).
     */
    public boolean isRequiredForUser() {
        if (UserProfile.USERNAME.equals(name)) {
            return isUserEditable();
        }
        return required != null && required.appliesToSelfRegistration() && isUserEditable();
    }

    /**
     * Whether the attribute takes part in a sign-up through this service. An attribute selected
     * by scopes only exists when a client requests one of them, which this service never does.
     */
    public boolean isSelectedForRegistration() {
        return selectorScopes.isEmpty() || UserProfile.isBuiltIn(name);
    }

    /** An annotation as parsed from JSON (string, number, boolean, list or map). */
    public Optional<Object> annotation(String key) {
        return Optional.ofNullable(annotations.get(key));
    }

    /** The {@code inputType} annotation: text, textarea, select, multiselect, html5-date... */
    public Optional<String> inputType() {
        return stringAnnotation("inputType");
    }

    public Optional<String> inputHelperTextBefore() {
        return stringAnnotation("inputHelperTextBefore");
    }

    public Optional<String> inputHelperTextAfter() {
        return stringAnnotation("inputHelperTextAfter");
    }

    public Optional<String> inputTypePlaceholder() {
        return stringAnnotation("inputTypePlaceholder");
    }

    /**
     * The choices for a select input: those of the validator named by the
     * {@code inputOptionsFromValidation} annotation, else those of the {@code options}
     * validator, as Keycloak's themes pick them.
     */
    public List<String> inputOptions() {
        String source = stringAnnotation("inputOptionsFromValidation").orElse(OPTIONS);
        return validator(source)
                .map(spec -> spec.config().list(OPTIONS))
                .map(options -> options.stream().map(String::valueOf).toList())
                .orElse(List.of());
    }

    private Optional<String> stringAnnotation(String key) {
        return annotations.get(key) instanceof String text ? Optional.of(text) : Optional.empty();
    }

    @Override
    public String toString() {
        return "ProfileAttribute[" + name + "]";
    }

    static Builder builder(String name) {
        return new Builder(name);
    }

    /** Collects the parts of an attribute while the profile is parsed. */
    static final class Builder {
        private final String name;
        private String displayName;
        private List<ValidatorSpec> validations = List.of();
        private Map<String, Object> annotations;
        private AttributeRequirement required;
        private AttributePermissions permissions;
        private Set<String> selectorScopes;
        private boolean multivalued;
        private String group;
        private String defaultValue;

        private Builder(String name) {
            this.name = name;
        }

        Builder displayName(String value) {
            displayName = value;
            return this;
        }

        Builder validations(List<ValidatorSpec> value) {
            validations = value;
            return this;
        }

        Builder annotations(Map<String, Object> value) {
            annotations = value;
            return this;
        }

        Builder required(AttributeRequirement value) {
            required = value;
            return this;
        }

        Builder permissions(AttributePermissions value) {
            permissions = value;
            return this;
        }

        Builder selectorScopes(Set<String> value) {
            selectorScopes = value;
            return this;
        }

        Builder multivalued(boolean value) {
            multivalued = value;
            return this;
        }

        Builder group(String value) {
            group = value;
            return this;
        }

        Builder defaultValue(String value) {
            defaultValue = value;
            return this;
        }

        ProfileAttribute build() {
            return new ProfileAttribute(this);
        }
    }
}
