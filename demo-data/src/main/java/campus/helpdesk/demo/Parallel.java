package campus.helpdesk.demo;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/** Runs a load's finishing work (index builds, validations, ANALYZE) side by side, each task on a thread of its own. */
final class Parallel {

    /** One statement or a few, on a connection the task opens and closes itself. */
    @FunctionalInterface
    interface Task {
        void run() throws SQLException;
    }

    private Parallel() {
    }

    /** Runs every task and waits for all of them; the first failure is thrown once all have ended. */
    static void run(List<Task> tasks) throws SQLException {
        List<Future<Void>> running = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(tasks.size())) {
            for (Task task : tasks) {
                running.add(pool.submit(() -> {
                    task.run();
                    return null;
                }));
            }
            SQLException failed = null;
            for (Future<Void> future : running) {
                try {
                    future.get();
                } catch (ExecutionException e) {
                    SQLException cause = e.getCause() instanceof SQLException sql ? sql : new SQLException(e.getCause());
                    if (failed == null) {
                        failed = cause;
                    } else {
                        failed.addSuppressed(cause);
                    }
                }
            }
            if (failed != null) {
                throw failed;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SQLException("Interrupted", e);
        }
    }
}
