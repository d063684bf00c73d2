package io.keycloaksignup.registration.rules;

import io.keycloaksignup.platform.FieldError;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;

/**
 * Checks sign-up attributes against a realm's user profile the way Keycloak's registration
 * form does for a user registering themselves, so that a sign-up Keycloak would refuse is
 * refused here, with the same reasons, before Keycloak is called. Only attribute names are
 * logged: values are personal data.
 *
 * <p>Where Keycloak silently drops what a user may not set (undeclared attributes,
 * administrators' attributes), this service refuses it, so that a client learns its data would
 * be lost. Undeclared attributes are accepted when the profile lets users set unmanaged
 * attributes, as Keycloak does.
 */
public final class UserProfileValidator {

    /** The length limit Keycloak applies to any attribute without a {@code length} validator. */
    static final int DEFAULT_MAX_LENGTH = 2048;

    private static final Logger LOG = Logger.getLogger(UserProfileValidator.class);
    private static final String FIELD_PREFIX = "attributes.";
    /** Sent as fields of their own in a registration request, never under attributes. */
    private static final Set<String> TOP_LEVEL = Set.of(UserProfile.USERNAME, UserProfile.EMAIL,
            UserProfile.FIRST_NAME, UserProfile.LAST_NAME, "locale");
    private static final ValidatorConfig DEFAULT_LENGTH = new ValidatorConfig(Map.of(
            LengthRule.KEY_MIN, "0", LengthRule.KEY_MAX, String.valueOf(DEFAULT_MAX_LENGTH)));
    private static final ValueRule LENGTH = new LengthRule();
    private static final ValueRule EMAIL = new EmailRule();
    private static final ValueRule SINGLE_VALUE = new SingleValueRule();

    private final UserProfile profile;
    private final RealmContext realm;

    /** A validator for a realm with Keycloak's default settings, see {@link RealmContext}. */
    public UserProfileValidator(UserProfile profile) {
        this(profile, RealmContext.keycloakDefaults());
    }

    public UserProfileValidator(UserProfile profile, RealmContext realm) {
        this.profile = Objects.requireNonNull(profile, "profile");
        this.realm = Objects.requireNonNull(realm, "realm");
    }

    public UserProfile profile() {
        return profile;
    }

    public RealmContext realm() {
        return realm;
    }

    /**
     * Checks the custom attributes of a sign-up (the request's {@code attributes}): each one
     * sent, and each declared one the user must fill in but did not send. Username, email, first
     * and last name and locale are refused here because they have fields of their own. Errors
     * come in the profile's order, then those of undeclared attributes; their fields are
     * {@code attributes.<name>}.
     *
     * @param attributes the values by attribute name; null means none
     * @return every broken rule, empty if Keycloak would accept the attributes
     */
    public List<FieldError> validate(Map<String, List<String>> attributes) {
        Map<String, List<String>> sent = attributes == null ? Map.of() : attributes;
        List<FieldError> errors = new ArrayList<>();
        Set<String> checked = new HashSet<>();
        for (ProfileAttribute attribute : profile.userEditableAttributes()) {
            String name = attribute.name();
            if (!TOP_LEVEL.contains(name)) {
                errors.addAll(fieldErrors(FIELD_PREFIX + name, check(name, sent.get(name))));
                checked.add(name);
            }
        }
        sent.forEach((name, values) -> {
            if (!checked.contains(name)) {
                errors.addAll(fieldErrors(FIELD_PREFIX + name, checkSent(name, values)));
            }
        });
        if (!errors.isEmpty() && LOG.isDebugEnabled()) {
            LOG.debugf("Sign-up attributes refused: %s", errors.stream().map(FieldError::field)
                    .collect(Collectors.toCollection(LinkedHashSet::new)));
        }
        return errors;
    }

    /**
     * Checks one attribute, custom or built-in, as Keycloak would on registration. The field of
     * the errors is the name for username, email, firstName, lastName and locale, and
     * {@code attributes.<name>} for the others.
     *
     * @param values the values sent; null or an empty list means none
     */
    public List<FieldError> validateAttribute(String name, List<String> values) {
        Objects.requireNonNull(name, "name");
        String field = TOP_LEVEL.contains(name) ? name : FIELD_PREFIX + name;
        return fieldErrors(field, check(name, values));
    }

