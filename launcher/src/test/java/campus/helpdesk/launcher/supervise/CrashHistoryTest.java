package campus.helpdesk.launcher.supervise;

import campus.helpdesk.launcher.supervise.CrashHistory.Decision;
import campus.helpdesk.launcher.supervise.CrashHistory.KeepsFailing;
import campus.helpdesk.launcher.supervise.CrashHistory.Restart;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The restart policy on a clock of our own: no test here waits. */
class CrashHistoryTest {

    private static final Instant T0 = Instant.parse("2026-11-23T10:00:00Z");

    private final CrashHistory history = new CrashHistory(RestartPolicy.DEFAULT);

    @Test
    void theWaitStartsAtOneSecondAndDoublesUpToThirtySeconds() {
        // A crash every 80 s: never 5 within 5 minutes, never 5 minutes without one.
        List<Long> delays = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            Decision decision = history.crashed(T0.plusSeconds(80L * i));
            assertThat(decision).isInstanceOf(Restart.class);
            delays.add(((Restart) decision).delay().toSeconds());
        }

        assertThat(delays).containsExactly(1L, 2L, 4L, 8L, 16L, 30L, 30L, 30L);
    }

    @Test
    void restartsAreNumberedFromOne() {
        assertThat(history.crashed(T0)).isEqualTo(new Restart(Duration.ofSeconds(1), 1));
        assertThat(history.crashed(T0.plusSeconds(10))).isEqualTo(new Restart(Duration.ofSeconds(2), 2));
        assertThat(history.restarts()).isEqualTo(2);
    }

    @Test
    void fromTheFifthCrashWithinFiveMinutesItIsTriedEveryThirtySecondsAndNeverGivenUp() {
        for (int i = 0; i < 4; i++) {
            assertThat(history.crashed(T0.plusSeconds(60L * i))).isInstanceOf(Restart.class);
        }

        assertThat(history.crashed(T0.plusSeconds(299)))
                .isEqualTo(new KeepsFailing(5, Duration.ofMinutes(5), Duration.ofSeconds(30), 5));
        // A port held for an hour: still tried, every 30 s.
        for (int i = 1; i <= 120; i++) {
            assertThat(history.crashed(T0.plusSeconds(299 + 30L * i)).delay()).isEqualTo(Duration.ofSeconds(30));
        }
        assertThat(history.restarts()).isEqualTo(125);
    }

    @Test
    void aCrashMoreThanFiveMinutesAgoNoLongerCounts() {
        for (int i = 0; i < 4; i++) {
            history.crashed(T0.plusSeconds(10L * i));
        }

        // The first crash (T0) has left the window: four in the last five minutes, so one more restart.
        Decision fifth = history.crashed(T0.plus(Duration.ofMinutes(5)).plusSeconds(1));
        assertThat(fifth).isInstanceOf(Restart.class);
        assertThat(((Restart) fifth).restart()).isEqualTo(5);
        // ...and the next one, with four others still inside the window, is said to keep failing.
        assertThat(history.crashed(T0.plus(Duration.ofMinutes(5)).plusSeconds(2))).isInstanceOf(KeepsFailing.class);
    }

    @Test
    void fiveQuietMinutesStartTheBackoffOver() {
        history.crashed(T0);
        history.crashed(T0.plusSeconds(5));
        assertThat(((Restart) history.crashed(T0.plusSeconds(10))).delay()).isEqualTo(Duration.ofSeconds(4));

        Decision later = history.crashed(T0.plusSeconds(10).plus(Duration.ofMinutes(5)).plusSeconds(1));
        assertThat(((Restart) later).delay()).isEqualTo(Duration.ofSeconds(1));
    }
}
