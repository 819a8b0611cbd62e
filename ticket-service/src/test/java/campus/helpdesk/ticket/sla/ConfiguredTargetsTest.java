package campus.helpdesk.ticket.sla;

import campus.helpdesk.api.NewTicket;
import campus.helpdesk.api.Priority;
import campus.helpdesk.api.Ticket;
import campus.helpdesk.sla.ServiceLevelSettings;
import campus.helpdesk.ticket.ApiTest;
import io.micronaut.context.ApplicationContext;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The targets come from the HELPDESK_* settings, read once at start; a malformed one stops the start. */
@MicronautTest(transactional = false)
class ConfiguredTargetsTest extends ApiTest {

    @Inject
    ApplicationContext context;

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = new HashMap<>(super.getProperties());
        // What the environment variable HELPDESK_SLA_TARGETS becomes in Micronaut's environment.
        properties.put("helpdesk.sla.targets", "HIGH=2h/10h");
        return properties;
    }

    @Test
    void theConfiguredTargetsDecideTheDueTimesAndAPriorityLeftOutKeepsItsDefault() {
        Ticket high = api.post(STUDENT, "/api/tickets", new NewTicket("Gas smell", "Gas smell in lab 2", null,
                Priority.HIGH, null)).as(Ticket.class);
        assertThat(high.firstResponseDueAt()).isEqualTo(high.openedAt().plus(Duration.ofHours(2)));
        assertThat(high.resolutionDueAt()).isEqualTo(high.openedAt().plus(Duration.ofHours(10)));
        Ticket low = api.post(STUDENT, "/api/tickets", new NewTicket("Poster", "A poster fell down", null,
                Priority.LOW, null)).as(Ticket.class);
        assertThat(low.firstResponseDueAt()).isEqualTo(low.openedAt().plus(Duration.ofHours(24)));
    }

    @Test
    void aMalformedSettingStopsTheStartWithItsMessage() {
        // The running service's own settings (its database, its key), with one malformed target.
        Map<String, Object> settings = new HashMap<>();
        for (String name : new String[]{"datasources.default.url", "datasources.default.username",
                "datasources.default.password", "helpdesk.service-key"}) {
            settings.put(name, context.getRequiredProperty(name, String.class));
        }
        settings.put("helpdesk.sla.targets", "HIGH=soon");
        assertThatThrownBy(() -> ApplicationContext.builder().properties(settings).start().close())
                .rootCause().hasMessageContaining(ServiceLevelSettings.TARGETS + "='HIGH=soon' is not valid");
    }
}
