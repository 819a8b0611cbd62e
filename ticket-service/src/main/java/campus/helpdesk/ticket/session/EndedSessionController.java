package campus.helpdesk.ticket.session;

import campus.helpdesk.api.EndedSession;
import campus.helpdesk.api.EndedSessionOperations;
import campus.helpdesk.support.identity.ServiceRoles;
import campus.helpdesk.ticket.db.Database;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;

/** The gateway's sign-outs ({@link EndedSessionOperations}); each is forgotten once its session has expired. */
@Controller
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured(ServiceRoles.GATEWAY)
public class EndedSessionController implements EndedSessionOperations {

    private final Database db;

    public EndedSessionController(Database db) {
        this.db = db;
    }

    @Override
    public HttpResponse<Void> end(EndedSession session) {
        db.inTransaction(c -> {
            try (PreparedStatement forget = c.prepareStatement("DELETE FROM ended_sessions WHERE expires_at <= now()");
                 PreparedStatement remember = c.prepareStatement("INSERT INTO ended_sessions (id, expires_at) "
                         + "VALUES (?, ?) ON CONFLICT (id) DO NOTHING")) {
                forget.executeUpdate();
                remember.setString(1, session.id());
                remember.setTimestamp(2, Timestamp.from(session.expiresAt()));
                remember.executeUpdate();
            }
            return null;
        });
        return HttpResponse.noContent();
    }

    @Override
    public List<EndedSession> ended() {
        return db.autoCommit(c -> {
            List<EndedSession> ended = new ArrayList<>();
            try (PreparedStatement s = c.prepareStatement(
                    "SELECT id, expires_at FROM ended_sessions WHERE expires_at > now() ORDER BY expires_at");
                 ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    ended.add(new EndedSession(rs.getString(1), rs.getTimestamp(2).toInstant()));
                }
            }
            return ended;
        });
    }
}
