package campus.helpdesk.launcher;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A launcher stopped while its desk starts (Ctrl-C, SIGTERM) stops the suite before PostgreSQL; a suite stopped so
 * starts nothing more. Before, four services went on starting after the stop had looked, and said "Stopped.".
 */
class SuiteStoppedWhileStartingTest {

    @TempDir
    Path root;

    @Test
    void aSuiteStoppedBeforeItsFirstProcessStartsNone() {
        SuiteOptions options = new SuiteOptions(root, "jdbc:postgresql://127.0.0.1:1/unused", "unused", "unused",
                22200, SuiteSecrets.random(), null, Map.of(), false, root.resolve("archives"));

        // Were a process started, it would fail for its jar, which this folder does not hold.
        assertThatThrownBy(() -> Suite.start(options, null, Suite::close))
                .isInstanceOf(SuiteException.class)
                .hasMessageContaining("is being stopped");
    }
}
