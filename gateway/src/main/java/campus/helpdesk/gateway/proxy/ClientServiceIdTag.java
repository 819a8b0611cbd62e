package campus.helpdesk.gateway.proxy;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.config.MeterFilter;
import jakarta.inject.Singleton;

/**
 * The gateway's outgoing requests are timed under one name, {@code http.client.requests}, by two kinds of client:
 * clients with a service id (the feed, the health checks) tag it, the proxy's client does not. Prometheus refuses a
 * name whose meters carry different tag keys: the first proxied request logged a warning on the console and its
 * timings were dropped. Requests without a service id are tagged with {@value #NONE}.
 */
@Singleton
public class ClientServiceIdTag implements MeterFilter {

    static final String METER = "http.client.requests";
    static final String KEY = "serviceId";
    static final String NONE = "none";

    @Override
    public Meter.Id map(Meter.Id id) {
        if (!METER.equals(id.getName()) || id.getTag(KEY) != null) {
            return id;
        }
        return id.withTag(Tag.of(KEY, NONE));
    }
}
