package campus.helpdesk.gateway.proxy;

import io.micronaut.context.BeanProvider;
import io.micronaut.context.event.BeanCreatedEvent;
import io.micronaut.context.event.BeanCreatedEventListener;
import io.micronaut.http.client.DefaultHttpClientConfiguration;
import jakarta.inject.Singleton;

import java.time.Duration;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The proxy's HTTP client gives up on a service that has sent nothing for its read-timeout, counted from the
 * request's start. That is a backstop for an answer whose body stalls; a route's own timeout (1.5 s, 15 s for a write
 * that cannot be repeated, 30 s for a retrain, 2 minutes for an upload) decides how long the first byte may take.
 * Left at a fixed 5 s, the backstop cut every wait longer than that: a retrain queued behind another, an upload
 * slower than 5 s, each a 504 that named the route's longer timeout. So the backstop is never shorter than the
 * longest route's.
 */
@Singleton
public class ProxyReadTimeout implements BeanCreatedEventListener<DefaultHttpClientConfiguration> {

    private final BeanProvider<RouteTable> routes;

    public ProxyReadTimeout(BeanProvider<RouteTable> routes) {
        this.routes = routes;
    }

    @Override
    public DefaultHttpClientConfiguration onCreated(BeanCreatedEvent<DefaultHttpClientConfiguration> event) {
        DefaultHttpClientConfiguration client = event.getBean();
        Optional<Duration> longest = routes.get().all().stream()
                .flatMap(route -> Stream.of(route.getReadTimeout(), route.getWriteTimeout(),
                        route.getUploadReadTimeout()))
                .max(Duration::compareTo);
        longest.filter(route -> client.getReadTimeout().map(own -> own.compareTo(route) < 0).orElse(false))
                .ifPresent(client::setReadTimeout);
        return client;
    }
}
