package campus.helpdesk.ticket.search;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;

import java.util.Optional;

/** Reading one live ticket by id. The list, with its text search and planner hints, is {@link TicketSearch}'s SQL. */
@JdbcRepository(dialect = Dialect.POSTGRES)
interface LiveTickets extends GenericRepository<LiveTicket, Long> {

    Optional<LiveTicket> findById(long id);
}
