package campus.helpdesk.launcher.up;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryUsage;

/**
 * Gives back the heap a start grew into. The first start on a machine unpacks PostgreSQL's binaries from an xz
 * archive and a first desk loads its demo tickets; the launcher then only supervises, in a few megabytes, while its
 * JVM would keep the 100 MB and more it grew to until it exits. One full collection, with the heap-free ratios the
 * {@code helpdesk} script gives {@code up}, hands that back to the system.
 */
final class StartHeap {

    /** Below this the heap is what supervising needs anyway: a later start, which unpacks nothing. */
    static final long WORTH_A_COLLECTION = 64L << 20;

    private StartHeap() {
    }

    static void giveBack() {
        MemoryUsage heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
        if (heap.getCommitted() > WORTH_A_COLLECTION) {
            System.gc();
        }
    }
}
