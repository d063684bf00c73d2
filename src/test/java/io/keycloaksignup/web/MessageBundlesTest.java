package io.keycloaksignup.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.keycloaksignup.mail.MailMessages;
import io.quarkus.qute.i18n.Message;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every language offered on the pages has every text that English has, and nothing else. */
class MessageBundlesTest {

    @ParameterizedTest
    @ValueSource(strings = {"de", "fr", "es"})
    void everyTranslationHasEveryEnglishKey(String language) throws IOException {
        Set<String> english = Arrays.stream(Messages.class.getDeclaredMethods())
                .filter(method -> method.isAnnotationPresent(Message.class))
                .map(Method::getName).collect(Collectors.toSet());
        Properties translated = load("messages/msg_" + language + ".properties");

        assertThat(translated.stringPropertyNames()).as("keys of msg_%s", language)
                .containsExactlyInAnyOrderElementsOf(english);
        assertThat(translated.values()).as("blank texts in msg_%s", language)
                .allSatisfy(text -> assertThat(text.toString()).isNotBlank());
    }

    @ParameterizedTest
    @ValueSource(strings = {"de", "fr", "es"})
    void everyMailTranslationHasEveryEnglishKey(String language) throws IOException {
        Set<String> english = Arrays.stream(MailMessages.class.getDeclaredMethods())
                .filter(method -> method.isAnnotationPresent(Message.class))
                .map(Method::getName).collect(Collectors.toSet());
        Properties translated = load("messages/mail_" + language + ".properties");

        assertThat(translated.stringPropertyNames()).as("keys of mail_%s", language)
                .containsExactlyInAnyOrderElementsOf(english);
        assertThat(translated.values()).as("blank texts in mail_%s", language)
                .allSatisfy(text -> assertThat(text.toString()).isNotBlank());
    }

    @ParameterizedTest
    @ValueSource(strings = {"de", "fr", "es"})
    void everyOfferedLanguageHasABundle(String language) {
        assertThat(PageLanguage.SUPPORTED).contains(language);
        assertThat(getClass().getClassLoader().getResource("messages/msg_" + language + ".properties"))
                .isNotNull();
    }

    private static Properties load(String resource) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = MessageBundlesTest.class.getClassLoader().getResourceAsStream(resource)) {
            assertThat(in).as(resource).isNotNull();
            try (Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
                properties.load(reader);
            }
        }
        return properties;
    }
}
