package campus.helpdesk.launcher;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

/** How long a starting service is waited for, on a clock the test moves. */
class StartDeadlineTest {

    private final AtomicLong now = new AtomicLong();
    private final StartDeadline deadline = new StartDeadline(Duration.ofSeconds(120), 0, now::get);

    @Test
    void aSilentServiceIsGivenUpAfterTheTimeout() {
        at(119);
        assertThat(deadline.passed()).isFalse();
        at(121);
        assertThat(deadline.passed()).isTrue();
        assertThat(deadline.why("http://x/health")).contains("within 121 s", "its log silent for 121 s");
    }

    @Test
    void aServiceStillWritingItsLogIsWaitedForUntilAMinuteOfSilenceAndFiveMinutesAtMost() {
        at(110);
        deadline.logIs(500);
        at(169);
        assertThat(deadline.passed()).as("58 s since its last line").isFalse();
        at(171);
        assertThat(deadline.passed()).as("a minute of silence").isTrue();

        for (int second = 172; second <= 310; second += 10) {
            at(second);
            deadline.logIs(1_000 + second);
        }
        at(299);
        assertThat(deadline.passed()).isFalse();
        at(301);
        assertThat(deadline.passed()).as("five minutes without a first answer, however much it wrote").isTrue();
    }

    @Test
    void aServiceThatAnswersButIsLoadingIsWaitedForFifteenMinutes() {
        at(5);
        deadline.answered();
        at(14 * 60);
        assertThat(deadline.passed()).isFalse();
        at(15 * 60 + 1);
        assertThat(deadline.passed()).isTrue();
        assertThat(deadline.why("http://x/health")).startsWith("answered but was not ready");
    }

    private void at(long seconds) {
        now.set(Duration.ofSeconds(seconds).toNanos());
    }
}
