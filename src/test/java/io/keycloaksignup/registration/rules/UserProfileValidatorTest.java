package io.keycloaksignup.registration.rules;

import static io.keycloaksignup.registration.rules.ProfileFixtures.editable;
import static io.keycloaksignup.registration.rules.ProfileFixtures.inline;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import io.keycloaksignup.platform.FieldError;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class UserProfileValidatorTest {

    private static final UserProfile PROFILE = ProfileFixtures.realistic();
    private final UserProfileValidator validator = new UserProfileValidator(PROFILE);

    /** Each error as "field code keycloakError", so one assertion checks all three. */
    private static List<String> described(List<FieldError> errors) {
        return errors.stream().map(e -> e.field() + " " + e.code() + " " + e.keycloakError())
                .toList();
    }

    private static Arguments valid(String attribute, String value) {
        return arguments(attribute, value, null, null);
    }

    private static Arguments invalid(String attribute, String value, String code, String key) {
        return arguments(attribute, value, code, key);
    }

    static Stream<Arguments> singleValues() {
        return Stream.of(
                valid("phone", "+49 170 1234567"),
                valid("phone", "123456"),
                invalid("phone", "12345", "attribute_invalid", "error-phone-format"),
                invalid("phone", "+49 170 1234567 x", "attribute_invalid", "error-phone-format"),
                valid("phone", ""),
                invalid("company", "a", "attribute_too_short", "error-invalid-length"),
                valid("company", "ab"),
                valid("company", "c".repeat(50)),
                invalid("company", "c".repeat(51), "attribute_too_long", "error-invalid-length"),
                invalid("company", "  a  ", "attribute_too_short", "error-invalid-length"),
                invalid("company", "\u00a0", "attribute_too_short", "error-invalid-length"),
                valid("company", "\u00a0ab"),
                valid("department", "engineering"),
                invalid("department", "Engineering", "attribute_invalid", "error-invalid-value"),
                valid("department", ""),
                valid("age", "18"),
                valid("age", "120"),
                valid("age", "+18"),
                invalid("age", "17", "attribute_out_of_range", "error-number-out-of-range"),
                invalid("age", "121", "attribute_out_of_range", "error-number-out-of-range"),
                invalid("age", "18.0", "attribute_not_a_number", "error-invalid-number"),
                invalid("age", " 18", "attribute_not_a_number", "error-invalid-number"),
                invalid("age", "eighteen", "attribute_not_a_number", "error-invalid-number"),
                invalid("age", "99999999999999999999", "attribute_not_a_number",
                        "error-invalid-number"),
                valid("age", "   "),
                valid("score", "0"),
                valid("score", "5"),
                valid("score", "4.5e0"),
                valid("score", " 2.5 "),
                valid("score", "NaN"),
                invalid("score", "5.01", "attribute_out_of_range", "error-number-out-of-range"),
                invalid("score", "-0.1", "attribute_out_of_range", "error-number-out-of-range"),
                invalid("score", "Infinity", "attribute_out_of_range", "error-number-out-of-range"),
                invalid("score", "2,5", "attribute_not_a_number", "error-invalid-number"),
                valid("homepage", "https://example.com/me"),
                invalid("homepage", "http://example.com", "attribute_invalid",
                        "error-invalid-uri-scheme"),
                invalid("homepage", "HTTPS://example.com", "attribute_invalid",
                        "error-invalid-uri-scheme"),
                invalid("homepage", "https://example.com/#top", "attribute_invalid",
                        "error-invalid-uri-fragment"),
                invalid("homepage", "example.com", "attribute_invalid", "error-invalid-uri"),
                invalid("homepage", "https://exa mple.com", "attribute_invalid",
                        "error-invalid-uri"),
                valid("birthday", "12/31/1999"),
                valid("birthday", "12/31/99"),
                invalid("birthday", "2/29/2001", "attribute_invalid", "error-invalid-date"),
                invalid("birthday", "13/1/2000", "attribute_invalid", "error-invalid-date"),
                invalid("birthday", "1999-12-31", "attribute_invalid", "error-invalid-date"),
                invalid("tags", "t".repeat(21), "attribute_too_long",
                        "error-invalid-length-too-long"),
                valid("motto", "m".repeat(2048)),
                invalid("motto", "m".repeat(2049), "attribute_too_long", "error-invalid-length"),
                valid("nickname", "checked by Keycloak only"),
                valid("consent", "yes"),
                invalid("consent", "no", "attribute_invalid", "error-invalid-value"),
                invalid("language", "fr", "attribute_invalid", "error-invalid-value"));
    }

    @ParameterizedTest(name = "{0} = \"{1}\" gives {2} {3}")
    @MethodSource("singleValues")
    void eachValidatorJudgesAValueAsKeycloakDoes(String attribute, String value, String code,
            String keycloakError) {
        List<FieldError> errors = validator.validateAttribute(attribute, List.of(value));
        if (code == null) {
            assertThat(errors).isEmpty();
        } else {
            assertThat(described(errors))
                    .containsExactly("attributes." + attribute + " " + code + " " + keycloakError);
        }
    }

    static Stream<Arguments> builtInValues() {
        return Stream.of(
                valid("username", "John.Doe"),
                valid("username", "jöhn_doe@home"),
                invalid("username", "jo", "attribute_too_short", "error-invalid-length"),
                invalid("username", "john doe", "attribute_invalid",
                        "error-username-invalid-character"),
                invalid("username", "john'doe", "attribute_invalid",
                        "error-username-invalid-character"),
                invalid("username", "john\u00a0doe", "attribute_invalid",
                        "error-username-invalid-character"),
                invalid("username", "\u0458ohn", "attribute_invalid",
                        "error-username-invalid-character"),
                invalid("username", "", "attribute_required", "missingUsernameMessage"),
                valid("email", "Jane.Doe@Example.com"),
                valid("email", "\"jane doe\"@example.com"),
                valid("email", "jane@[192.168.0.1]"),
                valid("email", "jane@[IPv6:2001:db8::1]"),
                valid("email", "jäne@exämple.de"),
                valid("email", "j".repeat(64) + "@example.com"),
                invalid("email", "j".repeat(65) + "@example.com", "attribute_invalid",
                        "error-invalid-email"),
                invalid("email", "jane", "attribute_invalid", "error-invalid-email"),
                invalid("email", "jane@", "attribute_invalid", "error-invalid-email"),
                invalid("email", "jane@exa_mple.com", "attribute_invalid", "error-invalid-email"),
                invalid("email", "jane@-example.com", "attribute_invalid", "error-invalid-email"),
                invalid("email", "jane@example.com.", "attribute_invalid", "error-invalid-email"),
                invalid("email", ".jane@example.com", "attribute_invalid", "error-invalid-email"),
                invalid("email", "ja..ne@example.com", "attribute_invalid", "error-invalid-email"),
                invalid("email", " ", "attribute_required", "missingEmailMessage"),
                valid("firstName", "Jean-Luc O'Neil"),
                valid("firstName", "Zoë"),
                invalid("firstName", "<b>Jo</b>", "attribute_invalid",
                        "error-person-name-invalid-character"),
                invalid("firstName", "Anna\nMaria", "attribute_invalid",
                        "error-person-name-invalid-character"),
                invalid("firstName", "Anna\u2028Maria", "attribute_invalid",
                        "error-person-name-invalid-character"),
                valid("firstName", "Anna\u00a0Maria"),
                invalid("lastName", "A$AP", "attribute_invalid",
                        "error-person-name-invalid-character"),
                invalid("lastName", "l".repeat(256), "attribute_too_long",
                        "error-invalid-length-too-long"),
                invalid("lastName", "", "attribute_required", "error-user-attribute-required"));
    }

    @ParameterizedTest(name = "{0} = \"{1}\" gives {2} {3}")
    @MethodSource("builtInValues")
    void theFourBuiltInAttributesFollowKeycloaksDefaultProfile(String attribute, String value,
            String code, String keycloakError) {
        UserProfileValidator defaults = new UserProfileValidator(UserProfile.keycloakDefault());
        List<FieldError> errors = defaults.validateAttribute(attribute, List.of(value));
        if (code == null) {
            assertThat(errors).isEmpty();
        } else {
            assertThat(described(errors))
                    .containsExactly(attribute + " " + code + " " + keycloakError);
        }
    }

    @Test
    void messagesSayWhatIsExpectedWithTheNumbers() {
        assertThat(validator.validateAttribute("company", List.of("a")))
                .extracting(FieldError::message)
                .containsExactly("Use between 2 and 50 characters.");
        assertThat(validator.validateAttribute("age", List.of("1")))
                .extracting(FieldError::message).containsExactly("Enter a number from 18 to 120.");
        assertThat(validator.validateAttribute("tags", List.of("a", "b", "c", "d")))
                .extracting(FieldError::message).containsExactly("Give at most 3 values.");
        assertThat(validator.validateAttribute("department", List.of("x")))
                .extracting(FieldError::message)
                .containsExactly("Choose one of: sales, engineering, support.");
        assertThat(validator.validateAttribute("birthday", List.of("x")))
                .extracting(FieldError::message).containsExactly("Enter a date like 12/31/01.");
    }

    @Test
    void aSignUpWithoutAttributesMissesOnlyThoseTheUserMustFillIn() {
        assertThat(described(validator.validate(Map.of()))).containsExactly(
                "attributes.company attribute_required error-user-attribute-required",
                "attributes.consent attribute_required error-user-attribute-required");
        assertThat(validator.validate(null)).isEqualTo(validator.validate(Map.of()));
    }

    @Test
    void aCompleteSignUpPasses() {
        Map<String, List<String>> attributes = Map.of("company", List.of("ACME"),
                "consent", List.of("yes"), "phone", List.of("+49 170 1234567"),
                "tags", List.of("java", "keycloak"), "age", List.of("42"),
                "employeeNumber", List.of("E-1"), "nickname", List.of("ace"));
        assertThat(validator.validate(attributes)).isEmpty();
    }

    @ParameterizedTest(name = "company = {0}")
    @MethodSource("blankValues")
    void aRequiredAttributeNeedsAValueThatIsNotBlank(List<String> values) {
        assertThat(described(validator.validateAttribute("company", values))).containsExactly(
                "attributes.company attribute_required error-user-attribute-required");
    }

    static Stream<List<String>> blankValues() {
        return Stream.of(List.of(), List.of(""), List.of("   "), List.of("\t"),
                List.of("ACME", ""), Arrays.asList((String) null));
    }

    @Test
    void requirementsForAdministratorsOrForScopesDoNotApplyToSelfRegistration() {
        assertThat(validator.validateAttribute("employeeNumber", List.of())).isEmpty();
        assertThat(validator.validateAttribute("nickname", List.of())).isEmpty();
    }

    @Test
    void aMissingAttributeWithADefaultValueGetsItAndPasses() {
        assertThat(validator.validateAttribute("language", List.of())).isEmpty();
        UserProfile badDefault = inline(null, editable("level", "\"defaultValue\": \"x\", "
                + "\"validations\": {\"integer\": {}}"));
        assertThat(described(new UserProfileValidator(badDefault).validate(Map.of())))
                .containsExactly("attributes.level attribute_not_a_number error-invalid-number");
    }

    @Test
    void errorsComeInTheProfilesOrderThenUndeclaredAttributes() {
        Map<String, List<String>> attributes = new LinkedHashMap<>();
        attributes.put("shoeSize", List.of("44"));
        attributes.put("age", List.of("1"));
        attributes.put("phone", List.of("x"));
        assertThat(validator.validate(attributes)).extracting(FieldError::field).containsExactly(
                "attributes.phone", "attributes.company", "attributes.age", "attributes.consent",
                "attributes.shoeSize");
    }

    @Test
    void valuesAreCountedWithoutBlanksAgainstTheMultivaluedLimits() {
        assertThat(validator.validateAttribute("tags", List.of("a", "b", "c"))).isEmpty();
        assertThat(validator.validateAttribute("tags", List.of("a", "b", "c", " "))).isEmpty();
        assertThat(described(validator.validateAttribute("tags", List.of("a", "b", "c", "d"))))
                .containsExactly("attributes.tags attribute_too_many_values "
                        + "error-invalid-multivalued-size");
    }

    @Test
    void anAttributeNotDeclaredMultivaluedTakesOneValue() {
        assertThat(described(validator.validateAttribute("phone",
                List.of("+49 170 1234567", "+49 170 7654321")))).containsExactly(
                        "attributes.phone attribute_not_multivalued "
                                + "error-invalid-multivalued-size");
        assertThat(validator.validateAttribute("phone", List.of("+49 170 1234567", "")))
                .isEmpty();
        assertThat(validator.validateAttribute("phone",
                Arrays.asList(null, "+49 170 1234567"))).isEmpty();
    }

    @Test
    void aMultivaluedValidatorReplacesTheSingleValueLimitAndCanDemandValues() {
        UserProfile profile = inline(null,
                editable("pair", "\"validations\": {\"multivalued\": {\"min\": 2, \"max\": 2}}"),
                editable("many", "\"multivalued\": true"));
        UserProfileValidator pairs = new UserProfileValidator(profile);
        assertThat(pairs.validateAttribute("pair", List.of("a", "b"))).isEmpty();
        assertThat(described(pairs.validateAttribute("pair", List.of("a")))).containsExactly(
                "attributes.pair attribute_too_few_values error-invalid-multivalued-size");
        assertThat(described(pairs.validate(Map.of()))).containsExactly(
                "attributes.pair attribute_too_few_values error-invalid-multivalued-size");
        assertThat(pairs.validateAttribute("many", List.of("1", "2", "3", "4", "5", "6")))
                .isEmpty();
    }

    @Test
    void undeclaredAttributesAreRefused() {
        assertThat(described(validator.validate(Map.of("shoeSize", List.of("44")))))
                .contains("attributes.shoeSize attribute_unknown null");
    }

    @Test
    void adminOnlyAndScopeSelectedAttributesAreRefused() {
        assertThat(described(validator.validateAttribute("internalId", List.of("1"))))
                .containsExactly("attributes.internalId attribute_unknown null");
        assertThat(described(validator.validateAttribute("vatNumber", List.of("DE1"))))
                .containsExactly("attributes.vatNumber attribute_unknown null");
    }

    @Test
    void builtInAttributesAreRefusedUnderAttributesBecauseTheyHaveFieldsOfTheirOwn() {
        Map<String, List<String>> attributes = new LinkedHashMap<>();
        attributes.put("email", List.of("jane@example.com"));
        attributes.put("firstName", List.of("Jane"));
        attributes.put("locale", List.of("de"));
        assertThat(described(validator.validate(attributes))).contains(
                "attributes.email attribute_unknown null",
                "attributes.firstName attribute_unknown null",
                "attributes.locale attribute_unknown null");
    }

    @Test
    void attributesKeycloakKeepsForItselfAreRefusedEvenWhenUnmanagedOnesAreAllowed() {
        UserProfileValidator open = new UserProfileValidator(inline("ENABLED"));
        for (String name : List.of("LDAP_ID", "EMAIL_VERIFIED", "saml.persistent.name.id.for.x")) {
            assertThat(described(open.validateAttribute(name, List.of("x")))).containsExactly(
                    "attributes." + name + " attribute_unknown "
                            + "updateReadOnlyAttributesRejectedMessage");
        }
    }

    @Test
    void withUnmanagedAttributesEnabledUsersMaySetUndeclaredOnesUpToKeycloaksLengthLimit() {
        UserProfile profile = inline("ENABLED", editable("declared", ""),
                "{\"name\": \"adminOnly\", \"permissions\": {\"edit\": [\"admin\"]}}");
        UserProfileValidator open = new UserProfileValidator(profile);
        assertThat(open.validate(Map.of("shoeSize", List.of("44", "45")))).isEmpty();
        assertThat(open.validateAttribute("shoeSize", List.of("s".repeat(2048)))).isEmpty();
        assertThat(described(open.validateAttribute("shoeSize", List.of("s".repeat(2049)))))
                .containsExactly("attributes.shoeSize attribute_too_long error-invalid-length");
        assertThat(described(open.validateAttribute("adminOnly", List.of("x"))))
                .containsExactly("attributes.adminOnly attribute_unknown null");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("closedPolicies")
    void otherPoliciesLetOnlyAdministratorsTouchUndeclaredAttributes(String policy) {
        UserProfileValidator closed = new UserProfileValidator(inline(policy));
        assertThat(described(closed.validate(Map.of("shoeSize", List.of("44")))))
                .containsExactly("attributes.shoeSize attribute_unknown null");
    }

    static Stream<String> closedPolicies() {
        return Stream.of("ADMIN_VIEW", "ADMIN_EDIT");
    }

    @Test
    void aValidatorUnknownHereIsSkipped() {
        UserProfile profile = inline(null, editable("code", "\"validations\": "
                + "{\"my-custom-validator\": {}, \"length\": {\"max\": 2}}"));
        UserProfileValidator custom = new UserProfileValidator(profile);
        assertThat(custom.validateAttribute("code", List.of("ab"))).isEmpty();
        assertThat(described(custom.validateAttribute("code", List.of("abc")))).containsExactly(
                "attributes.code attribute_too_long error-invalid-length-too-long");
    }

    @Test
    void everyBrokenValidatorIsReportedInTheProfilesOrder() {
        UserProfile profile = inline(null, editable("code", "\"validations\": {\"pattern\": "
                + "{\"pattern\": \"[a-z]+\"}, \"length\": {\"min\": 3}}"));
        assertThat(described(new UserProfileValidator(profile).validateAttribute("code",
                List.of("1")))).containsExactly(
                        "attributes.code attribute_invalid error-pattern-no-match",
                        "attributes.code attribute_too_short error-invalid-length-too-short");
    }

    static Stream<Arguments> configuredRules() {
        return Stream.of(
                arguments("{\"length\": {\"min\": 3, \"trim-disabled\": true}}", "  a", null),
                arguments("{\"length\": {\"min\": 3}}", "  a", "error-invalid-length-too-short"),
                arguments("{\"length\": {\"max\": 1}}", "\uD83D\uDE00",
                        "error-invalid-length-too-long"),
                arguments("{\"length\": {\"min\": \"2\", \"max\": \"x\"}}", "abcdef", null),
                arguments("{\"pattern\": {\"pattern\": \"b\"}}", "abc", "error-pattern-no-match"),
                arguments("{\"pattern\": {\"pattern\": \"[\"}}", "[", "error-pattern-no-match"),
                arguments("{\"integer\": {\"min\": 1}}", "0",
                        "error-number-out-of-range-too-small"),
                arguments("{\"integer\": {\"max\": 1}}", "2", "error-number-out-of-range-too-big"),
                arguments("{\"double\": {\"min\": \"0.5\"}}", "0.4",
                        "error-number-out-of-range-too-small"),
                arguments("{\"uri\": {}}", "mailto:jane@example.com", "error-invalid-uri-scheme"),
                arguments("{\"uri\": {\"allowedSchemes\": [\"mailto\"]}}",
                        "mailto:jane@example.com", null),
                arguments("{\"uri\": {\"requireValidUrl\": false}}", "relative/path", null),
                arguments("{\"uri\": {\"allowedSchemes\": [\"urn\"]}}", "urn:isbn:1",
                        "error-invalid-uri"),
                arguments("{\"uri\": {\"allowedSchemes\": [\"urn\"], "
                        + "\"requireValidUrl\": \"false\"}}",
                        "urn:isbn:1", null),
                arguments("{\"iso-date\": {}}", "2024-02-29", null),
                arguments("{\"iso-date\": {}}", "2023-02-29", "error-invalid-date"),
                arguments("{\"options\": {}}", "anything", "error-invalid-value"),
                arguments("{\"email\": {\"max-local-length\": 3}}", "jane@example.com",
                        "error-invalid-email"),
                arguments("{\"person-name-prohibited-characters\": {\"error-message\": \"bad\"}}",
                        "a;b", "bad"),
                arguments("{\"up-username-not-idn-homograph\": {\"error-message\": \" \"}}",
                        "\u0391lpha", "error-username-invalid-character"),
                arguments("{\"not-blank\": {}}", " ", "error-invalid-blank"),
                arguments("{\"not-empty\": {}}", "", null));
    }

    @ParameterizedTest(name = "{0} on \"{1}\" gives {2}")
    @MethodSource("configuredRules")
    void validatorConfigurationIsReadLikeKeycloakReadsIt(String validations, String value,
            String keycloakError) {
        UserProfile profile = inline(null, editable("x", "\"multivalued\": true, "
                + "\"validations\": " + validations));
        List<FieldError> errors = new UserProfileValidator(profile)
                .validateAttribute("x", List.of(value));
        assertThat(errors).extracting(FieldError::keycloakError)
                .isEqualTo(keycloakError == null ? List.of() : List.of(keycloakError));
    }

    @Test
    void notBlankAndNotEmptyRefuseAMissingValueWithTheirOwnKeys() {
        UserProfile profile = inline(null,
                editable("a", "\"validations\": {\"not-blank\": {}}"),
                editable("b", "\"validations\": {\"not-empty\": {}}"));
        assertThat(described(new UserProfileValidator(profile).validate(Map.of())))
                .containsExactly("attributes.a attribute_required error-invalid-blank",
                        "attributes.b attribute_required error-empty");
    }

    @Test
    void datesAreReadInTheRequestsLocale() {
        UserProfileValidator german = new UserProfileValidator(PROFILE,
                RealmContext.keycloakDefaults().withLocale(Locale.GERMAN));
        assertThat(german.validateAttribute("birthday", List.of("31.12.99"))).isEmpty();
        assertThat(german.validateAttribute("birthday", List.of("12/31/1999")))
                .extracting(FieldError::keycloakError).containsExactly("error-invalid-date");
    }

    @Test
    void withEmailAsUsernameTheUsernameIsNeitherRequiredNorCheckedForCharacters() {
        UserProfileValidator emailAsUsername = new UserProfileValidator(PROFILE,
                RealmContext.keycloakDefaults().withRegistrationEmailAsUsername(true));
        assertThat(emailAsUsername.validateAttribute("username", List.of())).isEmpty();
        assertThat(emailAsUsername.validateAttribute("username", List.of("jane doe"))).isEmpty();
        assertThat(described(emailAsUsername.validateAttribute("email", List.of())))
                .containsExactly("email attribute_required error-user-attribute-required");
    }

    @Test
    void anEmailIsAlwaysCheckedEvenIfTheProfileDropsItsValidator() {
        UserProfileValidator bare = new UserProfileValidator(inline(null, editable("email", "")));
        assertThat(described(bare.validateAttribute("email", List.of("jane"))))
                .containsExactly("email attribute_invalid error-invalid-email");
        assertThat(bare.validateAttribute("email", List.of())).isEmpty();
    }

    @Test
    void realmsWhoseMailServerRefusesUtf8RefuseNonAsciiBeforeTheAt() {
        UserProfileValidator ascii = new UserProfileValidator(PROFILE,
                RealmContext.keycloakDefaults().withAsciiOnlyEmailLocalPart(true));
        assertThat(ascii.validateAttribute("email", List.of("jane@exämple.de"))).isEmpty();
        assertThat(described(ascii.validateAttribute("email", List.of("jäne@example.de"))))
                .containsExactly("email attribute_invalid error-non-ascii-local-part-email");
        assertThat(validator.validateAttribute("email", List.of("jäne@example.de"))).isEmpty();
    }

    @Test
    void theIdnHomographCheckLooksAtTheFirstValueOnly() {
        UserProfile profile = inline(null, editable("handle", "\"multivalued\": true, "
                + "\"validations\": {\"up-username-not-idn-homograph\": {}}"));
        UserProfileValidator handles = new UserProfileValidator(profile);
        assertThat(handles.validateAttribute("handle", List.of("ok", "\u0430bc"))).isEmpty();
        assertThat(handles.validateAttribute("handle", List.of("\u0430bc", "ok")))
                .extracting(FieldError::code).containsExactly("attribute_invalid");
    }
}
