package campus.helpdesk.api;

import io.micronaut.serde.annotation.Serdeable;

/** {@code enabled}: the desk has SMTP settings and emails reporters; false: an address given is kept, unused. */
@Serdeable
public record NotificationSettings(boolean enabled) {
}
