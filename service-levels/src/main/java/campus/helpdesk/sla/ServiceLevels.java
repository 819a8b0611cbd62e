package campus.helpdesk.sla;

import campus.helpdesk.api.Priority;
import campus.helpdesk.api.ServiceLevel;
import campus.helpdesk.api.SlaStatus;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;

/**
 * The desk's response targets: per priority, the working time until the first response (the first message from
 * staff the reporter can read) and until resolution (closed), counted in {@link WorkingTime}. The one place that
 * decides when a ticket is due and how it stands; configured by {@link ServiceLevelSettings}.
 */
public final class ServiceLevels {

    /** A target is at risk once less than this share of its working time is left. */
    public static final double AT_RISK_SHARE = 0.2;

    private final Map<Priority, Target> targets;
    private final WorkingTime workingTime;

    public ServiceLevels(Map<Priority, Target> targets, WorkingTime workingTime) {
        for (Priority priority : Priority.values()) {
            if (!targets.containsKey(priority)) {
                throw new IllegalArgumentException("No response target for priority " + priority);
            }
        }
        this.targets = new EnumMap<>(targets);
        this.workingTime = workingTime;
    }

    /** HIGH 1 h / 8 h, MEDIUM 8 h / 72 h, LOW 24 h / 168 h, in calendar hours. */
    public static ServiceLevels defaults() {
        return new ServiceLevels(defaultTargets(), WorkingTime.CALENDAR);
    }

    static Map<Priority, Target> defaultTargets() {
        Map<Priority, Target> targets = new EnumMap<>(Priority.class);
        targets.put(Priority.HIGH, new Target(Duration.ofHours(1), Duration.ofHours(8)));
        targets.put(Priority.MEDIUM, new Target(Duration.ofHours(8), Duration.ofHours(72)));
        targets.put(Priority.LOW, new Target(Duration.ofHours(24), Duration.ofHours(168)));
        return targets;
    }

    public Target target(Priority priority) {
        return targets.get(priority);
    }

    /**
     * When a ticket of this priority opened at {@code openedAt} is due. Always from the opening time, so a priority
     * change recomputes the targets as if the ticket had had the new priority from the start.
     */
    public Deadlines deadlines(Priority priority, Instant openedAt) {
        Target target = targets.get(priority);
        return new Deadlines(
                workingTime.plus(openedAt, target.firstResponse()),
                workingTime.plus(openedAt, beforeRisk(target.firstResponse())),
                workingTime.plus(openedAt, target.resolution()),
                workingTime.plus(openedAt, beforeRisk(target.resolution())));
    }

    /**
     * How a ticket stands at {@code now}. A ticket closed without any staff reply had its first response in the
     * closing: otherwise a quickly closed duplicate would count as a missed first response forever.
     */
    public static ServiceLevel evaluate(Deadlines deadlines, Instant firstResponseAt, Instant closedAt, Instant now) {
        Instant responded = firstResponseAt != null ? firstResponseAt : closedAt;
        return new ServiceLevel(
                status(deadlines.firstResponseDue(), deadlines.firstResponseAtRisk(), responded, now),
                status(deadlines.resolutionDue(), deadlines.resolutionAtRisk(), closedAt, now));
    }

    /**
     * One target: MET or BREACHED once done (on or before the due time is met); until then BREACHED past the due
     * time, AT_RISK from {@code atRisk} on (null: never judged at risk), else PENDING.
     */
    public static SlaStatus status(Instant due, Instant atRisk, Instant doneAt, Instant now) {
        if (doneAt != null) {
            return doneAt.isAfter(due) ? SlaStatus.BREACHED : SlaStatus.MET;
        }
        if (now.isAfter(due)) {
            return SlaStatus.BREACHED;
        }
        return atRisk != null && !now.isBefore(atRisk) ? SlaStatus.AT_RISK : SlaStatus.PENDING;
    }

    private static Duration beforeRisk(Duration target) {
        return Duration.ofMillis(Math.round(target.toMillis() * (1 - AT_RISK_SHARE)));
    }
}
