package campus.helpdesk.gateway.proxy;

import jakarta.inject.Singleton;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** The configured routes, longest prefix first so a specific route wins over a general one. */
@Singleton
public class RouteTable {

    private final List<Route> routes;

    public RouteTable(List<Route> routes) {
        this.routes = routes.stream()
                .sorted(Comparator.comparingInt((Route r) -> r.getPrefix().length()).reversed())
                .toList();
    }

    public Optional<Route> find(String path) {
        return routes.stream().filter(r -> r.matches(path)).findFirst();
    }

    public List<Route> all() {
        return routes;
    }
}
