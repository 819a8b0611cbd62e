package campus.helpdesk.analytics.openperiod;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

class OpenedIndexTest {

    private record Entry(long opened, long id, int category) {
    }

    @Test
    void countsPerCategoryEqualABruteForceCountAfterRandomAddsAndRemoves() {
        OpenedIndex index = new OpenedIndex(3);
        List<Entry> entries = new ArrayList<>();
        Random random = new Random(7);
        for (int step = 0; step < 20_000; step++) {
            if (!entries.isEmpty() && random.nextInt(3) == 0) {
                Entry gone = entries.remove(random.nextInt(entries.size()));
                assertThat(index.remove(gone.opened(), gone.id())).isTrue();
            } else {
                // few distinct times, so that equal opening times are common
                Entry entry = new Entry(random.nextInt(500), step, random.nextInt(3));
                entries.add(entry);
                index.add(entry.opened(), entry.id(), entry.category());
            }
            if (step % 97 == 0) {
                long from = random.nextInt(520) - 10;
                long[] expected = new long[3];
                entries.stream().filter(e -> e.opened() >= from).forEach(e -> expected[e.category()]++);
                assertThat(index.countFrom(from)).containsExactly(expected);
            }
        }
        assertThat(index.size()).isEqualTo(entries.size());
    }

    @Test
    void removingAnEntryThatIsNotThereChangesNothing() {
        OpenedIndex index = new OpenedIndex(3);
        index.add(100, 1, 0);
        assertThat(index.remove(100, 2)).isFalse();
        assertThat(index.remove(99, 1)).isFalse();
        assertThat(index.countFrom(0)).containsExactly(1, 0, 0);
    }

    @Test
    void theBoundaryIsInclusiveToTheMillisecond() {
        OpenedIndex index = new OpenedIndex(3);
        index.add(1_000, 1, 1);
        assertThat(index.countFrom(1_000)).containsExactly(0, 1, 0);
        assertThat(index.countFrom(1_001)).containsExactly(0, 0, 0);
    }
}
