package campus.helpdesk.analytics.category;

import campus.helpdesk.analytics.FactsReadModel;
import campus.helpdesk.analytics.Incidents;
import campus.helpdesk.api.Category;
import campus.helpdesk.api.Priority;
import campus.helpdesk.api.TicketFacts;
import campus.helpdesk.api.TicketStatus;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

/**
 * The read model: live tickets counted per category, status and priority, and who carries them ({@link Workload}).
 * A category correction, a priority change, a move or a handover arrives as new facts and moves one ticket from one
 * cell to another; a deletion takes it out. A count answer is 27 numbers.
 */
public class CategoryCounts extends FactsReadModel {

    private static final Category[] CATEGORIES = Category.values();
    private static final int STATUSES = TicketStatus.values().length;
    private static final int PRIORITIES = Priority.values().length;

    private final long[] counts = new long[CATEGORIES.length * STATUSES * PRIORITIES];
    private final Workload workload = new Workload();
    private final Clock clock;

    public CategoryCounts() {
        this(Clock.systemUTC());
    }

    public CategoryCounts(Incidents incidents) {
        this(Clock.systemUTC(), incidents);
    }

    CategoryCounts(Clock clock) {
        this(clock, Incidents.EACH);
    }

    /**
     * {@code clock}: what "now" is when deciding which closings are old enough to forget; {@code incidents}: whether
     * an incident and its linked tickets count once.
     */
    CategoryCounts(Clock clock, Incidents incidents) {
        super(incidents);
        this.clock = clock;
    }

    /** Counts by category, status and priority, as of one consistent moment. */
    public record Counts(long[] byCell) {
        public long of(Category category, TicketStatus status) {
            long sum = 0;
            for (int p = 0; p < PRIORITIES; p++) {
                sum += byCell[cell(category.ordinal(), status.ordinal(), p)];
            }
            return sum;
        }

        public long of(Category category, TicketStatus status, Priority priority) {
            return byCell[cell(category.ordinal(), status.ordinal(), priority.ordinal())];
        }
    }

    /** The workload answer's figures, as of one consistent moment. */
    public record WorkloadFigures(List<Workload.Row> assignees, int unassigned) {
    }

    public Counts counts() {
        return read(() -> new Counts(counts.clone()));
    }

    /** Per assignee, judged at {@code at}: ACTIVE tickets and what they closed in the 30 days before. */
    public WorkloadFigures workload(Instant at) {
        return read(() -> {
            // Answers slide the workload's window: they take turns, while the feed's writes wait for all of them.
            synchronized (workload) {
                return new WorkloadFigures(workload.rows(at), workload.unassigned());
            }
        });
    }

    @Override
    protected void added(TicketFacts ticket) {
        counts[cell(ticket)]++;
        workload.change(ticket, true, clock.instant(), loading());
    }

    @Override
    protected void removed(TicketFacts ticket) {
        counts[cell(ticket)]--;
        workload.change(ticket, false, clock.instant(), loading());
    }

    @Override
    protected void bulkLoaded() {
        workload.sort();
    }

    @Override
    protected void cleared() {
        java.util.Arrays.fill(counts, 0);
        workload.clear();
    }

    private static int cell(TicketFacts ticket) {
        return cell(ticket.category().ordinal(), ticket.status().ordinal(), ticket.priority().ordinal());
    }

    private static int cell(int category, int status, int priority) {
        return (category * STATUSES + status) * PRIORITIES + priority;
    }
}
