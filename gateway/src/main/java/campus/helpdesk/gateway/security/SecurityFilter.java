package campus.helpdesk.gateway.security;

import campus.helpdesk.support.problem.ProblemDocument;
import campus.helpdesk.gateway.caller.Callers;
import campus.helpdesk.gateway.proxy.Route;
import campus.helpdesk.gateway.proxy.RouteTable;
import io.micronaut.context.annotation.Value;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Filter;
import io.micronaut.http.filter.HttpServerFilter;
import io.micronaut.http.filter.ServerFilterChain;
import io.micronaut.core.order.Ordered;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Runs before everything else: refuses state-changing requests from foreign pages (403 problem+json) and puts the
 * security headers on every answer, proxied ones included. The CSP allows no inline script or style, so user text
 * that slips into markup still cannot run.
 */
@Filter("/**")
public class SecurityFilter implements HttpServerFilter {

    static final String CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
            + "connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; "
            + "frame-ancestors 'none'";
    /**
     * Swagger UI's generated page starts itself with an inline script; it shows no user data, so only there
     * inline script and style are allowed.
     */
    static final String SWAGGER_UI_CSP = CSP.replace("script-src 'self'", "script-src 'self' 'unsafe-inline'")
            .replace("style-src 'self'", "style-src 'self' 'unsafe-inline'");
    private static final Set<HttpMethod> SAFE = Set.of(HttpMethod.GET, HttpMethod.HEAD, HttpMethod.OPTIONS,
            HttpMethod.TRACE);

    /** HSTS only where the cookie is marked secure, i.e. where the gateway is known to be reached over HTTPS. */
    static final String HSTS = "max-age=31536000; includeSubDomains";

    private final OriginCheck originCheck;
    private final LoopbackHost loopbackHost;
    private final boolean https;
    private final RouteTable routes;

    public SecurityFilter(@Value("${helpdesk.security.allowed-origins:}") List<String> allowedOrigins,
                          @Value("${helpdesk.session.secure-cookie:false}") boolean https, RouteTable routes,
                          @Value("${micronaut.server.host:}") String bindHost) {
        this.originCheck = new OriginCheck(new HashSet<>(allowedOrigins));
        this.loopbackHost = new LoopbackHost(bindHost, new HashSet<>(allowedOrigins));
        this.https = https;
        this.routes = routes;
    }

    @Override
    public int getOrder() {
        // Before Micronaut's own CORS filter, which would refuse a foreign Origin with an empty 403 and no headers.
        return Ordered.HIGHEST_PRECEDENCE;
    }

    @Override
    public Publisher<MutableHttpResponse<?>> doFilter(HttpRequest<?> request, ServerFilterChain chain) {
        if (!loopbackHost.allows(request.getHeaders().get(HttpHeaders.HOST))) {
            return Mono.just(decorate(request, ProblemDocument.response(HttpStatus.FORBIDDEN,
                    "This desk listens on this machine only and answers to localhost; open it as http://localhost")));
        }
        if (foreign(request)) {
            return Mono.just(decorate(request, ProblemDocument.response(HttpStatus.FORBIDDEN,
                    "This request comes from another site's page, so it was refused")));
        }
        return Flux.from(chain.proceed(request)).map(response -> decorate(request, response));
    }

    /**
     * A state-changing request must come from our own pages (Origin, else Referer), unless it carries an API token:
     * the token is its credential, not a cookie that a foreign page's form would send along, and scripts and BI
     * tools send no Origin. Any request that names a foreign Origin (another site's script) is refused too, with
     * a problem document rather than Micronaut's empty CORS refusal. A plain navigation carries no Origin. A route
     * open to anyone (the webhook intake) needs no Origin either: it never acts on a cookie, so a foreign page's
     * form gains nothing there that curl does not have.
     */
    private boolean foreign(HttpRequest<?> request) {
        String origin = request.getHeaders().get(HttpHeaders.ORIGIN);
        String host = request.getHeaders().get(HttpHeaders.HOST);
        if (request.getHeaders().getAll(HttpHeaders.ORIGIN).size() > 1) {
            return true; // A browser sends one; with two, which one a check reads would decide.
        }
        if (origin != null && !originCheck.allows(origin, null, host)) {
            return true;
        }
        return !SAFE.contains(request.getMethod()) && !Callers.carriesToken(request)
                && !routes.find(request.getPath()).map(Route::isForAnyone).orElse(false)
                && !originCheck.allows(origin, request.getHeaders().get(HttpHeaders.REFERER), host);
    }

    private MutableHttpResponse<?> decorate(HttpRequest<?> request, MutableHttpResponse<?> response) {
        // A file downloaded from ticket-service comes sandboxed (no script, no form, nothing of ours it could use):
        // stricter than any page's policy, so it stays; every other answer gets the page's.
        if (!sandboxed(response)) {
            response.getHeaders().set("Content-Security-Policy",
                    request.getPath().startsWith("/swagger-ui/") ? SWAGGER_UI_CSP : CSP);
        }
        response.getHeaders().set("X-Content-Type-Options", "nosniff");
        response.getHeaders().set("Referrer-Policy", "same-origin");
        response.getHeaders().set("X-Frame-Options", "DENY");
        response.getHeaders().set("Permissions-Policy", "camera=(), microphone=(), geolocation=()");
        if (https) {
            response.getHeaders().set("Strict-Transport-Security", HSTS);
        }
        if ((request.getPath().startsWith("/api/") || request.getPath().equals("/prometheus"))
                && !response.getHeaders().contains(HttpHeaders.CACHE_CONTROL)) {
            response.getHeaders().set(HttpHeaders.CACHE_CONTROL, "no-store");
        }
        return response;
    }

    private static boolean sandboxed(MutableHttpResponse<?> response) {
        String policy = response.getHeaders().get("Content-Security-Policy");
        return policy != null && policy.startsWith("sandbox;") && policy.contains("default-src 'none'");
    }
}
