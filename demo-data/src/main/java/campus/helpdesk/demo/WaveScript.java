package campus.helpdesk.demo;

import campus.helpdesk.api.Role;
import campus.helpdesk.api.Ticket;
import campus.helpdesk.api.TicketStatus;
import campus.helpdesk.lifecycle.Actor;
import campus.helpdesk.lifecycle.Change;
import campus.helpdesk.lifecycle.Incidents;
import campus.helpdesk.lifecycle.TicketEvent;
import campus.helpdesk.lifecycle.TicketLifecycle;
import campus.helpdesk.sla.Deadlines;
import campus.helpdesk.sla.ServiceLevels;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Plays a {@link Wave} through the lifecycle, move by move, as ticket-service does for the same requests: a filing is
 * {@link TicketScript}'s, joining, linking, the one answer and the close with the incident are {@link Incidents}'s.
 * Only open tickets are answered and closed along with the incident, as in the service.
 */
final class WaveScript {

    private WaveScript() {
    }

    /** A played wave: its tickets (in report order, the incident first) and the people who joined the incident. */
    record Played(List<TicketScript.Played> tickets, List<Follower> followers) {
    }

    /** A {@code ticket_follower} row. */
    record Follower(long ticketId, String person, Instant joinedAt) {
    }

    /** One report while the wave is played: the ticket as it stands and what it collected so far. */
    private static final class Report {
        private Ticket ticket;
        private final String language;
        private final Deadlines deadlines;
        private final long firstMessageId;
        private final List<TicketScript.PostedMessage> messages = new ArrayList<>(2);
        private final List<TicketEvent> events = new ArrayList<>(4);

        Report(TicketScript.Played filed, long firstMessageId) {
            this.ticket = filed.ticket();
            this.language = filed.language();
            this.deadlines = filed.deadlines();
            this.firstMessageId = firstMessageId;
            events.addAll(filed.events());
        }

        void apply(Change change) {
            ticket = change.ticket();
            events.add(change.event());
        }

        long nextMessageId() {
            return firstMessageId + messages.size();
        }

        TicketScript.Played played() {
            return new TicketScript.Played(ticket, language, deadlines, messages, events);
        }
    }

    /**
     * {@code firstTicketId}: the incident's reserved id, report {@code i} gets the i-th after it;
     * {@code firstMessageId}: the first of {@link Story#MAX_MESSAGES} reserved message ids per report, in report order.
     */
    static Played play(Wave wave, long firstTicketId, long firstMessageId, ServiceLevels levels) {
        Report[] reports = new Report[wave.reports().size()];
        List<Follower> followers = new ArrayList<>();
        long incidentId = firstTicketId;
        for (Wave.Move move : wave.moves()) {
            Report incident = reports[0];
            switch (move) {
                case Wave.File file -> {
                    int i = file.report();
                    reports[i] = new Report(TicketScript.play(wave.reports().get(i), firstTicketId + i,
                            firstMessageId + (long) i * Story.MAX_MESSAGES, levels),
                            firstMessageId + (long) i * Story.MAX_MESSAGES);
                }
                case Wave.Follow follow -> {
                    incident.apply(Incidents.follow(incident.ticket, new Actor(follow.student(), Role.STUDENT),
                            follow.at()));
                    followers.add(new Follower(incidentId, follow.student(), follow.at()));
                }
                case Wave.Take take -> incident.apply(TicketLifecycle.move(incident.ticket, TicketStatus.ACTIVE,
                        staff(take.staff()), take.at()));
                case Wave.Link link -> {
                    for (int i : link.reports()) {
                        reports[i].apply(Incidents.link(reports[i].ticket, incidentId, staff(link.staff()),
                                link.at()));
                    }
                }
                case Wave.Answer answer -> answer(wave, reports, answer, incidentId);
                case Wave.Close close -> {
                    incident.apply(TicketLifecycle.move(incident.ticket, TicketStatus.CLOSED, staff(close.staff()),
                            close.at()));
                    for (Report linked : linkedOpen(reports, incidentId)) {
                        Incidents.closeWith(linked.ticket, incidentId, staff(close.staff()), close.at())
                                .forEach(linked::apply);
                    }
                }
            }
        }
        List<TicketScript.Played> tickets = new ArrayList<>(reports.length);
        for (Report report : reports) {
            if (report != null) {
                tickets.add(report.played());
            }
        }
        return new Played(tickets, followers);
    }

    /** The message on the incident, then its copy under each open linked report: Messages.post in ticket-service. */
    private static void answer(Wave wave, Report[] reports, Wave.Answer answer, long incidentId) {
        Actor staff = staff(answer.staff());
        Story.Post post = new Story.Post(answer.at(), answer.staff(), Role.STAFF, answer.body(), false);
        Report incident = reports[0];
        TicketScript.PostedMessage message = new TicketScript.PostedMessage(incident.nextMessageId(), post);
        incident.messages.add(message);
        incident.apply(TicketLifecycle.message(incident.ticket, message.id(), staff, false, answer.at()));
        for (Report linked : linkedOpen(reports, incidentId)) {
            TicketScript.PostedMessage copy = new TicketScript.PostedMessage(linked.nextMessageId(), post);
            linked.messages.add(copy);
            linked.apply(Incidents.answer(linked.ticket, copy.id(), incidentId, staff, answer.at()));
        }
    }

    private static List<Report> linkedOpen(Report[] reports, long incidentId) {
        List<Report> open = new ArrayList<>();
        for (Report report : reports) {
            if (report != null && Long.valueOf(incidentId).equals(report.ticket.incidentId())
                    && Incidents.isOpen(report.ticket)) {
                open.add(report);
            }
        }
        return open;
    }

    private static Actor staff(String name) {
        return new Actor(name, Role.STAFF);
    }
}
