package campus.helpdesk.demo;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

class TimestampsTest {

    private static final DateTimeFormatter POSTGRES = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSSx");

    @Test
    void formatsLikeTheJdkForAnyInstantOfTheseDecades() {
        SplittableRandom random = new SplittableRandom(1);
        for (int i = 0; i < 100_000; i++) {
            long millis = random.nextLong(0, Instant.parse("2100-01-01T00:00:00Z").toEpochMilli());
            StringBuilder out = new StringBuilder();
            Timestamps.appendUtc(out, millis);
            assertThat(OffsetDateTime.parse(out, POSTGRES).toInstant()).isEqualTo(Instant.ofEpochMilli(millis));
        }
    }

    @Test
    void formatsLeapDaysAndMidnight() {
        StringBuilder out = new StringBuilder();
        Timestamps.appendUtc(out, Instant.parse("2028-02-29T00:00:00.007Z").toEpochMilli());
        assertThat(out).hasToString("2028-02-29 00:00:00.007+00");
    }
}
