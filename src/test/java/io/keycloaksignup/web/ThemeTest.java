package io.keycloaksignup.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.keycloaksignup.platform.SignupConfig;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** An operator's theme settings end up in CSS and attributes, so only safe values get through. */
class ThemeTest {

    @Test
    void theDefaultsNeedNoSettings() {
        Theme theme = theme(Map.of());

        assertThat(theme.productName()).isEqualTo("Keycloak Sign-up");
        assertThat(theme.primaryColor()).isEqualTo("#0b57d0");
        assertThat(theme.logoUrl()).isNull();
        assertThat(theme.logoOrigin()).isEmpty();
        assertThat(theme.footerLinks()).isEmpty();
    }

    @Test
    void aColourThatIsNotPlainHexCannotReachTheStylesheet() {
        assertThat(theme(Map.of("signup.theme.primary-color", "red; } body { display: none")).primaryColor())
                .isEqualTo("#0b57d0");
        assertThat(theme(Map.of("signup.theme.primary-color", "#7A1FA2")).primaryColor()).isEqualTo("#7A1FA2");
    }

    @Test
    void onlyHttpLinksAndLocalPathsAreShown() {
        Theme theme = theme(Map.of(
                "signup.theme.logo-url", "javascript:alert(1)",
                "signup.theme.footer-links",
                "Privacy|https://example.com/privacy,Evil|javascript:alert(1),No label,Help|/help"));

        assertThat(theme.logoUrl()).isNull();
        assertThat(theme.footerLinks()).containsExactly(
                new Theme.FooterLink("Privacy", "https://example.com/privacy"),
                new Theme.FooterLink("Help", "/help"));
    }

    @Test
    void aLogoOnAnotherHostNamesItsOriginForTheImagePolicy() {
        assertThat(theme(Map.of("signup.theme.logo-url", "https://cdn.example.com:8443/a/logo.svg")).logoOrigin())
                .contains("https://cdn.example.com:8443");
        assertThat(theme(Map.of("signup.theme.logo-url", "/img/logo.svg")).logoOrigin()).isEmpty();
    }

    private static Theme theme(Map<String, String> settings) {
        Map<String, String> values = new HashMap<>(settings);
        values.put("signup.keycloak.url", "http://keycloak.test");
        values.put("signup.keycloak.realm", "test");
        values.put("signup.keycloak.client-secret", "unused");
        SmallRyeConfig config = new SmallRyeConfigBuilder().withMapping(SignupConfig.class)
                .withDefaultValues(values).build();
        return new Theme(config.getConfigMapping(SignupConfig.class));
    }
}
