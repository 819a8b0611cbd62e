package campus.helpdesk.gateway.session;

import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;

class SignInThrottleTest {

    private Instant now = Instant.parse("2026-12-01T10:00:00Z");
    private final SignInThrottle throttle = new SignInThrottle(new Clock() {
        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    });

    @Test
    void fourWrongCodesStillLeaveATry() {
        for (int i = 0; i < SignInThrottle.LIMIT - 1; i++) {
            throttle.recordFailure("10.0.0.1", "Eve");
        }
        assertThat(throttle.retryAfter("10.0.0.1", "Eve")).isEmpty();
    }

    @Test
    void aNameIsLimitedFromEveryAddressAndAnAddressForEveryName() {
        for (int i = 0; i < SignInThrottle.LIMIT; i++) {
            throttle.recordFailure("10.0.0." + i, "Eve");
        }
        assertThat(throttle.retryAfter("10.9.9.9", " eve ")).contains(Duration.ofMinutes(1));
        for (int i = 0; i < SignInThrottle.LIMIT; i++) {
            throttle.recordFailure("10.1.1.1", "Name" + i);
        }
        assertThat(throttle.retryAfter("10.1.1.1", "Somebody")).isPresent();
        assertThat(throttle.retryAfter("10.2.2.2", "Somebody")).isEmpty();
    }

    @Test
    void theWaitEndsWhenTheOldestWrongCodeLeavesTheMinute() {
        for (int i = 0; i < SignInThrottle.LIMIT; i++) {
            throttle.recordFailure("10.0.0.1", "Eve");
            now = now.plusSeconds(10);
        }
        assertThat(throttle.retryAfter("10.0.0.1", "Eve")).contains(Duration.ofSeconds(10));
        now = now.plusSeconds(10);
        assertThat(throttle.retryAfter("10.0.0.1", "Eve")).isEmpty();
    }
}
