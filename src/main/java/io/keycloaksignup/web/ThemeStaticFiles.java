package io.keycloaksignup.web;

import io.keycloaksignup.platform.SignupConfig;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Serves {@code /css/*} and {@code /img/*} from {@code {signup.theme.dir}/static/} when the
 * operator put that file there, and otherwise lets the request fall through to the built-in
 * file. The file system is asked on every request, so a changed stylesheet or logo shows without
 * a restart. The route runs before Quarkus' static files and before the REST endpoints, so an
 * operator's {@code css/theme.css} replaces the generated colour sheet as well.
 */
@ApplicationScoped
public class ThemeStaticFiles {

    /** Runs ahead of the static-resource handler and the REST layer. */
    private static final int ROUTE_ORDER = -100;

    private static final Map<String, String> CONTENT_TYPES = Map.of(
            "css", "text/css; charset=utf-8",
            "png", "image/png",
            "jpg", "image/jpeg",
            "jpeg", "image/jpeg",
            "gif", "image/gif",
            "svg", "image/svg+xml",
            "webp", "image/webp",
            "ico", "image/x-icon",
            "woff2", "font/woff2");

    /**
     * SVG can carry script, and a browser opening the file directly would run it; this policy
     * keeps an operator's file to being an image or stylesheet.
     */
    private static final String POLICY = "default-src 'none'; style-src 'self'; img-src 'self'; sandbox";

    private final Optional<Path> staticRoot;

    public ThemeStaticFiles(SignupConfig config) {
        this.staticRoot = config.theme().dir().map(dir -> dir.resolve("static").toAbsolutePath().normalize());
    }

    void register(@Observes Router router) {
        if (staticRoot.isEmpty()) {
            return;
        }
        router.get("/css/*").order(ROUTE_ORDER).handler(this::serve);
        router.get("/img/*").order(ROUTE_ORDER).handler(this::serve);
    }

    private void serve(RoutingContext ctx) {
        Optional<Path> file = resolve(staticRoot.orElseThrow(), ctx.normalizedPath());
        if (file.isEmpty()) {
            ctx.next();
            return;
        }
        Path path = file.get();
        String name = path.getFileName().toString();
        String extension = name.substring(name.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT);
        ctx.response()
                .putHeader("Content-Type", CONTENT_TYPES.getOrDefault(extension, "application/octet-stream"))
                .putHeader("X-Content-Type-Options", "nosniff")
                .putHeader("Content-Security-Policy", POLICY)
                .putHeader("Cache-Control", "max-age=300")
                .sendFile(path.toString());
    }

    /**
     * The operator's file for a request path, or empty when there is none or the path would lead
     * out of the static directory ({@code ..}, encoded separators, or a link pointing elsewhere).
     * A refused path is treated like a missing one: the built-in files answer, usually 404.
     */
    static Optional<Path> resolve(Path root, String requestPath) {
        if (requestPath == null || requestPath.indexOf('%') >= 0 || requestPath.indexOf('\\') >= 0
                || requestPath.indexOf('\0') >= 0) {
            return Optional.empty();
        }
        String relative = requestPath.startsWith("/") ? requestPath.substring(1) : requestPath;
        if (relative.isEmpty()) {
            return Optional.empty();
        }
        try {
            Path candidate = root.resolve(relative).normalize();
            if (!candidate.startsWith(root) || !Files.isRegularFile(candidate)) {
                return Optional.empty();
            }
            Path real = candidate.toRealPath();
            return real.startsWith(root.toRealPath()) ? Optional.of(real) : Optional.empty();
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }
}
