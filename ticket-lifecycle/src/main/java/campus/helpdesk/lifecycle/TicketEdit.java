package campus.helpdesk.ticket.lifecycle;

import campus.helpdesk.api.Category;
import campus.helpdesk.api.FieldChange;
import campus.helpdesk.api.Priority;
import campus.helpdesk.api.Ticket;
import campus.helpdesk.api.TicketPatch;
import io.micronaut.core.annotation.Nullable;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The fields a PATCH sets, merged onto the current ticket, with the list of what actually changed (for the
 * history). Absent fields stay; an empty location clears it.
 */
record TicketEdit(String title, String description, @Nullable String location, Priority priority,
                  @Nullable Category staffCategory, List<FieldChange> changes) {

    static TicketEdit of(Ticket current, TicketPatch patch) {
        String title = patch.title() != null ? patch.title() : current.title();
        String description = patch.description() != null ? patch.description() : current.description();
        String location = patch.location() != null ? TicketCreation.blankToNull(patch.location()) : current.location();
        Priority priority = patch.priority() != null ? patch.priority() : current.priority();
        List<FieldChange> changes = new ArrayList<>();
        diff(changes, "title", current.title(), title);
        diff(changes, "description", current.description(), description);
        diff(changes, "location", current.location(), location);
        diff(changes, "priority", current.priority(), priority);
        if (patch.category() != null) {
            diff(changes, "category", current.category(), patch.category());
            diff(changes, "categorySource", current.categorySource(), "STAFF");
        }
        return new TicketEdit(title, description, location, priority, patch.category(), List.copyOf(changes));
    }

    boolean textChanged() {
        return changes.stream().anyMatch(c -> c.field().equals("title") || c.field().equals("description"));
    }

    boolean categoryCorrected() {
        return staffCategory != null;
    }

    boolean isEmpty() {
        return changes.isEmpty();
    }

    private static void diff(List<FieldChange> changes, String field, @Nullable Object from, @Nullable Object to) {
        String before = from == null ? null : from.toString();
        String after = to == null ? null : to.toString();
        if (!Objects.equals(before, after)) {
            changes.add(new FieldChange(field, before, after));
        }
    }
}
