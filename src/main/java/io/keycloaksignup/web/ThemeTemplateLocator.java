package io.keycloaksignup.web;

import io.keycloaksignup.platform.SignupConfig;
import io.quarkus.qute.StringTemplateLocation;
import io.quarkus.qute.TemplateLocator;
import io.quarkus.qute.Variant;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * Lets {@code {signup.theme.dir}/templates/} replace built-in Qute templates file by file, pages
 * and mails alike, under the same relative path (e.g. {@code templates/base.html},
 * {@code templates/SignupMailer/verification.txt}).
 *
 * <p>It is asked before Quarkus' own locator (higher priority) and only answers for a template
 * that exists built in, so an override cannot introduce names the build never checked. The
 * type-safe templates were validated at build time against the built-in files; an override must
 * use the same parameters, or rendering fails at run time. Qute keeps a template once it is
 * loaded, and Quarkus loads them at start, so a changed override is picked up on restart.
 */
@ApplicationScoped
public class ThemeTemplateLocator implements TemplateLocator {

    private static final Logger LOG = Logger.getLogger(ThemeTemplateLocator.class);
    private static final String BUILT_IN_ROOT = "templates/";
    private static final List<String> SUFFIXES = List.of("html", "txt");

    private final Optional<Path> root;

    public ThemeTemplateLocator(SignupConfig config) {
        this.root = config.theme().dir().map(dir -> dir.resolve("templates").toAbsolutePath().normalize());
    }

    @Override
    public Optional<TemplateLocation> locate(String id) {
        if (root.isEmpty() || id.contains("..") || id.contains("\\")) {
            return Optional.empty();
        }
        return builtInFile(id).flatMap(this::override);
    }

    @Override
    public int getPriority() {
        return DEFAULT_PRIORITY + 10;
    }

    /** The built-in file an id stands for: itself, or with the first suffix Qute would try. */
    private static Optional<String> builtInFile(String id) {
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        if (loader.getResource(BUILT_IN_ROOT + id) != null && id.contains(".")) {
            return Optional.of(id);
        }
        return SUFFIXES.stream().map(suffix -> id + "." + suffix)
                .filter(name -> loader.getResource(BUILT_IN_ROOT + name) != null)
                .findFirst();
    }

    private Optional<TemplateLocation> override(String file) {
        Path path = root.orElseThrow().resolve(file).normalize();
        if (!path.startsWith(root.get()) || !Files.isRegularFile(path)) {
            return Optional.empty();
        }
        try {
            String content = Files.readString(path, StandardCharsets.UTF_8);
            String type = file.endsWith(".html") ? Variant.TEXT_HTML : Variant.TEXT_PLAIN;
            LOG.infof("Template %s is taken from the theme directory", file);
            return Optional.of(new StringTemplateLocation(content, Optional.of(Variant.forContentType(type)),
                    Optional.of(path.toUri())));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read theme template " + path, e);
        }
    }
}
