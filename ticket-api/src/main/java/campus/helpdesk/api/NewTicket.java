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
 * ticket this one follows up on ("still not fixed"), one the caller reported (staff: any ticket). The constraint
 * messages are sentences for the person who typed the text: the web UI shows them as they are. {@code email}: where
 * the reporter wants to be told of answers, the take and the close (kept apart from the ticket, seen by staff only).
 */
@Serdeable
public record NewTicket(
        @NotBlank(message = "Please give a short title.")
        @Pattern(regexp = Text.VISIBLE, message = "Please give a short title.")
        @Pattern(regexp = Text.UP_TO + NewTicket.TITLE_MAX + "}", message = "The title can be at most 200 characters.")
        @Pattern(regexp = Text.PLAIN, message = Text.PLAIN_MESSAGE) String title,
        @NotBlank(message = "Please describe the problem.")
        @Pattern(regexp = Text.VISIBLE, message = "Please describe the problem.")
        @Pattern(regexp = Text.UP_TO + NewTicket.DESCRIPTION_MAX + "}",
                message = "The description can be at most 10,000 characters.")
        @Pattern(regexp = Text.PLAIN, message = Text.PLAIN_MESSAGE) String description,
        @Nullable @Pattern(regexp = Text.UP_TO + "100}", message = "The location can be at most 100 characters.")
        @Pattern(regexp = Text.PLAIN, message = Text.PLAIN_MESSAGE) String location,
        @Nullable Priority priority,
        @Nullable Category category,
        @Nullable @Positive(message = "A follow-up names a ticket by its number, which is 1 or more.")
        Long previousTicketId,
        @Nullable @Size(max = 254, message = "An email address can be at most 254 characters.")
        @Pattern(regexp = EMAIL, message = "Please give an email address like name@example.org, or none.")
        String email) {

    /** The longest title and description, in characters (mail intake cuts what it takes in to these). */
    public static final int TITLE_MAX = 200;
    public static final int DESCRIPTION_MAX = 10_000;

    /**
     * A local part's run of characters between dots: the local part is such runs joined by single dots, none at its
     * start or end, as the mail sender's own parser holds it: ".a@", "a..b@" and "a.@" were accepted here and then
     * refused by it when a notification was sent.
     */
    private static final String ATOM = "[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+";

    /**
     * One mailbox, as a mail server would take it: a local part and a dotted domain, no spaces, no second address,
     * no display name, nothing that could become another header line.
     */
    public static final String EMAIL = "(?=[^@]{1,64}@)" + ATOM + "(?:\\." + ATOM + ")*@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}"
            + "[A-Za-z0-9])?(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+";

    /**
     * The free text composed ({@link Text#composed}), however the sender's keyboard wrote its accents; the title and
     * the location on one line ({@link Text#oneLine}).
     */
    @Creator
    public NewTicket {
        title = Text.oneLine(title);
        description = Text.composed(description);
        location = Text.oneLine(location);
        email = Text.mailbox(email);
    }

    /** A report without a notification address. */
    public NewTicket(String title, String description, @Nullable String location, @Nullable Priority priority,
                     @Nullable Category category, @Nullable Long previousTicketId) {
        this(title, description, location, priority, category, previousTicketId, null);
    }

    /** A report that follows up on nothing. */
    public NewTicket(String title, String description, @Nullable String location, @Nullable Priority priority,
                     @Nullable Category category) {
        this(title, description, location, priority, category, null, null);
    }
}
