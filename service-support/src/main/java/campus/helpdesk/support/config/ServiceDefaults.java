package campus.helpdesk.support.config;

import io.micronaut.context.env.AbstractPropertySourceLoader;

/**
 * The settings every service shares ({@code META-INF/helpdesk/service-defaults.yml}): bind address, request size,
 * health and Prometheus endpoints, the OpenAPI views, the service keys. A service's {@code application.yml} states
 * only what differs (its port, its own clients and rules).
 */
public final class ServiceDefaults extends LibraryDefaults {

    public static final String RESOURCE = "META-INF/helpdesk/service-defaults.yml";

    /** The lowest rank: every other library's defaults and the service's own configuration override these. */
    public static final int ORDER = AbstractPropertySourceLoader.DEFAULT_POSITION - 20;

    public ServiceDefaults() {
        super(RESOURCE, ORDER);
    }
}
