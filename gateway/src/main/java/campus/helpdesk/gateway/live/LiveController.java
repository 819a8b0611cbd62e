package campus.helpdesk.gateway.live;

import campus.helpdesk.support.problem.ProblemDocument;
import campus.helpdesk.gateway.session.Session;
import campus.helpdesk.gateway.session.Sessions;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.sse.Event;
import reactor.core.publisher.Flux;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * {@code GET /api/live}: Server-Sent Events of ticket and message changes, filtered for the session's role.
 * Each {@code change} event's id is the feed cursor, so the browser's automatic reconnect resumes where it
 * stopped. A {@code ping} every 20 s keeps idle connections open through proxies.
 */
@Controller("/api/live")
public class LiveController {

    private static final Duration PING = Duration.ofSeconds(20);

    private final Sessions sessions;
    private final LiveHub hub;

    public LiveController(Sessions sessions, LiveHub hub) {
        this.sessions = sessions;
        this.hub = hub;
    }

    @Get(produces = MediaType.TEXT_EVENT_STREAM)
    public HttpResponse<?> live(HttpRequest<?> request, @Nullable @Header("Last-Event-ID") String lastEventId) {
        Optional<Session> session = sessions.of(request);
        if (session.isEmpty()) {
            return ProblemDocument.response(HttpStatus.UNAUTHORIZED, "Sign in first: there is no session");
        }
        var role = session.get().role();
        Flux<Event<?>> changes = hub.subscribe(lastEventId)
                .filter(item -> item.reset() || Visibility.visible(role, item.event()))
                .map(item -> item.reset()
                        ? Event.of((Object) Map.of("reason", "missed events")).name("reset")
                        : Event.of((Object) Visibility.view(role, item.event())).name("change")
                        .id(item.event().cursor()));
        Flux<Event<?>> ready = Flux.just(Event.of((Object) Map.of("role", role.name())).name("ready")
                .retry(Duration.ofSeconds(2)));
        Flux<Event<?>> pings = Flux.interval(PING).map(i -> Event.of((Object) Map.of()).name("ping"));
        return HttpResponse.ok(Flux.concat(ready, Flux.merge(changes, pings)))
                .contentType(MediaType.TEXT_EVENT_STREAM_TYPE);
    }
}
