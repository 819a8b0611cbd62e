package campus.helpdesk.api;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

/** One field of a ticket before and after a change, as text. */
@Serdeable
public record FieldChange(String field, @Nullable String from, @Nullable String to) {
}
