package campus.helpdesk.gateway.proxy;

import campus.helpdesk.api.HelpdeskHeaders;
import campus.helpdesk.api.IntegrationOperations;
import campus.helpdesk.gateway.caller.Caller;
import campus.helpdesk.gateway.caller.CallerRefused;
import campus.helpdesk.gateway.caller.Callers;
import campus.helpdesk.support.identity.ServiceTokens;
import campus.helpdesk.support.limit.Places;
import campus.helpdesk.support.problem.BadInput;
import campus.helpdesk.support.problem.ProblemDocument;
import campus.helpdesk.support.problem.UndecodableBody;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpHeaders;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Filter;
import io.micronaut.http.client.ProxyHttpClient;
import io.micronaut.http.client.exceptions.ReadTimeoutException;
import io.micronaut.http.exceptions.BufferLengthExceededException;
import io.micronaut.http.exceptions.ContentLengthExceededException;
import io.micronaut.http.filter.HttpServerFilter;
import io.micronaut.http.filter.ServerFilterChain;
import io.micronaut.http.filter.ServerFilterPhase;
import io.micronaut.http.server.HttpServerConfiguration;
import org.reactivestreams.Publisher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;

import java.net.URI;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Forwards {@code /api/...} requests (and the services' OpenAPI documents under {@code /swagger/}) that match a
 * configured {@link Route}, for a caller (session or API token) whose role the route allows. The service learns who calls from a service token minted for this request alone;
 * whatever credentials the client sent (cookie, API token) stay here.
 *
 * <p>A service that cannot be reached gives 503 problem+json with Retry-After: at once when the connection is
 * refused, after the connect timeout (300 ms) when nothing answers. One that accepted the request and hangs gives
 * 504 after its route's read timeout (1.5 s by default; 15 s for a write that carries no Idempotency-Key and so
 * cannot be repeated safely, {@link Route#DEFAULT_WRITE_TIMEOUT}). Waiting holds no thread: the proxy is reactive,
 * so a hung service ties up nothing but its own open requests. Only idempotent GETs are tried a second time, and not
 * after a timeout. A request goes on once its body has arrived whole ({@link WholeBody}); a file upload streams on.
 */
@Filter({"/api/**", "/swagger/**"})
public class ProxyFilter implements HttpServerFilter {

    private static final Logger LOG = LoggerFactory.getLogger(ProxyFilter.class);

    private static final String RETRY_AFTER_SECONDS = "2";
    private static final List<String> LEGACY_IDENTITY = List.of("X-Helpdesk-Role", "X-Helpdesk-User");
    private static final List<String> HOP_BY_HOP = List.of(HttpHeaders.CONNECTION, HttpHeaders.UPGRADE,
            "HTTP2-Settings", "Keep-Alive", HttpHeaders.TE, HttpHeaders.TRAILER, HttpHeaders.PROXY_AUTHORIZATION);
    /**
     * The page a browser's request came from: judged here (OriginCheck), and nothing a service may act on. A service
     * listening on loopback refuses a request whose Origin names another host (Micronaut's guard against web pages
     * calling local servers), so a desk opened by its campus address had every write refused with an empty 403.
     */
    private static final List<String> BROWSER_PAGE = List.of(HttpHeaders.ORIGIN, HttpHeaders.REFERER,
            "Sec-Fetch-Site", "Sec-Fetch-Mode", "Sec-Fetch-Dest", "Sec-Fetch-User");

    private final RouteTable routes;
    private final Callers callers;
    private final ServiceTokens tokens;
    private final ProxyHttpClient client;
    private final WholeBody wholeBody;
    private final long maxRequestSize;
    private final UploadsPerAddress uploads;

    public ProxyFilter(RouteTable routes, Callers callers, ServiceTokens tokens, ProxyHttpClient client,
                       WholeBody wholeBody, HttpServerConfiguration server, UploadsPerAddress uploads) {
        this.uploads = uploads;
        this.routes = routes;
        this.callers = callers;
        this.tokens = tokens;
        this.client = client;
        this.wholeBody = wholeBody;
        this.maxRequestSize = server.getMaxRequestSize();
    }

    @Override
    public int getOrder() {
        return ServerFilterPhase.SECURITY.after();
    }

    @Override
    public Publisher<MutableHttpResponse<?>> doFilter(HttpRequest<?> request, ServerFilterChain chain) {
        Optional<Route> found = routes.find(request.getPath());
        if (found.isEmpty()) {
            return chain.proceed(request);
        }
        Route route = found.get();
        if (route.isForAnyone()) {
            // Whatever credentials came along are not looked at: they would prove nothing the service asks.
            return forward(request, route, "anyone", route.getAnyoneAs());
        }
        Mono<MutableHttpResponse<?>> anonymous = Mono.fromSupplier(() -> ProblemDocument.response(
                HttpStatus.UNAUTHORIZED, "Sign in first, or send Authorization: Bearer <API token>"));
        return callers.of(request)
                .flatMapMany(caller -> forward(request, route, caller))
                .switchIfEmpty(anonymous)
                .onErrorResume(CallerRefused.class, e -> Mono.just(e.response()));
    }

    private Flux<MutableHttpResponse<?>> forward(HttpRequest<?> request, Route route, Caller caller) {
        if (caller.viaToken() && !route.isApiTokens()) {
            return Flux.just(ProblemDocument.response(HttpStatus.FORBIDDEN,
                    route.getPrefix() + " is for signed-in staff only, not for API tokens"));
        }
        if (!route.allows(caller.role(), request.getMethod())) {
            String may = route.getReadRoles().contains(caller.role()) ? " may only read " : " may not use ";
            return Flux.just(ProblemDocument.response(HttpStatus.FORBIDDEN,
                    "The " + caller.role().name().toLowerCase() + " role" + may + route.getPrefix()));
        }
        return forward(request, route, caller.name(), caller.role().name());
    }

    private Flux<MutableHttpResponse<?>> forward(HttpRequest<?> request, Route route, String name, String role) {
        if (Format.accept(request) == null) {
            return Flux.just(BadInput.response(HttpStatus.BAD_REQUEST, Format.PARAMETER, Format.REFUSAL));
        }
        // Read before the request is rewritten for the service: the rewrite edits the very headers the server
        // later consults to decide whether the client's connection stays open.
        boolean clientCloses = asksToClose(request);
        MutableHttpRequest<?> outgoing = outgoing(request, route,
                route.isForNobody() ? null : tokens.bearer(name, role, route.getService()));
        boolean upload = request.getContentType().filter(t -> t.matches(MediaType.MULTIPART_FORM_DATA_TYPE)).isPresent();
        boolean read = request.getMethod() == HttpMethod.GET || request.getMethod() == HttpMethod.HEAD
                || request.getMethod() == HttpMethod.OPTIONS;
        boolean repeatable = read || route.isSafe() || keyed(request);
        Duration timeout = upload ? route.getUploadReadTimeout()
                : repeatable ? route.getReadTimeout() : longer(route.getReadTimeout(), route.getWriteTimeout());
        Flux<MutableHttpResponse<?>> call = Flux.defer(() -> client.proxy(outgoing))
                .timeout(timeout)
                .map(ProxyFilter::withoutHopByHop);
        if (request.getMethod() == HttpMethod.GET) {
            // A second try helps when a connection from the pool was stale or a replica just went away; a service
            // that accepted the request and did not answer in time gets no second wait.
            call = call.retryWhen(Retry.max(1).filter(e -> !timedOut(e)));
        }
        // A write's page keeps what was typed, and says so; a read has nothing to keep and is simply tried again.
        String retry = read ? "try again in a moment." : "your text is kept, try again in a moment.";
        // A write that cannot be repeated safely and ran out of time may have been saved after all: look first. (One
        // refused at the door was not sent at all.)
        String late = repeatable ? retry
                : "what you sent may still have been saved, so look before sending it again (your text is kept).";
        // The detail is for the person in front of the screen; which service failed, and how long it was given when it
        // was too slow, are for the operator and for scripts, in members of their own.
        Flux<MutableHttpResponse<?>> answer = call.onErrorResume(e -> {
            if (tooLarge(e)) {
                // A body without Content-Length (chunked) is only found too large while it streams on: the client's
                // fault, not the service's, and sending it again cannot help.
                return Mono.just(BadInput.response(HttpStatus.REQUEST_ENTITY_TOO_LARGE, "body",
                        "body: the request body is larger than " + maxRequestSize + " bytes; at most "
                                + maxRequestSize + " are accepted").header(HttpHeaders.CONNECTION, "close"));
            }
            // (The decoder drops Content-Encoding from the request once it inflates, so it cannot be asked here;
            // a plain body is held back by TCP instead, and does not fill the buffer.)
            if (causedBy(e, BufferLengthExceededException.class)) {
                // A compressed upload that inflates a thousandfold arrives faster than the service can take it, and
                // the gateway holds at most its buffer meanwhile (a gzip bomb the same, sooner): the client's form,
                // which browsers never send, and no outage of the service's.
                return Mono.just(BadInput.response(HttpStatus.REQUEST_ENTITY_TOO_LARGE, "body",
                        "body: the request body expands past what can be passed on while it is decompressed; send it "
                                + "without Content-Encoding").header(HttpHeaders.CONNECTION, "close"));
            }
            if (UndecodableBody.in(e)) {
                // An upload streams on as it is decoded: a body that is not the gzip its header names fails here,
                // in the client's half of the call, and is no outage of the service's.
                LOG.info("{} {}: the body is not in the Content-Encoding it names", request.getMethod(),
                        request.getPath());
                return Mono.just(UndecodableBody.refusal().header(HttpHeaders.CONNECTION, "close"));
            }
            LOG.warn("{} {} -> {} failed: {}", request.getMethod(), request.getPath(), route.getName(), e.toString());
            if (timedOut(e)) {
                return Mono.just(ProblemDocument.response(HttpStatus.GATEWAY_TIMEOUT,
                        "The helpdesk did not answer in time: " + late,
                        Map.of("service", route.getName(), "timeoutMs", timeout.toMillis())));
            }
            // Refused or reset, not slow: a timeout figure here would send the operator looking at the wrong thing.
            return Mono.just(ProblemDocument.response(HttpStatus.SERVICE_UNAVAILABLE,
                    "The helpdesk is briefly unavailable: " + retry,
                    Map.of("service", route.getName())).header(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS));
        });
        Flux<MutableHttpResponse<?>> reply;
        if (upload) {
            // The place is held while the upload streams on, and given back however it ends: answered, failed, or
            // the client gone.
            reply = Flux.using(() -> uploads.take(request), place -> answer, Places.Place::release)
                    .onErrorResume(UploadsPerAddress.Busy.class, busy -> Mono.just(UploadsPerAddress.refusal()));
        } else {
            reply = Flux.from(wholeBody.refusal(request)).switchIfEmpty(answer);
        }
        return clientCloses ? reply.map(r -> r.header(HttpHeaders.CONNECTION, "close")) : reply;
    }

    /**
     * Whether the write names itself so that the service can tell a repeat: a non-blank Idempotency-Key (ticket-service
     * keeps it for reports and messages; its other writes are safe to repeat through If-Match or by their nature), or
     * the webhook intake's delivery id.
     */
    private static boolean keyed(HttpRequest<?> request) {
        return Stream.of(HelpdeskHeaders.IDEMPOTENCY_KEY, IntegrationOperations.DELIVERY_ID)
                .map(name -> request.getHeaders().get(name))
                .anyMatch(value -> value != null && !value.isBlank());
    }

    private static Duration longer(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }

    private static boolean asksToClose(HttpRequest<?> request) {
        return request.getHeaders().getAll(HttpHeaders.CONNECTION).stream()
                .flatMap(value -> Arrays.stream(value.split(",")))
                .anyMatch(token -> token.trim().equalsIgnoreCase("close"));
    }

    private static boolean tooLarge(Throwable e) {
        return causedBy(e, ContentLengthExceededException.class);
    }

    private static boolean causedBy(Throwable e, Class<? extends Throwable> kind) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (kind.isInstance(cause)) {
                return true;
            }
        }
        return false;
    }

    private static boolean timedOut(Throwable e) {
        return e instanceof ReadTimeoutException || e instanceof TimeoutException;
    }

    /**
     * The service's framing and connection state (chunked, keep-alive, close) are for the connection between it and
     * the gateway; the server frames each answer for the client's own connection. A service closing its connection
     * to the gateway must not close the student's.
     */
    private static MutableHttpResponse<?> withoutHopByHop(MutableHttpResponse<?> response) {
        response.getHeaders().remove(HttpHeaders.TRANSFER_ENCODING);
        HOP_BY_HOP.forEach(response.getHeaders()::remove);
        return response;
    }

    private static MutableHttpRequest<?> outgoing(HttpRequest<?> request, Route route, String authorization) {
        String accept = Format.accept(request);
        String query = request.getUri().getRawQuery();
        if (query != null) {
            // ?format= exists for download links, which cannot set Accept; the services only know Accept.
            query = Arrays.stream(query.split("&")).filter(p -> !Format.isIt(p)).collect(Collectors.joining("&"));
        }
        URI target = URI.create(route.getUrl().toString().replaceAll("/+$", "") + request.getUri().getRawPath()
                + (query == null || query.isEmpty() ? "" : "?" + query));
        MutableHttpRequest<?> outgoing = request.mutate().uri(target);
        outgoing.headers(h -> identify(h, authorization, accept));
        return outgoing;
    }

    private static void identify(MutableHttpHeaders h, String authorization, String accept) {
        h.remove(HttpHeaders.COOKIE);
        // The services believe only the token below; still, nothing a client says about itself travels on.
        LEGACY_IDENTITY.forEach(h::remove);
        h.remove(HttpHeaders.HOST);
        BROWSER_PAGE.forEach(h::remove);
        // Hop-by-hop headers belong to the browser's connection, not to ours.
        HOP_BY_HOP.forEach(h::remove);
        if (authorization == null) {
            h.remove(HttpHeaders.AUTHORIZATION);
        } else {
            h.set(HttpHeaders.AUTHORIZATION, authorization);
        }
        if (!accept.isEmpty()) {
            h.set(HttpHeaders.ACCEPT, accept);
        }
    }
}
