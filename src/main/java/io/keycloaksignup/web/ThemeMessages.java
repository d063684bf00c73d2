package io.keycloaksignup.web;

import io.keycloaksignup.platform.SignupConfig;
import io.quarkus.qute.EvalContext;
import io.quarkus.qute.NamespaceResolver;
import io.quarkus.qute.Results;
import io.quarkus.qute.TemplateInstance;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.jboss.logging.Logger;

/**
 * Lets {@code {signup.theme.dir}/messages/msg_<lang>.properties} (and {@code msg.properties} for
 * English) replace single texts of the built-in {@code msg} bundle. Qute generates the bundle at
 * build time, so instead of changing it this resolver is asked first for {@code msg:key} and
 * answers only for keys the operator set; every other key falls through to the built-in bundle.
 *
 * <p>Only texts without parameters can be replaced: a parameterised text ({@code {hours}}) is a
 * small template that the build compiled against the method's parameters, and an operator's
 * version could not be checked the same way. Files are read at start (UTF-8).
 */
@ApplicationScoped
public class ThemeMessages implements NamespaceResolver {

    private static final Logger LOG = Logger.getLogger(ThemeMessages.class);
    private static final Pattern FILE = Pattern.compile("msg(?:_([a-z]{2,3}))?\\.properties");
    private static final String ENGLISH = "en";

    /** Language ("en" for {@code msg.properties}) to the operator's texts. */
    private final Map<String, Map<String, String>> texts;

    public ThemeMessages(SignupConfig config) {
        this.texts = config.theme().dir().map(dir -> dir.resolve("messages")).filter(Files::isDirectory)
                .map(ThemeMessages::load).orElse(Map.of());
    }

    @Override
    public String getNamespace() {
        return "msg";
    }

    @Override
    public int getPriority() {
        return DEFAULT_PRIORITY + 10;
    }

    @Override
    public CompletionStage<Object> resolve(EvalContext context) {
        if (texts.isEmpty() || !context.getParams().isEmpty()) {
            return CompletableFuture.completedFuture(Results.NotFound.from(context));
        }
        String text = Optional.ofNullable(texts.get(language(context.getAttribute(TemplateInstance.LOCALE))))
                .map(bundle -> bundle.get(context.getName())).orElse(null);
        return CompletableFuture.completedFuture(text != null ? text : Results.NotFound.from(context));
    }

    /** The page's language; a template rendered without one speaks English, like the bundle. */
    static String language(Object locale) {
        if (locale instanceof Locale value && !value.getLanguage().isEmpty()) {
            return value.getLanguage();
        }
        if (locale instanceof String tag && !tag.isBlank()) {
            return Locale.forLanguageTag(tag.replace('_', '-')).getLanguage();
        }
        return ENGLISH;
    }

    private static Map<String, Map<String, String>> load(Path directory) {
        Map<String, Map<String, String>> result = new HashMap<>();
        try (Stream<Path> files = Files.list(directory)) {
            for (Path file : files.toList()) {
                Matcher name = FILE.matcher(file.getFileName().toString());
                if (!name.matches() || !Files.isRegularFile(file)) {
                    continue;
                }
                String language = name.group(1) == null ? ENGLISH : name.group(1);
                Properties properties = new Properties();
                try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                    properties.load(reader);
                }
                Map<String, String> bundle = result.computeIfAbsent(language, key -> new HashMap<>());
                properties.forEach((key, value) -> bundle.put(key.toString(), value.toString()));
                LOG.infof("%d texts for '%s' are taken from the theme directory", properties.size(), language);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read theme messages in " + directory, e);
        }
        return Map.copyOf(result);
    }
}
