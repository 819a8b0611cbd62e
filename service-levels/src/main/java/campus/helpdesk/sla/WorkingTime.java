package campus.helpdesk.sla;

import java.time.Duration;
import java.time.Instant;

/** Which hours count towards a target: every hour (calendar hours) or only business hours. */
public interface WorkingTime {

    /** The instant at which {@code working} of counted time has passed since {@code start}. */
    Instant plus(Instant start, Duration working);

    /** Every hour counts. */
    WorkingTime CALENDAR = Instant::plus;
}
