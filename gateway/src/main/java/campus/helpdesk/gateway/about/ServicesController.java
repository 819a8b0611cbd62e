package campus.helpdesk.gateway.about;

import campus.helpdesk.gateway.proxy.Route;
import campus.helpdesk.gateway.proxy.RouteTable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.time.Duration;
import java.util.Comparator;
import java.util.List;

/**
 * {@code GET /api/services}: the services behind the gateway with their health, for the About page. Open without
 * a session, like every /health. The links point at each service's own address (configurable as
 * {@code public-url}), because Swagger UI pages carry inline scripts that the gateway's CSP would block.
 */
@Controller("/api/services")
public class ServicesController {

    private static final Duration HEALTH_TIMEOUT = Duration.ofMillis(800);

    private final RouteTable routes;
    private final HttpClient client;

    public ServicesController(RouteTable routes, @Client HttpClient client) {
        this.routes = routes;
        this.client = client;
    }

    @Get
    public Mono<List<ServiceStatus>> services() {
        return Flux.fromIterable(routes.all())
                .flatMap(this::status)
                .sort(Comparator.comparing(ServiceStatus::prefix))
                .collectList();
    }

    private Mono<ServiceStatus> status(Route route) {
        String health = route.getUrl() + "/health";
        return Mono.from(client.exchange(HttpRequest.GET(health)))
                .map(response -> "UP")
                .timeout(HEALTH_TIMEOUT)
                .onErrorResume(HttpClientResponseException.class, e -> Mono.just("DOWN"))
                .onErrorResume(e -> Mono.just("UNREACHABLE"))
                .map(state -> new ServiceStatus(route.getName(), route.getPrefix(), state,
                        route.getPublicUrl().toString(), route.getPublicUrl() + "/swagger-ui/index.html",
                        route.getPublicUrl() + "/health"));
    }
}
