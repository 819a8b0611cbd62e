package campus.helpdesk.launcher.postgres;

import java.nio.file.Path;

/**
 * A launcher in miniature for {@link DataFolderTest}: starts the embedded database on a folder, says so, and waits
 * to be killed, as a launcher killed with kill -9 would be (its shutdown never runs).
 */
public final class HoldsDatabase {

    private HoldsDatabase() {
    }

    public static void main(String[] args) throws InterruptedException {
        EmbeddedDatabase.start(Path.of(args[0]), Integer.parseInt(args[1]));
        System.out.println("ready");
        System.out.flush();
        Thread.sleep(Long.MAX_VALUE);
    }
}
