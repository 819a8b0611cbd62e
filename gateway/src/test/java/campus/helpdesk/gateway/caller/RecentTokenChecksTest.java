package campus.helpdesk.gateway.caller;

import campus.helpdesk.api.ApiToken;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;

/** What a gateway may still believe of a token while ticket-service cannot be asked, and for how long. */
class RecentTokenChecksTest {

    private static final Instant T0 = Instant.parse("2026-12-07T10:00:00Z");

    private final MutableClock clock = new MutableClock(T0);
    private final RecentTokenChecks recent = new RecentTokenChecks(clock);

    @Test
    void aCheckStandsInForFiveMinutesAndNotPastTheTokensExpiry() {
        recent.vouched("hd_a", token(T0.plus(Duration.ofDays(30))), T0);
        clock.now = T0.plus(Duration.ofMinutes(4));
        assertThat(recent.lately("hd_a")).isPresent();
        clock.now = T0.plus(Duration.ofMinutes(6));
        assertThat(recent.lately("hd_a")).as("too old to stand in").isEmpty();

        recent.vouched("hd_b", token(T0.plus(Duration.ofMinutes(1))), T0);
        clock.now = T0.plus(Duration.ofMinutes(2));
        assertThat(recent.lately("hd_b")).as("expired since").isEmpty();
        assertThat(recent.lately("hd_never")).isEmpty();
    }

    @Test
    void aRefusalIsNotUndoneByAnOlderCheckThatAnsweredLate() {
        Instant before = T0;
        Instant after = T0.plusSeconds(1);
        recent.refused("hd_a", after);
        recent.vouched("hd_a", token(T0.plus(Duration.ofDays(30))), before);
        assertThat(recent.lately("hd_a")).as("revoked between the two checks").isEmpty();

        recent.vouched("hd_c", token(T0.plus(Duration.ofDays(30))), before);
        recent.refused("hd_c", after);
        assertThat(recent.lately("hd_c")).isEmpty();
    }

    private static ApiToken token(Instant expiresAt) {
        return new ApiToken("powerbi", "ANALYST", "Sam", T0.minus(Duration.ofDays(1)), expiresAt, null, null, true);
    }

    private static final class MutableClock extends Clock {
        Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }
}
