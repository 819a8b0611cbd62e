package campus.helpdesk.gateway.about;

import campus.helpdesk.gateway.proxy.Route;
import campus.helpdesk.gateway.proxy.RouteTable;
import campus.helpdesk.gateway.session.Sessions;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * {@code GET /api/services}: every process of the desk with its health, for the About page: the gateway itself, the
 * services behind it, and PostgreSQL where {@code ./helpdesk up} runs it (elsewhere the platform runs the database,
 * and the gateway, which never connects to it, cannot say more than ticket-service's health does). To everyone else
 * it says only each process's name and state; staff and analysts, who run the desk, also get the links, which
 * point at each service's own address (configurable as {@code public-url}), because Swagger UI pages carry inline
 * scripts that the gateway's CSP would block, and what the launcher's supervisor says. A student has no use for the
 * addresses behind the gateway or the supervisor's failures, and anyone may sign in as a student.
 */
@Controller("/api/services")
public class ServicesController {

    private static final Duration HEALTH_TIMEOUT = Duration.ofMillis(800);
    private static final String GATEWAY = "gateway";
    private static final String GATEWAY_SERVES = "/, /api/session, /api/live";
    /** The supervisor's name for the embedded database, as {@code ./helpdesk status} lists it. */
    private static final String DATABASE = "postgresql";

    private final RouteTable routes;
    private final HttpClient client;
    private final Sessions sessions;
    private final Supervision supervision;

    public ServicesController(RouteTable routes, @Client HttpClient client, Sessions sessions,
                              Supervision supervision) {
        this.routes = routes;
        this.client = client;
        this.sessions = sessions;
        this.supervision = supervision;
    }

    @Get
    public Mono<List<ServiceStatus>> services(HttpRequest<?> request) {
        boolean runsTheDesk = sessions.of(request).map(session -> session.role().runsTheDesk()).orElse(false);
        return Flux.fromIterable(routes.all())
                .filter(route -> route.getService().equals(route.getName()))
                .flatMap(route -> status(route, runsTheDesk))
                .sort(Comparator.comparing(ServiceStatus::prefix))
                .collectList()
                .map(behind -> wholeDesk(behind, runsTheDesk));
    }

    /** The gateway first (it answers this, so it is up), then the services, then the database. */
    private List<ServiceStatus> wholeDesk(List<ServiceStatus> behind, boolean runsTheDesk) {
        List<ServiceStatus> desk = new ArrayList<>();
        // The gateway's own documents are public, as is the gateway: its links are there for everyone.
        desk.add(new ServiceStatus(GATEWAY, GATEWAY_SERVES, "UP", "/", "/swagger-ui/index.html", "/health",
                runsTheDesk ? supervision.of(GATEWAY).orElse(null) : null));
        desk.addAll(behind);
        supervision.of(DATABASE).ifPresent(database -> desk.add(new ServiceStatus(DATABASE, "",
                databaseHealth(database), null, null, null, runsTheDesk ? database : null)));
        return desk;
    }

    /**
     * The database's health as its supervisor last saw it; UNKNOWN once no supervisor watches it: the gateway never
     * connects to it (ticket-service's health says whether it answers).
     */
    private static String databaseHealth(Supervision.Process database) {
        return switch (database.state()) {
            case "UP" -> "UP";
            case Supervision.UNSUPERVISED -> "UNKNOWN";
            default -> "DOWN";
        };
    }

    private Mono<ServiceStatus> status(Route route, boolean runsTheDesk) {
        String health = route.getUrl() + "/health";
        return Mono.from(client.exchange(HttpRequest.GET(health)))
                .map(response -> "UP")
                .timeout(HEALTH_TIMEOUT)
                .onErrorResume(HttpClientResponseException.class, e -> Mono.just("DOWN"))
                .onErrorResume(e -> Mono.just("UNREACHABLE"))
                .map(state -> runsTheDesk
                        ? new ServiceStatus(route.getName(), route.getPrefix(), state, route.getPublicUrl().toString(),
                        route.getPublicUrl() + "/swagger-ui/index.html", route.getPublicUrl() + "/health",
                        supervision.of(route.getService()).orElse(null))
                        : new ServiceStatus(route.getName(), route.getPrefix(), state, null, null, null, null));
    }
}
