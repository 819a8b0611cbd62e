package campus.helpdesk.feed;

import campus.helpdesk.support.config.LibraryDefaults;
import io.micronaut.context.env.AbstractPropertySourceLoader;

/**
 * Where every follower of the change feed finds ticket-service, and how long it waits for an answer
 * ({@code META-INF/helpdesk/feed-client-defaults.yml}: {@code micronaut.http.services.ticket-service.*}, the
 * configuration of the feed's HTTP client). An application's own {@code application.yml} overrides it: the gateway
 * waits longer.
 */
public final class FeedClientDefaults extends LibraryDefaults {

    public static final String RESOURCE = "META-INF/helpdesk/feed-client-defaults.yml";

    /** Above the services' shared defaults, below the application's own configuration. */
    public static final int ORDER = AbstractPropertySourceLoader.DEFAULT_POSITION - 10;

    public FeedClientDefaults() {
        super(RESOURCE, ORDER);
    }
}
