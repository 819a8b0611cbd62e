package campus.helpdesk.api;

import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;

/** Body of {@code POST /api/tickets/{id}/assignee}: the staff member who takes the ticket over (a display name). */
@Serdeable
public record Handover(
        @NotBlank(message = "Whom to hand it to? Please type a name.")
        @Pattern(regexp = Text.VISIBLE, message = "Whom to hand it to? Please type a name.")
        @Pattern(regexp = Text.UP_TO + "80}", message = "A name can be at most 80 characters.")
        @Pattern(regexp = Text.PLAIN, message = Text.PLAIN_MESSAGE)
        @Pattern(regexp = Text.NAME, message = Text.NAME_MESSAGE) String assignee) {

    /** Read as a signed-in name is ({@link Text#name}), so "Jose\u0301" reaches the José who signs in. */
    public Handover {
        assignee = Text.name(assignee);
    }
}
