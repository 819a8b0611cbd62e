package campus.helpdesk.ticket.search;

import campus.helpdesk.api.Ticket;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;

import java.util.Optional;

/** Reading one live ticket by id. The list, with its text search and planner hints, is {@link TicketSearch}'s SQL. */
@JdbcRepository(dialect = Dialect.POSTGRES)
interface LiveTickets extends GenericRepository<LiveTicket, Long> {

    Optional<Ticket> findById(long id);
}
