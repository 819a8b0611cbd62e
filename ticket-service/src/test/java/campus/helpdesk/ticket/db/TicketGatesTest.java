package campus.helpdesk.ticket.db;

import org.junit.jupiter.api.Test;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TicketGatesTest {

    @Test
    void atMostTwoRequestsOfOneTicketAreInsideAndTheGateGoesWithTheLast() throws Exception {
        TicketGates gates = new TicketGates(5_000);
        AtomicInteger inside = new AtomicInteger();
        AtomicInteger most = new AtomicInteger();
        ExecutorService people = Executors.newFixedThreadPool(12);
        List<Future<Integer>> done = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            done.add(people.submit(() -> gates.through(7, () -> {
                most.accumulateAndGet(inside.incrementAndGet(), Math::max);
                sleep(20);
                return inside.decrementAndGet();
            })));
        }
        for (Future<Integer> f : done) {
            f.get(10, TimeUnit.SECONDS);
        }
        people.shutdown();
        assertThat(most.get()).isEqualTo(TicketGates.WRITERS_PER_TICKET);
        assertThat(gates.tickets()).isZero();
    }

    @Test
    void aRequestWhoseTurnDoesNotComeInTimeFailsAsALockWaitAndOtherTicketsGoOn() throws Exception {
        TicketGates gates = new TicketGates(200);
        CountDownLatch holding = new CountDownLatch(2);
        CountDownLatch release = new CountDownLatch(1);
        ExecutorService holders = Executors.newFixedThreadPool(2);
        for (int i = 0; i < 2; i++) {
            holders.submit(() -> gates.through(7, () -> {
                holding.countDown();
                await(release);
                return null;
            }));
        }
        assertThat(holding.await(5, TimeUnit.SECONDS)).isTrue();

        assertThat(gates.through(8, () -> "another ticket")).isEqualTo("another ticket");
        assertThatThrownBy(() -> gates.through(7, () -> "third"))
                .isInstanceOf(Database.DatabaseException.class)
                .cause().isInstanceOf(SQLException.class)
                .extracting(e -> ((SQLException) e).getSQLState()).isEqualTo("55P03");

        release.countDown();
        holders.shutdown();
        assertThat(holders.awaitTermination(5, TimeUnit.SECONDS)).isTrue();
        assertThat(gates.through(7, () -> "after")).isEqualTo("after");
        assertThat(gates.tickets()).isZero();
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }
}
