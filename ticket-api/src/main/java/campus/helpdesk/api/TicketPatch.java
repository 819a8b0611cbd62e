package campus.helpdesk.api;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.Pattern;

/**
 * Body of {@code PATCH /api/tickets/{id}}: absent fields stay as they are; an empty location clears it.
 * The version may come here or in {@code If-Match}. {@code category} is for staff only.
 */
@Serdeable
public record TicketPatch(
        @Nullable @Pattern(regexp = Text.UP_TO + NewTicket.TITLE_MAX + "}",
                message = "The title can be at most 200 characters.")
        @Pattern(regexp = Text.PLAIN, message = Text.PLAIN_MESSAGE)
        @Pattern(regexp = Text.VISIBLE, message = "Please give a short title.") String title,
        @Nullable @Pattern(regexp = Text.UP_TO + NewTicket.DESCRIPTION_MAX + "}",
                message = "The description can be at most 10,000 characters.")
        @Pattern(regexp = Text.PLAIN, message = Text.PLAIN_MESSAGE)
        @Pattern(regexp = Text.VISIBLE, message = "Please describe the problem.") String description,
        @Nullable @Pattern(regexp = Text.UP_TO + "100}", message = "The location can be at most 100 characters.")
        @Pattern(regexp = Text.PLAIN, message = Text.PLAIN_MESSAGE) String location,
        @Nullable Priority priority,
        @Nullable Category category,
        @Nullable Long version) {

    /**
     * The free text composed ({@link Text#composed}), however the sender's keyboard wrote its accents; the title and
     * the location on one line ({@link Text#oneLine}).
     */
    public TicketPatch {
        title = Text.oneLine(title);
        description = Text.composed(description);
        location = Text.oneLine(location);
    }
}
