package campus.helpdesk.gateway.assets;

import campus.helpdesk.support.problem.ProblemDocument;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.filter.ServerFilterPhase;

import java.io.IOException;
import java.net.JarURLConnection;
import java.net.URL;

/**
 * A folder of the web UI's files ({@code /js}, {@code /css/}, {@code /i18n/}, a WebJar's {@code /webjars/x/1.0/})
 * is not a page. The static resources (classpath {@code public} mapped to {@code /**}, the WebJars to
 * {@code /webjars/**}) served a folder inside the gateway's jar as an empty 200 text/plain, which tells a person, a
 * link checker or a scanner that something is there; it is a 404 problem, as any path that names no file. (From a
 * folder on disk, as in a test of this module, they already answer 404.)
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
public class FoldersAreNotPages implements Ordered {

    /** The static resources' mappings in application.yml, as classpath folders. */
    private static final String WEBJARS = "/webjars/";
    private static final String WEBJARS_ROOT = "META-INF/resources/webjars/";
    private static final String UI_ROOT = "public";

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

    private static boolean isFolder(String path) {
        String trimmed = path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
        String name = trimmed.startsWith(WEBJARS) ? WEBJARS_ROOT + trimmed.substring(WEBJARS.length())
                : UI_ROOT + trimmed;
        URL resource = FoldersAreNotPages.class.getClassLoader().getResource(name);
        if (resource == null || !resource.getProtocol().equals("jar")) {
            return false;
        }
        try {
            return ((JarURLConnection) resource.openConnection()).getJarEntry().isDirectory();
        } catch (IOException e) {
            return false;
        }
    }
}
