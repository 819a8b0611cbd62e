package campus.helpdesk.lifecycle;

import campus.helpdesk.api.CategorySource;
import campus.helpdesk.api.Category;
import campus.helpdesk.api.FieldChange;
import campus.helpdesk.api.Priority;
import campus.helpdesk.api.Ticket;
import campus.helpdesk.api.TicketPatch;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The fields a PATCH sets, merged onto the current ticket, with the list of what actually changed (for the
 * history). Absent fields stay; an empty location clears it. {@code staffCategory}: staff set the category (null
 * when the patch does not touch it).
 */
public record TicketEdit(String title, String description, String location, Priority priority,
                         Category staffCategory, List<FieldChange> changes) {

    public static TicketEdit of(Ticket current, TicketPatch patch) {
        String title = patch.title() != null ? patch.title() : current.title();
        String description = patch.description() != null ? patch.description() : current.description();
        String location = patch.location() != null ? TicketText.location(patch.location()) : current.location();
        Priority priority = patch.priority() != null ? patch.priority() : current.priority();
        List<FieldChange> changes = new ArrayList<>();
        diff(changes, "title", current.title(), title);
        diff(changes, "description", current.description(), description);
        diff(changes, "location", current.location(), location);
        diff(changes, "priority", current.priority(), priority);
        if (patch.category() != null) {
            diff(changes, "category", current.category(), patch.category());
            diff(changes, "categorySource", current.categorySource(), CategorySource.STAFF);
        }
        return new TicketEdit(title, description, location, priority, patch.category(), List.copyOf(changes));
    }

    public boolean isEmpty() {
        return changes.isEmpty();
    }

    public boolean categoryCorrected() {
        return staffCategory != null;
    }

    /**
     * Whether the new text must be classified again before the edit applies: it changed, staff are not setting the
     * category, and no person has set it before (a staff decision outlives later edits of the text).
     */
    public boolean needsClassifying(Ticket current) {
        return textChanged() && !categoryCorrected() && current.categorySource() == CategorySource.AUTO;
    }

    /** The edited text, as the classifier sees it. */
    public String text() {
        return TicketText.of(title, description);
    }

    boolean textChanged() {
        return changes.stream().anyMatch(c -> c.field().equals("title") || c.field().equals("description"));
    }

    private static void diff(List<FieldChange> changes, String field, Object from, Object to) {
        String before = from == null ? null : from.toString();
        String after = to == null ? null : to.toString();
        if (!Objects.equals(before, after)) {
            changes.add(new FieldChange(field, before, after));
        }
    }
}
