package campus.helpdesk.gateway.assets;

import campus.helpdesk.support.problem.ProblemDocument;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.io.ResourceLoader;
import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.filter.ServerFilterPhase;
import io.micronaut.web.router.resource.StaticResourceConfiguration;

import java.io.IOException;
import java.net.JarURLConnection;
import java.net.URL;
import java.util.List;
import java.util.Optional;

/**
 * A folder of the web UI's files ({@code /js}, {@code /css/}, {@code /i18n/}, a WebJar's {@code /webjars/x/1.0/})
 * is not a page. The static resources (application.yml's {@code micronaut.router.static-resources}, read here from
 * their configuration) served a folder inside the gateway's jar as an empty 200 text/plain, which tells a person, a
 * link checker or a scanner that something is there; it is a 404 problem, as any path that names no file. (From a
 * folder on disk, as in a test of this module, they already answer 404.)
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
public class FoldersAreNotPages implements Ordered {

    private final List<StaticResourceConfiguration> mappings;

    public FoldersAreNotPages(List<StaticResourceConfiguration> mappings) {
        this.mappings = mappings.stream().filter(StaticResourceConfiguration::isEnabled).toList();
    }

    @Override
    public int getOrder() {
        return ServerFilterPhase.RENDERING.order();
    }

    @RequestFilter
    public @Nullable MutableHttpResponse<?> check(HttpRequest<?> request) {
        String path = request.getPath();
        if ((request.getMethod() != HttpMethod.GET && request.getMethod() != HttpMethod.HEAD) || path.equals("/")
                || path.startsWith("/api/") || !isFolder(path)) {
            return null;
        }
        return ProblemDocument.response(HttpStatus.NOT_FOUND, "Page Not Found");
    }

    /** Whether a mapping the path falls under resolves it to a folder in a jar, and none to a file. */
    private boolean isFolder(String path) {
        String trimmed = path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
        boolean folder = false;
        for (StaticResourceConfiguration mapping : mappings) {
            String prefix = mapping.getMapping().replaceFirst("\\*\\*$", "");
            if (!trimmed.startsWith(prefix)) {
                continue;
            }
            for (ResourceLoader loader : mapping.getResourceLoaders()) {
                Optional<Boolean> directory = loader.getResource(trimmed.substring(prefix.length()))
                        .map(FoldersAreNotPages::isJarDirectory);
                if (directory.isPresent() && !directory.get()) {
                    return false;
                }
                folder |= directory.orElse(false);
            }
        }
        return folder;
    }

    private static boolean isJarDirectory(URL resource) {
        if (!resource.getProtocol().equals("jar")) {
            return false;
        }
        try {
            return ((JarURLConnection) resource.openConnection()).getJarEntry().isDirectory();
        } catch (IOException e) {
            return false;
        }
    }
}
