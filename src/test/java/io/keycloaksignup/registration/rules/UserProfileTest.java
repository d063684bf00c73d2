package io.keycloaksignup.registration.rules;

import static io.keycloaksignup.registration.rules.ProfileFixtures.editable;
import static io.keycloaksignup.registration.rules.ProfileFixtures.inline;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class UserProfileTest {

    private final UserProfile profile = ProfileFixtures.realistic();

    private ProfileAttribute attribute(String name) {
        return profile.attribute(name).orElseThrow();
    }

    @Test
    void theUserEditableAttributesComeInDeclaredOrderWithoutAdminOnlyOrScopeSelectedOnes() {
        assertThat(profile.userEditableAttributes()).extracting(ProfileAttribute::name)
                .containsExactly("username", "email", "firstName", "lastName", "phone", "company",
                        "department", "age", "score", "homepage", "birthday", "tags", "motto",
                        "nickname", "employeeNumber", "consent", "language");
    }

    @Test
    void everyDeclaredAttributeIsKeptInDeclaredOrder() {
        assertThat(profile.attributes()).extracting(ProfileAttribute::name)
                .endsWith("language", "internalId", "vatNumber")
                .hasSize(19);
    }

    @Test
    void displayNamesStayRawMessageKeysOrTexts() {
        assertThat(attribute("firstName").displayName()).isEqualTo("${firstName}");
        assertThat(attribute("phone").displayName()).isEqualTo("Phone number");
        assertThat(inline(null, editable("plain", "")).attribute("plain").orElseThrow()
                .displayName()).isNull();
    }

    @ParameterizedTest(name = "{0} required for a self-registering user: {1}")
    @CsvSource({
        "username,       true",
        "email,          true",
        "firstName,      true",
        "company,        true",
        "consent,        true",
        "language,       true",
        "phone,          false",
        "employeeNumber, false",
        "nickname,       false",
        "internalId,     false",
    })
    void onlyRequirementsForTheUserRoleOrForEveryoneApplyToSelfRegistration(String name,
            boolean required) {
        assertThat(attribute(name).isRequiredForUser()).isEqualTo(required);
    }

    @Test
    void aRequirementNamingScopesOnlyDependsOnScopesThisServiceNeverRequests() {
        AttributeRequirement scopesOnly = attribute("nickname").required().orElseThrow();
        assertThat(scopesOnly.scopes()).containsExactly("profile");
        assertThat(scopesOnly.isAlways()).isFalse();
        assertThat(scopesOnly.appliesToSelfRegistration()).isFalse();
        assertThat(new AttributeRequirement(Set.of("user"), Set.of("profile"))
                .appliesToSelfRegistration()).isFalse();
        assertThat(attribute("consent").required().orElseThrow().isAlways()).isTrue();
    }

    @Test
    void multivaluedIsReadFromTheAttribute() {
        assertThat(attribute("tags").multivalued()).isTrue();
        assertThat(attribute("phone").multivalued()).isFalse();
    }

    @Test
    void inputHintsComeFromTheAnnotations() {
        ProfileAttribute phone = attribute("phone");
        assertThat(phone.inputType()).contains("html5-tel");
        assertThat(phone.inputHelperTextBefore()).contains("${phoneHelp}");
        assertThat(phone.inputHelperTextAfter())
                .contains("International format, e.g. +49 170 1234567");
        assertThat(phone.inputTypePlaceholder()).contains("+49 ...");
        assertThat(attribute("company").inputType()).isEmpty();
        assertThat(attribute("department").annotation("inputOptionLabels"))
                .contains(Map.of("sales", "Sales"));
    }

    @Test
    void selectOptionsComeFromTheOptionsValidatorUnlessAnnotationsNameAnother() {
        assertThat(attribute("department").inputOptions())
                .containsExactly("sales", "engineering", "support");
        assertThat(attribute("phone").inputOptions()).isEmpty();
        UserProfile named = inline(null, editable("size", "\"annotations\": "
                + "{\"inputOptionsFromValidation\": \"sizes\"}, \"validations\": {\"options\": "
                + "{\"options\": [\"x\"]}, \"sizes\": {\"options\": [\"S\", \"M\"]}}"));
        assertThat(named.attribute("size").orElseThrow().inputOptions()).containsExactly("S", "M");
    }

    @Test
    void validatorsKeepTheirDeclaredOrderAndRawConfiguration() {
        ProfileAttribute username = attribute("username");
        assertThat(username.validations()).extracting(ValidatorSpec::name).containsExactly(
                "length", "username-prohibited-characters", "up-username-not-idn-homograph");
        ValidatorConfig length = username.validator("length").orElseThrow().config();
        assertThat(length.integer("min")).isEqualTo(3);
        assertThat(length.integer("max")).isEqualTo(255);
        ValidatorConfig age = attribute("age").validator("integer").orElseThrow().config();
        assertThat(age.asMap()).containsEntry("min", 18).containsEntry("max", "120");
        assertThat(age.longValue("max")).isEqualTo(120L);
    }

    @Test
    void attributesAndGroupsKnowTheirGroup() {
        assertThat(attribute("phone").group()).contains("contact");
        assertThat(attribute("age").group()).isEmpty();
        assertThat(profile.groups()).extracting(AttributeGroup::name)
                .containsExactly("user-metadata", "contact", "work");
        AttributeGroup contact = profile.group("contact").orElseThrow();
        assertThat(contact.displayHeader()).isEqualTo("${contactHeader}");
        assertThat(contact.displayDescription()).isNull();
        assertThat(contact.annotations()).containsEntry("order", 1);
        assertThat(profile.group("work").orElseThrow().displayDescription())
                .isEqualTo("Where you work");
    }

    @ParameterizedTest(name = "{0}: declared {1}, admin only {2}")
    @CsvSource({
        "internalId, true,  true",
        "phone,      true,  false",
        "vatNumber,  true,  false",
        "shoeSize,   false, false",
    })
    void declaredAttributesThatUsersMayNotEditAreAdminOnly(String name, boolean declared,
            boolean adminOnly) {
        assertThat(profile.isDeclared(name)).isEqualTo(declared);
        assertThat(profile.isAdminOnly(name)).isEqualTo(adminOnly);
    }

    @Test
    void aCustomAttributeWithoutPermissionsIsAdminOnlyButUsernameAndEmailStayEditable() {
        UserProfile bare = UserProfile.parse("{\"attributes\": [{\"name\": \"username\"}, "
                + "{\"name\": \"email\", \"permissions\": {}}, {\"name\": \"firstName\"}, "
                + "{\"name\": \"badge\"}, {\"name\": \"seen\", "
                + "\"permissions\": {\"view\": [\"user\"]}}]}");
        assertThat(bare.userEditableAttributes()).extracting(ProfileAttribute::name)
                .containsExactly("username", "email");
        assertThat(bare.isAdminOnly("firstName")).isTrue();
        assertThat(bare.isAdminOnly("badge")).isTrue();
        assertThat(bare.isAdminOnly("seen")).isTrue();
    }

    @Test
    void anAttributeSelectedByScopesTakesNoPartInRegistrationUnlessBuiltIn() {
        assertThat(attribute("vatNumber").selectorScopes()).containsExactly("business");
        assertThat(attribute("vatNumber").isSelectedForRegistration()).isFalse();
        UserProfile scopedEmail = inline(null, editable("email", "\"selector\": "
                + "{\"scopes\": [\"x\"]}"));
        assertThat(scopedEmail.attribute("email").orElseThrow().isSelectedForRegistration())
                .isTrue();
    }

    @Test
    void theDefaultValueIsKept() {
        assertThat(attribute("language").defaultValue()).contains("en");
        assertThat(attribute("phone").defaultValue()).isEmpty();
    }

    @ParameterizedTest(name = "{0} reads as {1}")
    @CsvSource({
        "ENABLED,    ENABLED",
        "admin_edit, ADMIN_EDIT",
        "ADMIN_VIEW, ADMIN_VIEW",
    })
    void theUnmanagedAttributePolicyIsRead(String json, UnmanagedAttributePolicy policy) {
        assertThat(inline(json).unmanagedAttributePolicy()).isEqualTo(policy);
    }

    @Test
    void withoutAPolicyUnmanagedAttributesAreDisabled() {
        assertThat(profile.unmanagedAttributePolicy()).isEqualTo(UnmanagedAttributePolicy.DISABLED);
        assertThat(UnmanagedAttributePolicy.ENABLED.letsUsersSetUnmanagedAttributes()).isTrue();
        assertThat(UnmanagedAttributePolicy.ADMIN_EDIT.letsUsersSetUnmanagedAttributes()).isFalse();
    }

    @Test
    void keycloaksDefaultProfileHasTheFourBuiltInAttributesWithTheirValidators() {
        UserProfile defaults = UserProfile.keycloakDefault();
        assertThat(defaults.userEditableAttributes()).extracting(ProfileAttribute::name)
                .containsExactly("username", "email", "firstName", "lastName");
        assertThat(defaults.attribute("email").orElseThrow().validations())
                .extracting(ValidatorSpec::name).containsExactly("email", "length");
        assertThat(defaults.attribute("email").orElseThrow().validator("length").orElseThrow()
                .config().asMap()).isEqualTo(Map.of("max", 255));
        assertThat(defaults.attribute("lastName").orElseThrow().validations())
                .extracting(ValidatorSpec::name)
                .containsExactly("length", "person-name-prohibited-characters");
        assertThat(defaults.attribute("username").orElseThrow().validator("length").orElseThrow()
                .config().asMap()).isEqualTo(Map.of("min", 3, "max", 255));
        assertThat(defaults.attributes()).filteredOn(ProfileAttribute::isRequiredForUser)
                .extracting(ProfileAttribute::name)
                .containsExactly("username", "email", "firstName", "lastName");
        assertThat(defaults.groups()).extracting(AttributeGroup::name)
                .containsExactly("user-metadata");
        assertThat(defaults.unmanagedAttributePolicy())
                .isEqualTo(UnmanagedAttributePolicy.DISABLED);
    }

    @Test
    void aProfileParsedFromAJsonTreeEqualsOneParsedFromText() throws Exception {
        String json = ProfileFixtures.json("realistic-profile.json");
        UserProfile fromTree = UserProfile.from(new ObjectMapper().readTree(json));
        assertThat(fromTree.userEditableAttributes()).extracting(ProfileAttribute::name)
                .isEqualTo(profile.userEditableAttributes().stream().map(ProfileAttribute::name)
                        .toList());
        assertThat(fromTree.attribute("tags").orElseThrow().validations())
                .isEqualTo(attribute("tags").validations());
    }

    @Test
    void theProfileCannotBeChangedThroughWhatItHandsOut() {
        assertThatThrownBy(() -> profile.attributes().add(attribute("phone")))
                .isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> attribute("phone").annotations().put("inputType", "text"))
                .isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> attribute("phone").validator("pattern").orElseThrow().config()
                .asMap().clear()).isInstanceOf(UnsupportedOperationException.class);
        List<?> options = attribute("department").validator("options").orElseThrow().config()
                .list("options");
        assertThatThrownBy(options::clear).isInstanceOf(UnsupportedOperationException.class);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "not JSON at all                 | {attributes:",
        "an array instead of an object   | []",
        "an attribute without a name     | {\"attributes\": [{\"displayName\": \"x\"}]}",
        "an unknown unmanaged policy     | {\"unmanagedAttributePolicy\": \"SOMETIMES\"}",
        "nothing                         | '   '",
    })
    void malformedProfilesAreRefused(String description, String json) {
        assertThatThrownBy(() -> UserProfile.parse(json))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
