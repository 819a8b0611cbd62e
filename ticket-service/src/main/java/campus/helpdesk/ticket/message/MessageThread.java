package campus.helpdesk.ticket.message;

import campus.helpdesk.api.Message;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;

import java.util.List;

/** The messages under a ticket, oldest first. */
@JdbcRepository(dialect = Dialect.POSTGRES)
public interface MessageThread extends GenericRepository<PostedMessage, Long> {

    /** Internal notes only for those who may see them. */
    default List<Message> of(long ticketId, boolean includeInternal) {
        return includeInternal ? findByTicketIdOrderById(ticketId)
                : findByTicketIdAndInternalFalseOrderById(ticketId);
    }

    List<Message> findByTicketIdOrderById(long ticketId);

    List<Message> findByTicketIdAndInternalFalseOrderById(long ticketId);
}
