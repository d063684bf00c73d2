package io.keycloaksignup.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** How a browser's Accept-Language header picks one of the offered languages. */
class PageLanguageTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
        "de-CH,de;q=0.9,en;q=0.8 | de",
        "fr-CA                   | fr",
        "ja,es;q=0.5             | es",
        "ja,zh;q=0.5             | en",
        "''                      | en",
        "en-US;q=oops            | en",
        "*                       | en"})
    void picksTheMostPreferredOfferedLanguage(String header, String expected) {
        assertThat(PageLanguage.fromAcceptLanguage(header)).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource({"DE, de", "' es ', es"})
    void acceptsAnExplicitChoiceInAnyCase(String value, String expected) {
        assertThat(PageLanguage.supported(value)).contains(expected);
    }

    @ParameterizedTest
    @CsvSource({"it", "'de\"><script>'", "''"})
    void ignoresLanguagesThatAreNotOffered(String value) {
        assertThat(PageLanguage.supported(value)).isEmpty();
    }
}
