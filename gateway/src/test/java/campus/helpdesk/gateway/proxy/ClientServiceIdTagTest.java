package campus.helpdesk.gateway.proxy;

import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** Both kinds of outgoing request reach the Prometheus scrape, as the gateway registers them. */
class ClientServiceIdTagTest {

    private static final Tags WITH_ID = Tags.of("exception", "none", "method", "GET", "serviceId", "ticket-service",
            "status", "200", "uri", "/api/feed");
    private static final Tags PROXIED = Tags.of("exception", "none", "method", "POST", "status", "200",
            "uri", "/api/tickets/**");

    @Test
    void aProxiedRequestIsScrapedBesideARequestOfANamedClient() {
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        registry.config().meterFilter(new ClientServiceIdTag());
        record(registry, WITH_ID);
        record(registry, PROXIED);

        String scrape = registry.scrape();
        assertThat(scrape).contains("serviceId=\"ticket-service\"");
        assertThat(scrape).contains("uri=\"/api/tickets/**\"").contains("serviceId=\"none\"");
    }

    @Test
    void withoutTheFilterPrometheusDropsTheProxiedRequests() {
        // What the filter is for: the second set of tag keys is refused.
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        record(registry, WITH_ID);
        record(registry, PROXIED);

        assertThat(registry.scrape()).doesNotContain("uri=\"/api/tickets/**\"");
    }

    @Test
    void otherMetersAndNamedClientsAreLeftAlone() {
        ClientServiceIdTag filter = new ClientServiceIdTag();
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        registry.config().meterFilter(filter);
        Timer server = Timer.builder("http.server.requests").tags(PROXIED).register(registry);
        Timer named = Timer.builder(ClientServiceIdTag.METER).tags(WITH_ID).register(registry);

        assertThat(server.getId().getTag(ClientServiceIdTag.KEY)).isNull();
        assertThat(named.getId().getTag(ClientServiceIdTag.KEY)).isEqualTo("ticket-service");
    }

    private static void record(PrometheusMeterRegistry registry, Tags tags) {
        Timer.builder(ClientServiceIdTag.METER).tags(tags).register(registry).record(Duration.ofMillis(3));
    }
}
