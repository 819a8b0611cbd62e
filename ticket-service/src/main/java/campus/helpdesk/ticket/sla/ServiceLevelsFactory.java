package campus.helpdesk.ticket.sla;

import campus.helpdesk.api.Priority;
import campus.helpdesk.sla.ServiceLevelSettings;
import campus.helpdesk.sla.ServiceLevels;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.env.Environment;
import io.micronaut.context.event.ApplicationEventListener;
import io.micronaut.context.event.StartupEvent;
import jakarta.inject.Singleton;

import java.util.Locale;

/**
 * The desk's response targets, read once from the HELPDESK_SLA_TARGETS, HELPDESK_BUSINESS_HOURS,
 * HELPDESK_HOLIDAYS and HELPDESK_ZONE settings ({@link ServiceLevelSettings} says what each means). Through
 * Micronaut's environment, which sees the environment variables as {@code helpdesk.sla.targets} and so on, so a test
 * or a configuration file can set them the same way.
 */
@Factory
class ServiceLevelsFactory {

    @Singleton
    ServiceLevels serviceLevels(Environment environment) {
        return ServiceLevelSettings.read(name -> environment
                .getProperty(name.toLowerCase(Locale.ROOT).replace('_', '.'), String.class).orElse(null));
    }

    /**
     * Reads them at start: a malformed value stops the service with the settings' own message, rather than at the
     * first ticket filed. A startup listener rather than an eager ({@code @Context}) bean, which would be made
     * before the tests' replacement beans are in place.
     */
    @Singleton
    static final class ReadAtStart implements ApplicationEventListener<StartupEvent> {

        private final ServiceLevels levels;

        ReadAtStart(ServiceLevels levels) {
            this.levels = levels;
        }

        @Override
        public void onApplicationEvent(StartupEvent event) {
            levels.target(Priority.HIGH); // made (and checked) when this listener was
        }
    }
}
