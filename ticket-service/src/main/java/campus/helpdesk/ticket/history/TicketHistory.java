package campus.helpdesk.ticket.history;

import campus.helpdesk.api.HistoryEntry;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;

import java.util.List;

/** A ticket's visible history, oldest first. */
@JdbcRepository(dialect = Dialect.POSTGRES)
public interface TicketHistory extends GenericRepository<LoggedEvent, Long> {

    /** Internal events (staff-only notes) only for those who may see them. */
    default List<HistoryEntry> of(long ticketId, boolean includeInternal) {
        return includeInternal ? findByTicketIdOrderById(ticketId)
                : findByTicketIdAndInternalFalseOrderById(ticketId);
    }

    List<HistoryEntry> findByTicketIdOrderById(long ticketId);

    List<HistoryEntry> findByTicketIdAndInternalFalseOrderById(long ticketId);
}
