package campus.helpdesk.ticket;

import campus.helpdesk.api.NewTicket;
import campus.helpdesk.api.Priority;
import campus.helpdesk.api.StatusChange;
import campus.helpdesk.api.Ticket;
import campus.helpdesk.client.OnBehalfOf;
import campus.helpdesk.client.TicketClient;
import campus.helpdesk.client.TicketService;
import campus.helpdesk.support.identity.ServiceTokens;
import campus.helpdesk.testing.TestPostgres;
import io.micronaut.http.HttpResponse;
import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Base of the HTTP tests: each test class gets its own empty database on the JVM's one PostgreSQL, the real
 * service on a random port, the contract's declarative clients (ticket-client) pointed at it, and {@link Api} for
 * what a typed client cannot send (broken bodies, odd headers). Subclasses carry {@code @MicronautTest}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class ApiTest implements TestPropertyProvider {

    protected static final Api.As STUDENT = Api.As.student("Ada Student");
    protected static final Api.As OTHER_STUDENT = Api.As.student("Bruno Student");
    protected static final Api.As STAFF = Api.As.staff("Carla Staff");
    protected static final Api.As FEED = Api.As.feed("analytics-test");

    /** The tests' key; a real service gets HELPDESK_SERVICE_KEY and refuses to start without one. */
    protected static final String TEST_SERVICE_KEY = "ticket-service-tests-key-5b8e2d9f4a7c1e3b6d0a";

    @Inject
    protected EmbeddedServer server;
    @Inject
    protected JsonMapper json;
    @Inject
    protected ServiceTokens tokens;
    @Inject
    protected TicketClient tickets;
    protected Api api;
    private String jdbcUrl;

    @Override
    public Map<String, String> getProperties() {
        TestPostgres postgres = TestPostgres.get();
        jdbcUrl = postgres.createDatabase("ts_" + getClass().getSimpleName().toLowerCase(Locale.ROOT));
        int port = FreePort.belowTheEphemeralRange();
        return Map.of(
                // A free port (the product's 8081 may be in use by a running suite), chosen before the start so
                // that the declarative clients can be pointed at it.
                "micronaut.server.port", String.valueOf(port),
                "micronaut.http.services." + TicketService.ID + ".url", "http://127.0.0.1:" + port,
                "datasources.default.url", jdbcUrl,
                "datasources.default.username", postgres.user(),
                "datasources.default.password", postgres.password(),
                "helpdesk.service-key", TEST_SERVICE_KEY);
    }

    @BeforeAll
    void connectApi() {
        api = new Api(server.getURI(), json, tokens);
    }

    protected Connection sql() throws SQLException {
        TestPostgres postgres = TestPostgres.get();
        return DriverManager.getConnection(jdbcUrl, postgres.user(), postgres.password());
    }

    /** The one number {@code query} answers, e.g. a count. */
    protected long count(String query) throws SQLException {
        try (Connection c = sql(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(query)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** Moves a ticket's opening, and with it its stored response targets, {@code ago} into the past. */
    protected void openedAgo(long id, Duration ago) throws SQLException {
        try (Connection c = sql(); PreparedStatement ps = c.prepareStatement("""
                UPDATE tickets SET opened_at = opened_at - ?::interval,
                    first_response_due_at = first_response_due_at - ?::interval,
                    first_response_at_risk_at = first_response_at_risk_at - ?::interval,
                    resolution_due_at = resolution_due_at - ?::interval,
                    resolution_at_risk_at = resolution_at_risk_at - ?::interval
                WHERE id = ?""")) {
            for (int i = 1; i <= 5; i++) {
                ps.setString(i, ago.toSeconds() + " seconds");
            }
            ps.setLong(6, id);
            assertThat(ps.executeUpdate()).isEqualTo(1);
        }
    }

    /** The person {@code who} stands for, around calls of the declarative clients. */
    protected static OnBehalfOf as(Api.As who) {
        return OnBehalfOf.person(who.user(), who.role());
    }

    protected Ticket create(Api.As who, String title, String description) {
        HttpResponse<Ticket> created = as(who).call(() ->
                tickets.create(new NewTicket(title, description, null, Priority.MEDIUM, null), null));
        assertThat(created.code()).isEqualTo(201);
        return created.body();
    }

    protected Ticket create() {
        return create(STUDENT, "Projector broken in room B12", "The projector in B12 shows no image at all.");
    }

    /** A ticket moved to the given status by staff. */
    protected Ticket createIn(campus.helpdesk.api.TicketStatus status) {
        Ticket ticket = create();
        if (status != campus.helpdesk.api.TicketStatus.OPEN) {
            ticket = move(ticket.id(), campus.helpdesk.api.TicketStatus.ACTIVE);
        }
        if (status == campus.helpdesk.api.TicketStatus.CLOSED) {
            ticket = move(ticket.id(), campus.helpdesk.api.TicketStatus.CLOSED);
        }
        return ticket;
    }

    protected Ticket move(long id, campus.helpdesk.api.TicketStatus to) {
        return as(STAFF).call(() -> tickets.changeStatus(id, new StatusChange(to, null), null));
    }

    protected static void assertProblem(Api.Answer answer, int status, String detailContains) {
        assertThat(answer.status).as(answer.toString()).isEqualTo(status);
        assertThat(answer.contentType()).as(answer.toString()).startsWith("application/problem+json");
        assertThat(String.valueOf(answer.map().get("detail"))).as(answer.toString()).contains(detailContains);
    }
}
