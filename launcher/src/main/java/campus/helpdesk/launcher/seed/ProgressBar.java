package campus.helpdesk.launcher.seed;

import campus.helpdesk.demo.DemoDataLoader;

import java.io.PrintStream;

/**
 * A one-line progress bar redrawn in place on a terminal; without a terminal (CI, a pipe) a line every 10 %.
 */
final class ProgressBar implements DemoDataLoader.Progress {

    private static final int WIDTH = 30;

    private final PrintStream out;
    private final boolean terminal;
    private final long started = System.nanoTime();
    private long lastDraw;
    private int lastTenth = -1;

    ProgressBar(PrintStream out, boolean terminal) {
        this.out = out;
        this.terminal = terminal;
    }

    @Override
    public synchronized void update(long done, long total) {
        double fraction = total == 0 ? 1 : (double) done / total;
        double seconds = (System.nanoTime() - started) / 1e9;
        if (terminal) {
            long now = System.nanoTime();
            if (done < total && now - lastDraw < 100_000_000L) {
                return;
            }
            lastDraw = now;
            int filled = (int) (fraction * WIDTH);
            out.printf("\r[%s%s] %3d%%  %,d / %,d tickets  %.1f s ", "#".repeat(filled), "-".repeat(WIDTH - filled),
                    (int) (fraction * 100), done, total, seconds);
            if (done >= total) {
                out.println();
            }
        } else {
            int tenth = (int) (fraction * 10);
            if (tenth != lastTenth) {
                lastTenth = tenth;
                out.printf("%3d%%  %,d / %,d tickets  %.1f s%n", tenth * 10, done, total, seconds);
            }
        }
        out.flush();
    }
}
