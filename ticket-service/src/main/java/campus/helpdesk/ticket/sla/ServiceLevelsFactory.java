package campus.helpdesk.ticket.sla;

import campus.helpdesk.sla.ServiceLevelSettings;
import campus.helpdesk.sla.ServiceLevels;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.env.Environment;

import java.util.Locale;

/**
 * The desk's response targets, read once at start from the HELPDESK_SLA_TARGETS, HELPDESK_BUSINESS_HOURS,
 * HELPDESK_HOLIDAYS and HELPDESK_ZONE settings ({@link ServiceLevelSettings} says what each means). Through
 * Micronaut's environment, which sees the environment variables as {@code helpdesk.sla.targets} and so on, so a test
 * or a configuration file can set them the same way. Eager: a malformed value stops the service at start with the
 * settings' own message, rather than at the first ticket filed.
 */
@Factory
class ServiceLevelsFactory {

    @Context
    ServiceLevels serviceLevels(Environment environment) {
        return ServiceLevelSettings.read(name -> environment
                .getProperty(name.toLowerCase(Locale.ROOT).replace('_', '.'), String.class).orElse(null));
    }
}
