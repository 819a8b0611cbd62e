package campus.helpdesk.ticket.intake;

import campus.helpdesk.api.Text;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** The one member an intake body has beyond a ticket create's: the sender's own id for the event (an alarm's id). */
@Serdeable
record ExternalRef(@Nullable @Size(max = 200, message = "The externalRef can be at most 200 characters.")
                   @Pattern(regexp = Text.PLAIN, message = Text.PLAIN_MESSAGE) String externalRef) {
}
