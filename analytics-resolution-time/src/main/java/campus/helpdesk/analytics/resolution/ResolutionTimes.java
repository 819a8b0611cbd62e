package campus.helpdesk.analytics.resolution;

import campus.helpdesk.analytics.Durations;
import campus.helpdesk.analytics.FactsReadModel;
import campus.helpdesk.analytics.Hours;
import campus.helpdesk.analytics.Incidents;
import campus.helpdesk.api.Category;
import campus.helpdesk.api.Priority;
import campus.helpdesk.api.TicketFacts;
import campus.helpdesk.api.TicketStatus;

import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The read model: per month of opening (in {@link #zone()}), the resolution times of CLOSED tickets
 * (closed − opened) per category, the first-response times (first staff reply − opened) of tickets that have one
 * per category × priority, and the tickets against their response targets per priority ({@link TargetCounts});
 * besides the months, the first responses of the last 30 days ({@link FirstResponseWindow}).
 * Times are taken at millisecond precision, hours are rounded to {@value #DECIMALS} decimals (half up, ~4 ms);
 * median and p90 are percentile_disc. Every answer costs O(months) (× log n for the targets), whatever the number
 * of tickets.
 */
public class ResolutionTimes extends FactsReadModel {

    static final int DECIMALS = Hours.DECIMALS;

    private final ZoneId zone;
    private final Map<Integer, MonthStats> months = new HashMap<>();
    /**
     * Per category × priority slot ({@link MonthStats#cell}): when each not-closed ticket counts as breached
     * ({@link TargetCounts.Judged#breachedFrom}).
     */
    private final Durations[] breachedFrom = new Durations[(MonthStats.ALL + 1) * (MonthStats.ALL_PRIORITIES + 1)];
    private final FirstResponseWindow lastResponses = new FirstResponseWindow();
    private final Clock clock;

    public ResolutionTimes(String zone) {
        this(zone, Clock.systemUTC());
    }

    public ResolutionTimes(String zone, Incidents incidents) {
        this(zone, Clock.systemUTC(), incidents);
    }

    ResolutionTimes(String zone, Clock clock) {
        this(zone, clock, Incidents.EACH);
    }

    /**
     * {@code clock}: what "now" is when deciding which first responses are too old for the 30-day window;
     * {@code incidents}: whether an incident and its linked tickets count once.
     */
    ResolutionTimes(String zone, Clock clock, Incidents incidents) {
        super(incidents);
        this.zone = ZoneId.of(zone);
        this.clock = clock;
        for (int i = 0; i < breachedFrom.length; i++) {
            breachedFrom[i] = new Durations();
        }
    }

    public ZoneId zone() {
        return zone;
    }

    /** One row of the answer, hours rounded to {@link #DECIMALS} decimals; times are null when nothing was measured. */
    public record MonthFigures(YearMonth month, int closed, Double averageHours, Double medianHours, Double p90Hours,
                               Double medianFirstResponseHours) {
    }

    /** Count, average, median and p90 of a set of durations, in hours; null times when it is empty. */
    public record Summary(int count, Double averageHours, Double medianHours, Double p90Hours) {
        static final Summary EMPTY = new Summary(0, null, null, null);
    }

    /** Every month from {@code from} to {@code to}, months without data included; category null = all. */
    public List<MonthFigures> figures(YearMonth from, YearMonth to, Category category) {
        int slot = slot(category);
        return read(() -> {
            List<MonthFigures> rows = new ArrayList<>();
            for (YearMonth month = from; !month.isAfter(to); month = month.plusMonths(1)) {
                MonthStats stats = months.get(key(month));
                if (stats == null) {
                    rows.add(new MonthFigures(month, 0, null, null, null, null));
                    continue;
                }
                Summary resolution = summary(stats.resolution[slot]);
                Durations firstResponse = stats.firstResponse[MonthStats.cell(slot, MonthStats.ALL_PRIORITIES)];
                rows.add(new MonthFigures(month, resolution.count(), resolution.averageHours(),
                        resolution.medianHours(), resolution.p90Hours(),
                        firstResponse.size() == 0 ? null : hours(firstResponse.percentileDisc(0.5))));
            }
            return rows;
        });
    }

    /** Per month, the first-response times of the tickets opened then that got a staff reply; null = all. */
    public List<Summary> firstResponses(YearMonth from, YearMonth to, Category category, Priority priority) {
        int cell = MonthStats.cell(slot(category), slot(priority));
        return read(() -> {
            List<Summary> rows = new ArrayList<>();
            for (YearMonth month = from; !month.isAfter(to); month = month.plusMonths(1)) {
                MonthStats stats = months.get(key(month));
                rows.add(stats == null ? Summary.EMPTY : summary(stats.firstResponse[cell]));
            }
            return rows;
        });
    }

    /**
     * The tickets whose first response was given in the 30 days up to {@code at}, whatever month they were opened
     * in: how many, and the median first-response time; null = all.
     */
    public FirstResponseWindow.Figures firstResponsesLast30Days(Instant at, Category category, Priority priority) {
        int cell = MonthStats.cell(slot(category), slot(priority));
        return read(() -> {
            // Answers slide the window: they take turns, while the feed's writes wait for all of them.
            synchronized (lastResponses) {
                return lastResponses.at(at, cell);
            }
        });
    }

    /** The answer of {@code sla}: per month the targets judged at {@code now}, and the tickets breached now. */
    public record Targets(List<TargetCounts.Figures> months, int breachedNow) {
    }

    public Targets targets(YearMonth from, YearMonth to, Category category, Priority priority, Instant now) {
        int slot = MonthStats.cell(slot(category), slot(priority));
        long at = now.toEpochMilli();
        return read(() -> {
            List<TargetCounts.Figures> rows = new ArrayList<>();
            for (YearMonth month = from; !month.isAfter(to); month = month.plusMonths(1)) {
                MonthStats stats = months.get(key(month));
                rows.add(stats == null ? new TargetCounts.Figures(0, 0, 0, 0, 0) : stats.targets[slot].at(at));
            }
            return new Targets(rows, breachedFrom[slot].countBelow(at));
        });
    }

    private static Summary summary(Durations durations) {
        if (durations.size() == 0) {
            return Summary.EMPTY;
        }
        return new Summary(durations.size(), Hours.average(durations.sum(), durations.size()),
                hours(durations.percentileDisc(0.5)),
                hours(durations.percentileDisc(0.9)));
    }

    static double hours(long millis) {
        return Hours.of(millis);
    }

    /** When the ticket was resolved: CLOSED with a closing time, else null. */
    static Instant closedAt(TicketFacts ticket) {
        return ticket.status() == TicketStatus.CLOSED ? ticket.closedAt() : null;
    }

    @Override
    protected void added(TicketFacts ticket) {
        change(ticket, true);
    }

    @Override
    protected void removed(TicketFacts ticket) {
        change(ticket, false);
    }

    @Override
    protected void cleared() {
        months.clear();
        lastResponses.clear();
        for (int i = 0; i < breachedFrom.length; i++) {
            breachedFrom[i] = new Durations();
        }
    }

    @Override
    protected void bulkLoaded() {
        months.values().forEach(MonthStats::sort);
        lastResponses.sort();
        for (Durations durations : breachedFrom) {
            durations.sort();
        }
    }

    private void change(TicketFacts ticket, boolean add) {
        long opened = ticket.openedAt().toEpochMilli();
        MonthStats stats = months.computeIfAbsent(key(YearMonth.from(ticket.openedAt().atZone(zone))),
                k -> new MonthStats());
        int category = ticket.category().ordinal();
        int priority = ticket.priority().ordinal();
        Instant closed = closedAt(ticket);
        if (closed != null) {
            long millis = closed.toEpochMilli() - opened;
            update(stats.resolution[category], millis, add);
            update(stats.resolution[MonthStats.ALL], millis, add);
        }
        if (ticket.firstResponseAt() != null) {
            long millis = ticket.firstResponseAt().toEpochMilli() - opened;
            for (int c : new int[]{category, MonthStats.ALL}) {
                for (int p : new int[]{priority, MonthStats.ALL_PRIORITIES}) {
                    update(stats.firstResponse[MonthStats.cell(c, p)], millis, add);
                }
            }
            lastResponses.change(ticket.id(), ticket.firstResponseAt().toEpochMilli(), millis, category, priority,
                    add, clock.instant(), loading());
        }
        TargetCounts.Judged judged = TargetCounts.Judged.of(ticket);
        long breached = closed == null ? judged.breachedFrom(ticket) : Long.MAX_VALUE;
        for (int c : new int[]{category, MonthStats.ALL}) {
            for (int p : new int[]{priority, MonthStats.ALL_PRIORITIES}) {
                int cell = MonthStats.cell(c, p);
                stats.targets[cell].change(ticket, judged, add, loading());
                if (breached != Long.MAX_VALUE) {
                    update(breachedFrom[cell], breached, add);
                }
            }
        }
    }

    private void update(Durations durations, long millis, boolean add) {
        if (add) {
            durations.add(millis, loading());
        } else {
            durations.remove(millis);
        }
    }

    private static int slot(Category category) {
        return category == null ? MonthStats.ALL : category.ordinal();
    }

    private static int slot(Priority priority) {
        return priority == null ? MonthStats.ALL_PRIORITIES : priority.ordinal();
    }

    private static int key(YearMonth month) {
        return month.getYear() * 12 + month.getMonthValue() - 1;
    }

    /** The current month in the model's zone. */
    public YearMonth currentMonth() {
        return YearMonth.from(Instant.now().atZone(zone));
    }
}
