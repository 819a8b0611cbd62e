package campus.helpdesk.launcher.postgres;

import java.nio.file.Path;

/**
 * A launcher in miniature for {@link DataFolderTest}: claims a folder and starts the embedded database on it, says
 * so, and waits to be killed, as a launcher killed with kill -9 would be (its shutdown never runs).
 */
public final class HoldsDatabase {

    /** Kept reachable: a channel that is collected closes, and its lock goes with it. */
    private static DataFolder.Claim claim;

    private HoldsDatabase() {
    }

    public static void main(String[] args) throws InterruptedException {
        claim = DataFolder.claim(Path.of(args[0]));
        EmbeddedDatabase.start(Path.of(args[0]), Integer.parseInt(args[1]));
        System.out.println("ready");
        System.out.flush();
        Thread.sleep(Long.MAX_VALUE);
    }
}
