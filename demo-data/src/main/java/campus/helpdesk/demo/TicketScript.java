package campus.helpdesk.demo;

import campus.helpdesk.api.Role;
import campus.helpdesk.api.Ticket;
import campus.helpdesk.api.TicketPatch;
import campus.helpdesk.api.TicketStatus;
import campus.helpdesk.lifecycle.Actor;
import campus.helpdesk.lifecycle.Change;
import campus.helpdesk.lifecycle.TicketEdit;
import campus.helpdesk.lifecycle.TicketEvent;
import campus.helpdesk.lifecycle.TicketLifecycle;
import campus.helpdesk.lifecycle.TicketText;
import campus.helpdesk.sla.Deadlines;
import campus.helpdesk.sla.ServiceLevels;

import java.util.ArrayList;
import java.util.List;

/**
 * Plays a story through the ticket lifecycle, step by step, as ticket-service does for the same requests: the
 * ticket's rows come out of {@link TicketLifecycle}, never out of rules of our own.
 */
final class TicketScript {

    private TicketScript() {
    }

    /**
     * A played story: the ticket as it stands now (and its row's language and stored response targets), its messages
     * and its events.
     */
    record Played(Ticket ticket, String language, Deadlines deadlines, List<PostedMessage> messages,
                  List<TicketEvent> events) {
    }

    /** A message with the id the ticket's MESSAGE_ADDED event names. */
    record PostedMessage(long id, Story.Post post) {
    }

    /**
     * {@code ticketId}: the ticket's reserved id; {@code firstMessageId}: the first of its
     * {@link Story#MAX_MESSAGES} reserved message ids.
     */
    static Played play(Story story, long ticketId, long firstMessageId, ServiceLevels levels) {
        List<PostedMessage> messages = new ArrayList<>(Story.MAX_MESSAGES);
        List<TicketEvent> events = new ArrayList<>(story.steps().size() + 1);
        Change change = TicketLifecycle.open(ticketId, story.filing(), story.classification(),
                new Actor(story.reporter(), Role.STUDENT), story.openedAt(), levels);
        events.add(change.event());
        Ticket ticket = change.ticket();
        Deadlines deadlines = change.deadlines();
        for (Story.Step step : story.steps()) {
            change = switch (step) {
                case Story.Take take -> TicketLifecycle.move(ticket, TicketStatus.ACTIVE, staff(take.staff()),
                        take.at());
                case Story.CorrectCategory fix -> TicketLifecycle.edit(ticket, TicketEdit.of(ticket,
                                new TicketPatch(null, null, null, null, fix.category(), null)), null,
                        staff(fix.staff()), fix.at(), levels);
                case Story.HandOver handOver -> TicketLifecycle.handOver(ticket, handOver.to(),
                        staff(handOver.staff()), handOver.at());
                case Story.Post post -> {
                    PostedMessage message = new PostedMessage(firstMessageId + messages.size(), post);
                    messages.add(message);
                    yield TicketLifecycle.message(ticket, message.id(), new Actor(post.author(), post.role()),
                            post.internal(), post.at());
                }
                case Story.Close close -> TicketLifecycle.move(ticket, TicketStatus.CLOSED, staff(close.staff()),
                        close.at());
            };
            events.add(change.event());
            ticket = change.ticket();
            if (change.deadlines() != null) {
                deadlines = change.deadlines();
            }
        }
        return new Played(ticket, TicketText.language(ticket.title(), ticket.description()), deadlines, messages,
                events);
    }

    private static Actor staff(String name) {
        return new Actor(name, Role.STAFF);
    }
}
