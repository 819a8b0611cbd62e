package campus.helpdesk.feed;

import campus.helpdesk.support.config.ServiceDefaults;
import io.micronaut.context.ApplicationContext;
import io.micronaut.context.env.AbstractPropertySourceLoader;
import io.micronaut.context.env.Environment;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every follower of the change feed finds ticket-service through analytics-support's defaults, on top of the
 * services' shared defaults, and its own application.yml overrides them. Each case is a configuration folder under
 * {@code config-cases/} ({@code none} has no files: an application that says nothing).
 */
class FeedClientDefaultsTest {

    private static final String CLIENT = "micronaut.http.services.ticket-service.";

    @Test
    void aFollowerThatSaysNothingFindsTicketServiceOnItsDefaultAddressAndWaitsTenSeconds() {
        try (Environment env = environment("classpath:config-cases/none/")) {
            assertThat(env.getProperty(CLIENT + "url", String.class)).contains("http://127.0.0.1:8081");
            assertThat(env.getProperty(CLIENT + "read-timeout", String.class)).contains("10s");
            // Both layers of defaults are there: the ones every service shares too.
            assertThat(env.getProperty("endpoints.health.sensitive", Boolean.class)).contains(false);
        }
    }

    @Test
    void theApplicationsOwnSettingOverridesTheFeedClientDefault() {
        try (Environment env = environment("classpath:config-cases/longer-wait/")) {
            assertThat(env.getProperty(CLIENT + "read-timeout", String.class)).contains("40s");
            assertThat(env.getProperty(CLIENT + "url", String.class)).contains("http://127.0.0.1:8081");
        }
    }

    @Test
    void feedClientDefaultsRankAboveTheServicesSharedOnesAndBelowTheApplication() {
        assertThat(FeedClientDefaults.ORDER)
                .isGreaterThan(ServiceDefaults.ORDER)
                .isLessThan(AbstractPropertySourceLoader.DEFAULT_POSITION);
    }

    private static Environment environment(String location) {
        return ApplicationContext.builder().deduceEnvironment(false).overrideConfigLocations(location).build()
                .getEnvironment().start();
    }
}
