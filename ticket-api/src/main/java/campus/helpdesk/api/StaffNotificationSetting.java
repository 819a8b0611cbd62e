package campus.helpdesk.api;

import io.micronaut.core.annotation.Creator;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * Body and answer of {@code /api/tickets/notifications/me}: where a staff member wants to be told of new messages
 * on the tickets assigned to them, and whether at all. Staff have no accounts, so the setting belongs to the
 * display name they sign in with. {@code email} null: none given (then nothing is sent, whatever {@code enabled}).
 */
@Serdeable
public record StaffNotificationSetting(
        @Nullable @Size(max = 254, message = "An email address can be at most 254 characters.")
        @Pattern(regexp = NewTicket.EMAIL, message = "Please give an email address like name@example.org, or none.")
        String email,
        // Required: a body without it would have switched the mail off without saying so.
        @NotNull(message = "Please say whether to send the mail: enabled true or false.") Boolean enabled) {

    @Creator
    public StaffNotificationSetting {
        email = Text.mailbox(email);
    }
}
