package campus.helpdesk.ticket.demo;

import campus.helpdesk.demo.DemoDataException;
import campus.helpdesk.demo.DemoDataLoader;
import campus.helpdesk.ticket.db.Database;
import io.micronaut.context.event.StartupEvent;
import io.micronaut.runtime.event.annotation.EventListener;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * At start, puts back the indexes and foreign keys of a bulk load that was killed before it could (see
 * {@link DemoDataLoader#repairInterruptedLoad}). On its own thread: building indexes and validating keys over
 * millions of rows takes a while, and the service can serve meanwhile (the keys are enforced for new rows from the
 * first moment; an index build holds back writes to its table, not reads, until it is done).
 */
@Singleton
public class InterruptedLoadRepair {

    private static final Logger LOG = LoggerFactory.getLogger(InterruptedLoadRepair.class);

    private final Database database;

    public InterruptedLoadRepair(Database database) {
        this.database = database;
    }

    @EventListener
    void onStartup(StartupEvent event) {
        Thread.ofPlatform().daemon().name("load-repair").start(() -> {
            try {
                int restored = DemoDataLoader.repairInterruptedLoad(database::borrowPatient);
                if (restored > 0) {
                    LOG.warn("Restored {} indexes and foreign keys that an interrupted bulk load had left suspended", restored);
                }
            } catch (DemoDataException e) {
                LOG.error("Could not restore the indexes and foreign keys of an interrupted bulk load: {}", e.getMessage());
            }
        });
    }
}