    private List<Violation> checkSent(String name, List<String> values) {
        if (name == null || name.isBlank()) {
            return List.of(new Violation(AttributeErrorCodes.UNKNOWN,
                    "An attribute needs a name.", null));
        }
        if (TOP_LEVEL.contains(name)) {
            return List.of(new Violation(AttributeErrorCodes.UNKNOWN,
                    "Send " + name + " as a field of its own, not under attributes.", null));
        }
        return check(name, values);
    }

    private List<Violation> check(String name, List<String> sentValues) {
        List<String> values = sentValues == null ? List.of()
                : sentValues.stream().filter(Objects::nonNull).toList();
        if (ReadOnlyAttributes.contains(name)) {
            return List.of(new Violation(AttributeErrorCodes.UNKNOWN,
                    "This attribute is kept by Keycloak and cannot be set.",
                    "updateReadOnlyAttributesRejectedMessage"));
        }
        Optional<ProfileAttribute> declared = profile.attribute(name)
                .filter(ProfileAttribute::isSelectedForRegistration);
        if (declared.isEmpty()) {
            if (profile.unmanagedAttributePolicy().letsUsersSetUnmanagedAttributes()) {
                RuleContext context = new RuleContext(name, false, realm);
                return LENGTH.check(values, DEFAULT_LENGTH, context).map(List::of)
                        .orElse(List.of());
            }
            return List.of(new Violation(AttributeErrorCodes.UNKNOWN,
                    "This attribute is not accepted here.", null));
        }
        ProfileAttribute attribute = declared.get();
        if (!attribute.isUserEditable()) {
            return List.of(new Violation(AttributeErrorCodes.UNKNOWN,
                    "This attribute is not accepted here: only administrators set it.", null));
        }
        return checkDeclared(attribute, normalized(attribute, values));
    }

    private List<Violation> checkDeclared(ProfileAttribute attribute, List<String> values) {
        boolean required = isRequired(attribute);
        Optional<Violation> missing = Requirement.check(attribute.name(), values, required);
        if (missing.isPresent()) {
            return List.of(missing.get());
        }
        RuleContext context = new RuleContext(attribute.name(), required, realm);
        Set<Violation> violations = new LinkedHashSet<>();
        if (UserProfile.EMAIL.equals(attribute.name())) {
            EMAIL.check(values, ValidatorConfig.EMPTY, context).ifPresent(violations::add);
        }
        for (ValidatorSpec spec : attribute.validations()) {
            Rules.named(spec.name(), attribute.name())
                    .flatMap(rule -> rule.check(values, spec.config(), context))
                    .ifPresent(violations::add);
        }
        if (!attribute.multivalued() && attribute.validator(MultivaluedRule.NAME).isEmpty()) {
            SINGLE_VALUE.check(values, ValidatorConfig.EMPTY, context).ifPresent(violations::add);
        }
        if (attribute.validator(LengthRule.NAME).isEmpty()) {
            LENGTH.check(values, DEFAULT_LENGTH, context).ifPresent(violations::add);
        }
        return List.copyOf(violations);
    }

    /** Keycloak fills in the default of a missing attribute and lower-cases username and email. */
    private static List<String> normalized(ProfileAttribute attribute, List<String> values) {
        if (values.isEmpty() && attribute.defaultValue().isPresent()) {
            return List.of(attribute.defaultValue().get());
        }
        if (UserProfile.isBuiltIn(attribute.name())) {
            return values.stream().map(value -> value.toLowerCase(Locale.ROOT)).toList();
        }
        return values;
    }

    private boolean isRequired(ProfileAttribute attribute) {
        return switch (attribute.name()) {
            case UserProfile.USERNAME -> !realm.registrationEmailAsUsername();
            case UserProfile.EMAIL ->
                    attribute.isRequiredForUser() || realm.registrationEmailAsUsername();
            default -> attribute.isRequiredForUser();
        };
    }

    private static List<FieldError> fieldErrors(String field, List<Violation> violations) {
        return violations.stream()
                .map(v -> new FieldError(field, v.code(), v.message(), v.keycloakError()))
                .toList();
    }
}
