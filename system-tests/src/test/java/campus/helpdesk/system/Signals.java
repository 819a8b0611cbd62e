package campus.helpdesk.system;

import java.io.IOException;
import java.io.UncheckedIOException;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Sends a process a signal as an operator would ({@code kill -STOP}, {@code -CONT}): a hung service is one stopped by
 * the kernel, which no Java API can do to another process.
 */
public final class Signals {

    private Signals() {
    }

    public static void send(String signal, long pid) {
        try {
            assertThat(new ProcessBuilder("kill", "-" + signal, Long.toString(pid)).start().waitFor())
                    .as("kill -" + signal + " " + pid).isZero();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while signalling " + pid, e);
        }
    }
}
