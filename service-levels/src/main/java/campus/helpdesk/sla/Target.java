package campus.helpdesk.sla;

import java.time.Duration;

/** The working time a priority allows until the first response and until resolution. */
public record Target(Duration firstResponse, Duration resolution) {

    public Target {
        if (firstResponse.isNegative() || firstResponse.isZero() || resolution.isNegative() || resolution.isZero()) {
            throw new IllegalArgumentException("A response target must be longer than zero");
        }
    }
}
