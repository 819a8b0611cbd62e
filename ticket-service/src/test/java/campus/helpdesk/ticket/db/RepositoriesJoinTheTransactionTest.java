package campus.helpdesk.ticket.db;

import campus.helpdesk.api.Category;
import campus.helpdesk.api.Role;
import campus.helpdesk.api.Ticket;
import campus.helpdesk.ticket.ApiTest;
import campus.helpdesk.ticket.classify.Corrections;
import campus.helpdesk.ticket.identity.Identity;
import campus.helpdesk.ticket.search.TicketSearch;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.transaction.exceptions.IllegalTransactionStateException;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Micronaut Data repositories and the hand-written SQL of one unit of work share its transaction and connection:
 * each sees the other's uncommitted writes, a rollback undoes both, a commit keeps both.
 */
@MicronautTest(transactional = false)
class RepositoriesJoinTheTransactionTest extends ApiTest {

    private static final Identity CARLA = new Identity(Role.STAFF, STAFF.user());

    @Inject
    Database db;
    @Inject
    Corrections corrections;
    @Inject
    TicketSearch tickets;

    @Test
    void aRollbackUndoesTheRepositorysWritesAndTheHandWrittenOnesAlike() throws SQLException {
        Ticket ticket = create();
        long before = stored();
        assertThatThrownBy(() -> db.inTransaction(c -> {
            bumpVersionByHand(c, ticket.id());
            corrections.record(ticket.id(), "a projector", Category.FACILITY, Category.IT, CARLA.user());
            assertThat(tickets.one(CARLA, ticket.id()).version())
                    .as("the repository reads the hand-written, uncommitted change").isEqualTo(ticket.version() + 1);
            assertThat(corrections(c)).as("the hand-written SQL reads the repository's uncommitted row")
                    .isEqualTo(before + 1);
            throw new IllegalStateException("something later in the unit of work failed");
        })).hasMessageContaining("something later");

        assertThat(tickets.one(CARLA, ticket.id()).version()).isEqualTo(ticket.version());
        assertThat(stored()).isEqualTo(before);
    }

    @Test
    void aCommitKeepsBoth() throws SQLException {
        Ticket ticket = create();
        long before = stored();
        db.inTransaction(c -> {
            bumpVersionByHand(c, ticket.id());
            corrections.record(ticket.id(), "a projector", Category.FACILITY, Category.IT, CARLA.user());
            return null;
        });

        assertThat(tickets.one(CARLA, ticket.id()).version()).isEqualTo(ticket.version() + 1);
        assertThat(stored()).isEqualTo(before + 1);
    }

    @Test
    void aCorrectionIsNeverStoredOutsideTheTransactionThatChangesTheCategory() {
        Ticket ticket = create();
        assertThatThrownBy(() -> corrections.record(ticket.id(), "a projector", Category.FACILITY, Category.IT,
                CARLA.user())).isInstanceOf(IllegalTransactionStateException.class);
    }

    private static void bumpVersionByHand(Connection c, long ticketId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE tickets SET version = version + 1 WHERE id = ?")) {
            ps.setLong(1, ticketId);
            assertThat(ps.executeUpdate()).isOne();
        }
    }

    /** Counted on a connection of its own, outside the service: what is committed. */
    private long stored() throws SQLException {
        try (Connection c = sql()) {
            return corrections(c);
        }
    }

    private static long corrections(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT count(*) FROM category_correction");
             ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
