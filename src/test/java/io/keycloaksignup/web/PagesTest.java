package io.keycloaksignup.web;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.ws.rs.core.MediaType;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Which callers get a page and which keep JSON, from their Accept header (best first). */
class PagesTest {

    @ParameterizedTest(name = "{0} -> html {1}")
    @CsvSource(delimiter = '|', value = {
        "text/html;application/xhtml+xml;*/*   | true",
        "application/json                      | false",
        "application/problem+json;text/html    | false",
        "*/*                                   | false",
        "text/*;text/html                      | true",
        "''                                    | false"})
    void aPageOnlyWhenHtmlIsPreferredToJson(String accept, boolean html) {
        List<MediaType> types = Arrays.stream(accept.split(";")).filter(type -> !type.isBlank())
                .map(MediaType::valueOf).toList();

        assertThat(Pages.wantsHtml(types)).isEqualTo(html);
    }
}
