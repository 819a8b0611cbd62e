package campus.helpdesk.gateway.live;

import campus.helpdesk.gateway.address.ClientAddresses;
import campus.helpdesk.gateway.caller.Caller;
import campus.helpdesk.gateway.caller.CallerRefused;
import campus.helpdesk.gateway.caller.Callers;
import campus.helpdesk.gateway.session.Sessions;
import campus.helpdesk.support.limit.Places;
import campus.helpdesk.support.problem.ProblemDocument;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.sse.Event;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.time.Duration;
import java.util.Map;
import java.time.Instant;

/**
 * {@code GET /api/live}: Server-Sent Events of ticket and message changes, filtered for the session's role, and a
 * {@code solved} event to a ticket's reporter and followers when it is closed ({@link SolvedEvent}).
 * Each {@code change} event's id is the feed cursor, so the browser's automatic reconnect resumes where it
 * stopped. A {@code ping} every 20 s keeps idle connections open through proxies. A {@code feed} event says whether
 * the gateway hears ticket-service's changes in time ({@code {"following": false}} while it is away or hung, and
 * {@code true} once it is back), first when the stream opens, then on each change ({@link LiveFreshness}). A stream ends when its session
 * (or token) expires or its session signs out: it must not outlive the right to see what it carries.
 */
@Controller("/api/live")
public class LiveController {

    private static final Duration PING = Duration.ofSeconds(20);
    /** How often a stream opened with an API token checks that the token still works (revocation). */
    static final Duration TOKEN_RECHECK = Duration.ofSeconds(30);

    /** Seconds a refused browser waits before it asks again (the page's shell retries a refused stream later). */
    static final int RETRY_AFTER_SECONDS = 30;
    /** Ends a stream whose changes ended: never sent, it only marks the end inside the merged stream. */
    private static final Event<?> CUT_OFF = Event.of((Object) Map.of());

    private final Callers callers;
    private final Sessions sessions;
    private final LiveHub hub;
    private final LiveStreams streams;
    private final LiveFreshness freshness;
    private final ClientAddresses addresses;

    public LiveController(Callers callers, Sessions sessions, LiveHub hub, LiveStreams streams,
                          LiveFreshness freshness, ClientAddresses addresses) {
        this.addresses = addresses;
        this.callers = callers;
        this.sessions = sessions;
        this.hub = hub;
        this.streams = streams;
        this.freshness = freshness;
    }

    @Get(produces = MediaType.TEXT_EVENT_STREAM)
    public Mono<HttpResponse<?>> live(HttpRequest<?> request, @Nullable @Header("Last-Event-ID") String lastEventId) {
        return callers.of(request)
                .<HttpResponse<?>>map(caller -> stream(request, caller, lastEventId))
                .switchIfEmpty(Mono.fromSupplier(() -> ProblemDocument.response(HttpStatus.UNAUTHORIZED,
                        "Sign in first: there is no session")))
                .onErrorResume(CallerRefused.class, e -> Mono.just(e.response()));
    }

    private HttpResponse<?> stream(HttpRequest<?> request, Caller caller, @Nullable String lastEventId) {
        if (request.getMethod() == HttpMethod.HEAD) {
            // A HEAD's body is never read: a browser registered for it stayed until its buffer filled, 1,024
            // changes later (100 HEADs, 100 of them).
            return HttpResponse.ok().contentType(MediaType.TEXT_EVENT_STREAM_TYPE);
        }
        Places.Place place;
        try {
            place = streams.take(caller, addresses.countedAs(request));
        } catch (LiveStreams.NoPlace none) {
            return ProblemDocument.response(none.status(), none.getMessage())
                    .header(HttpHeaders.RETRY_AFTER, String.valueOf(RETRY_AFTER_SECONDS));
        }
        var role = caller.role();
        Flux<Event<?>> changes = hub.subscribe(lastEventId)
                .filter(item -> item.reset() || (item.solved() != null
                        ? Visibility.toldOfClose(caller, item.solved()) : Visibility.visible(role, item.event())))
                .map(item -> item.reset()
                        ? Event.of((Object) Map.of("reason", "missed events")).name("reset")
                        : item.solved() != null ? Event.of((Object) SolvedEvent.of(item.solved())).name("solved")
                        : Event.of((Object) Visibility.view(item.event())).name("change")
                        .id(item.event().cursor()));
        Flux<Event<?>> ready = Flux.just(Event.of((Object) Map.of("role", role.name())).name("ready")
                .retry(Duration.ofSeconds(2)));
        Flux<Event<?>> pings = Flux.interval(PING).map(i -> Event.of((Object) Map.of()).name("ping"));
        Flux<Event<?>> feed = freshness.following()
                .map(following -> Event.of((Object) Map.of("following", following)).name("feed"));
        Duration left = Duration.between(Instant.now(), caller.expiresAt());
        Flux<?> end = caller.sessionId() != null ? sessions.signedOut(caller.sessionId()) : revoked(request);
        // The hub ends a browser's changes when it cannot keep up: the whole stream ends then (the pings would keep
        // it open, deaf), and the browser reconnects with its Last-Event-ID as after any cut.
        Flux<Event<?>> events = Flux.concat(ready, Flux.merge(changes.concatWith(Mono.just(CUT_OFF)), pings, feed))
                .takeWhile(event -> event != CUT_OFF)
                .take(left.isNegative() ? Duration.ZERO : left)
                .takeUntilOther(Flux.merge(end, hub.stopping()))
                .doFinally(signal -> place.release());
        return HttpResponse.ok(events).contentType(MediaType.TEXT_EVENT_STREAM_TYPE);
    }

    /** Emits once the request's API token is refused (revoked or expired); a check that cannot run is no verdict. */
    private Flux<Boolean> revoked(HttpRequest<?> request) {
        return Flux.interval(TOKEN_RECHECK)
                .concatMap(tick -> callers.of(request).hasElement()
                        .onErrorResume(CallerRefused.class, e -> Mono.just(e.status() != HttpStatus.UNAUTHORIZED)))
                .filter(stillValid -> !stillValid)
                .take(1);
    }
}
