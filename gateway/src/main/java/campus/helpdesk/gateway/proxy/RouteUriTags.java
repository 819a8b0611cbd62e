package campus.helpdesk.gateway.proxy;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.config.MeterFilter;
import jakarta.inject.Singleton;

import java.util.stream.Collectors;

/**
 * Proxied requests have no route template, so the HTTP metrics would tag each with its raw path: one new timer
 * per ticket id (and per made-up path) for anyone to create. They are tagged with their route's prefix instead.
 */
@Singleton
public class RouteUriTags implements MeterFilter {

    private final RouteTable routes;

    public RouteUriTags(RouteTable routes) {
        this.routes = routes;
    }

    @Override
    public Meter.Id map(Meter.Id id) {
        String uri = id.getTag("uri");
        if (uri == null) {
            return id;
        }
        return routes.find(uri)
                .map(route -> id.replaceTags(id.getTags().stream()
                        .map(tag -> tag.getKey().equals("uri") ? Tag.of("uri", route.getPrefix() + "/**") : tag)
                        .collect(Collectors.toList())))
                .orElse(id);
    }
}
