package io.keycloaksignup.web;

import static io.keycloaksignup.testing.Signups.body;
import static io.keycloaksignup.testing.Signups.register;
import static io.keycloaksignup.testing.Signups.uniqueEmail;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;

import com.icegreen.greenmail.util.GreenMail;
import io.keycloaksignup.testing.InjectGreenMail;
import io.keycloaksignup.testing.Mailbox;
import io.keycloaksignup.testing.TestEnvironment;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@code signup.theme.dir}: an operator's stylesheet, image and templates replace the built-in
 * ones file by file, what is not overridden still comes from the build, and no request path
 * reaches a file outside the theme's {@code static/} directory.
 */
@QuarkusTest
@WithTestResource(TestEnvironment.class)
@TestProfile(ThemeDirectoryTest.WithThemeDirectory.class)
class ThemeDirectoryTest {

    static final Path DIR = Path.of("target", "theme-directory-test").toAbsolutePath();

    /** Writes the theme directory before the application starts, since templates load at start. */
    public static class WithThemeDirectory implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            writeTheme();
            return Map.of("signup.theme.dir", DIR.toString());
        }
    }

    @InjectGreenMail
    GreenMail greenMail;

    @Test
    void anOverriddenStylesheetIsServedFromTheThemeDirectory() {
        given().get("/css/signup.css").then().statusCode(200).contentType(containsString("text/css"))
                .header("X-Content-Type-Options", "nosniff")
                .body(containsString("operator stylesheet"));
        given().get("/img/logo.svg").then().statusCode(200).contentType(containsString("image/svg+xml"))
                .body(containsString("<svg"));
    }

    @Test
    void aChangedStaticFileIsServedWithoutRestart() throws IOException {
        Path file = DIR.resolve("static/img/changing.txt");
        Files.writeString(file, "first");
        given().get("/img/changing.txt").then().statusCode(200).body(containsString("first"));
        Files.writeString(file, "second");
        given().get("/img/changing.txt").then().statusCode(200).body(containsString("second"));
    }

    @Test
    void aFileTheThemeLacksFallsBackToTheBuiltInOne() {
        given().get("/css/theme.css").then().statusCode(200).body(containsString("--brand"));
        given().get("/img/missing.png").then().statusCode(404);
    }

    @Test
    void pathsLeadingOutOfTheStaticDirectoryAreRefused() {
        for (String path : new String[] {"/css/..%2Fsecret.txt", "/css/%2e%2e/%2e%2e/secret.txt",
                "/img/..%5C..%5Csecret.txt", "/css/..%2F..%2Fsecret.txt", "/img/../../secret.txt"}) {
            given().urlEncodingEnabled(false).get(path).then().statusCode(404)
                    .body(not(containsString("do not serve")));
        }
        Path root = DIR.resolve("static");
        assertThat(ThemeStaticFiles.resolve(root, "/css/../../secret.txt")).isEmpty();
        assertThat(ThemeStaticFiles.resolve(root, "/../secret.txt")).isEmpty();
        assertThat(ThemeStaticFiles.resolve(root, "/css/..%2F..%2Fsecret.txt")).isEmpty();
        assertThat(ThemeStaticFiles.resolve(root, "/css/signup.css")).isPresent();
    }

    @Test
    void anOverriddenLayoutChangesThePages() {
        given().get("/register").then().statusCode(200)
                .body(containsString("<p class=\"operator-banner\">Run by the Acme IT desk</p>"))
                .body(containsString("Language"));
    }

    @Test
    void operatorTextsReplaceSingleMessagesPerLanguageAndAreEscaped() {
        given().get("/register?lang=en").then().statusCode(200)
                .body(containsString("<h1>Open your Acme account</h1>"))
                .body(containsString("We mail you a link &lt;b&gt;now&lt;/b&gt;."))
                .body(containsString("Email address"));
        given().get("/register?lang=de").then().statusCode(200)
                .body(containsString("Acme schickt Ihnen einen Link."))
                .body(containsString("<h1>Konto erstellen</h1>"))
                .body(not(containsString("Open your Acme account")));
        given().get("/register?lang=fr").then().statusCode(200)
                .body(not(containsString("Open your Acme account")));
    }

    @Test
    void anOverriddenMailTemplateChangesTheVerificationMail() {
        String email = uniqueEmail();
        register(body(email)).then().statusCode(202);

        MimeMessage mail = new Mailbox(greenMail).awaitLatest(email, 1);

        assertThat(Mailbox.textPart(mail)).contains("Greetings from the Acme IT desk, Ada").contains("/verify?token=");
        assertThat(Mailbox.htmlPart(mail)).doesNotContain("Greetings from the Acme IT desk");
    }

    private static void writeTheme() {
        try {
            Files.createDirectories(DIR.resolve("static/css"));
            Files.createDirectories(DIR.resolve("static/img"));
            Files.createDirectories(DIR.resolve("templates/SignupMailer"));
            Files.writeString(DIR.resolve("secret.txt"), "do not serve");
            Files.writeString(DIR.resolve("static/css/signup.css"), "/* operator stylesheet */\nbody { margin: 0; }\n");
            Files.writeString(DIR.resolve("static/img/logo.svg"),
                    "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"1\" height=\"1\"/>\n");
            Files.createDirectories(DIR.resolve("messages"));
            Files.writeString(DIR.resolve("messages/msg.properties"),
                    "registerTitle=Open your Acme account\nregisterIntro=We mail you a link <b>now</b>.\n");
            Files.writeString(DIR.resolve("messages/msg_de.properties"),
                    "registerIntro=Acme schickt Ihnen einen Link.\n");
            Path templates = Path.of("src/main/resources/templates");
            String base = Files.readString(templates.resolve("base.html"));
            Files.writeString(DIR.resolve("templates/base.html"), base.replace("<main id=\"main\" class=\"card\">",
                    "<p class=\"operator-banner\">Run by the Acme IT desk</p>\n<main id=\"main\" class=\"card\">"));
            String text = Files.readString(templates.resolve("SignupMailer/verification.txt"));
            Files.writeString(DIR.resolve("templates/SignupMailer/verification.txt"),
                    text.replace("{mail:greeting(firstName)}", "Greetings from the Acme IT desk, {firstName},"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
