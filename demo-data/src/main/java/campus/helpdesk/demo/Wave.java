package campus.helpdesk.demo;

import java.time.Instant;
import java.util.List;

/**
 * One outage as the desk lived it: dozens of reports of the same problem within an hour, the first of them made the
 * incident, other students joining it ("this is my problem too") instead of filing, staff linking the reports to it,
 * answering once and, for an outage that is over, closing it with every linked report. A script like {@link Story},
 * not rows: {@link WaveScript} plays it through the lifecycle's {@code Incidents} rules, what ticket-service does with
 * the same requests.
 *
 * <p>{@code reports} are stories without steps of their own (each one is only filed); report 0 is the incident.
 * {@code moves} are every request of the wave, filings included, in time order.
 */
public record Wave(String name, List<Story> reports, List<Move> moves) {

    public Wave {
        reports = List.copyOf(reports);
        moves = List.copyOf(moves);
        if (reports.stream().anyMatch(r -> !r.steps().isEmpty())) {
            throw new IllegalArgumentException("A wave's reports are only filed: " + name);
        }
    }

    /** The report every other one is linked to. */
    public Story incident() {
        return reports.get(0);
    }

    /** A request of the wave. */
    public sealed interface Move {
        Instant at();
    }

    /** Report {@code report} (its place in {@link #reports}) is filed, at its story's opening time. */
    public record File(Instant at, int report) implements Move {
    }

    /** A student joins the incident instead of filing a report of their own. */
    public record Follow(Instant at, String student) implements Move {
    }

    /** Staff take the incident (OPEN → ACTIVE). */
    public record Take(Instant at, String staff) implements Move {
    }

    /** Staff link these reports (places in {@link #reports}) to the incident, in one request. */
    public record Link(Instant at, String staff, List<Integer> reports) implements Move {
        public Link {
            reports = List.copyOf(reports);
        }
    }

    /** Staff answer on the incident, a public message copied under each open linked report. */
    public record Answer(Instant at, String staff, String body) implements Move {
    }

    /** Staff close the incident, which closes its open linked reports. */
    public record Close(Instant at, String staff) implements Move {
    }
}
