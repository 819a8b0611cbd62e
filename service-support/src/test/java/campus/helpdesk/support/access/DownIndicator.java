package campus.helpdesk.support.access;

import io.micronaut.context.annotation.Requires;
import io.micronaut.core.async.publisher.Publishers;
import io.micronaut.health.HealthStatus;
import io.micronaut.management.health.indicator.HealthIndicator;
import io.micronaut.management.health.indicator.HealthResult;
import jakarta.inject.Singleton;
import org.reactivestreams.Publisher;

/** A dependency that is down, so /health answers 503 (only in the tests that ask for it). */
@Singleton
@Requires(property = "test.dependency-down", value = "true")
class DownIndicator implements HealthIndicator {
    @Override
    public Publisher<HealthResult> getResult() {
        return Publishers.just(HealthResult.builder("database", HealthStatus.DOWN).build());
    }
}
