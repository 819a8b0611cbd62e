package campus.helpdesk.api;

import io.micronaut.core.annotation.Creator;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

/**
 * Body of {@code POST /api/tickets}. A missing priority means MEDIUM. A category is the reporter's own choice over
 * the suggestion (stored with source REPORTER); without one the classifier decides. {@code previousTicketId}: the
 * ticket this one follows up on ("still not fixed"), one the caller reported (staff: any ticket).
 */
@Serdeable
public record NewTicket(
        @NotBlank @Size(max = 200) @Pattern(regexp = Text.PLAIN, message = Text.PLAIN_MESSAGE) String title,
        @NotBlank @Size(max = 10_000) @Pattern(regexp = Text.PLAIN, message = Text.PLAIN_MESSAGE) String description,
        @Nullable @Size(max = 100) @Pattern(regexp = Text.PLAIN, message = Text.PLAIN_MESSAGE) String location,
        @Nullable Priority priority,
        @Nullable Category category,
        @Nullable @Positive Long previousTicketId) {

    @Creator
    public NewTicket {
    }

    /** A report that follows up on nothing. */
    public NewTicket(String title, String description, @Nullable String location, @Nullable Priority priority,
                     @Nullable Category category) {
        this(title, description, location, priority, category, null);
    }
}
