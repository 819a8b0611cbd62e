package campus.helpdesk.analytics;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class DurationsTest {

    private static Durations of(long... values) {
        Durations durations = new Durations();
        for (long value : values) {
            durations.add(value, false);
        }
        return durations;
    }

    @Test
    void medianAndP90AreTheValuesAtRowCeilPTimesNLikePercentileDisc() {
        Durations tenValues = of(10, 9, 8, 7, 6, 5, 4, 3, 2, 1);
        assertThat(tenValues.percentileDisc(0.5)).isEqualTo(5);
        assertThat(tenValues.percentileDisc(0.9)).isEqualTo(9);
        Durations three = of(30, 10, 20);
        assertThat(three.percentileDisc(0.5)).isEqualTo(20);
        assertThat(three.percentileDisc(0.9)).isEqualTo(30);
        assertThat(of(7).percentileDisc(0.9)).isEqualTo(7);
    }

    @Test
    void bulkValuesCountOnceSortedAndRemovalTakesOneOccurrence() {
        Durations durations = new Durations();
        for (long value : new long[]{5, 1, 5, 3}) {
            durations.add(value, true);
        }
        durations.sort();
        durations.remove(5);
        durations.add(2, false);
        assertThat(durations.size()).isEqualTo(4);
        assertThat(durations.sum()).isEqualTo(11);
        assertThat(durations.percentileDisc(0.5)).isEqualTo(2);
        assertThat(durations.percentileDisc(0.9)).isEqualTo(5);
        durations.remove(42);
        assertThat(durations.size()).isEqualTo(4);
    }
}
