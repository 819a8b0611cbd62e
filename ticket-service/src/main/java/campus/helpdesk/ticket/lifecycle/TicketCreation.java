package campus.helpdesk.ticket.lifecycle;

import campus.helpdesk.api.Classification;
import campus.helpdesk.api.FieldChange;
import campus.helpdesk.api.NewTicket;
import campus.helpdesk.api.Priority;
import campus.helpdesk.api.Ticket;
import campus.helpdesk.ticket.classify.CurrentClassifier;
import campus.helpdesk.ticket.db.Database;
import campus.helpdesk.ticket.db.Sql;
import campus.helpdesk.ticket.db.TicketSql;
import campus.helpdesk.ticket.history.EventLog;
import campus.helpdesk.ticket.identity.Identity;
import campus.helpdesk.ticket.language.LanguageGuesser;
import campus.helpdesk.ticket.problem.Problems;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpStatus;
import jakarta.inject.Singleton;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * Filing a ticket. The classifier runs before any database work; the database work is ONE auto-committed
 * statement (idempotency key, ticket and CREATED event), the cheapest a create can be.
 */
@Singleton
public class TicketCreation {

    static final int MAX_KEY_LENGTH = 200;

    /** The statement without an idempotency key. */
    private static final String CREATE = """
            WITH t AS (
                INSERT INTO tickets (title, description, location, priority, category, category_confidence,
                                     needs_review, reporter_name, language)
                VALUES (?, ?, ?, ?::ticket_priority, ?::ticket_category, ?, ?, ?, ?)
                RETURNING %1$s),
            e AS (%2$s)
            SELECT %1$s FROM t, e"""
            .formatted(TicketSql.COLUMNS, EventLog.createdEventFrom("t"));

    /**
     * With a key: the key row takes the ticket's id from the sequence; on a conflict (a retry, possibly still
     * running) ON CONFLICT waits for the first transaction and then inserts nothing, so no ticket either.
     */
    private static final String CREATE_WITH_KEY = """
            WITH k AS (
                INSERT INTO idempotency_key (reporter, key, body_hash, ticket_id)
                VALUES (?, ?, ?, nextval(pg_get_serial_sequence('tickets', 'id')))
                ON CONFLICT DO NOTHING
                RETURNING ticket_id),
            t AS (
                INSERT INTO tickets (id, title, description, location, priority, category, category_confidence,
                                     needs_review, reporter_name, language)
                SELECT k.ticket_id, ?, ?, ?, ?::ticket_priority, ?::ticket_category, ?, ?, ?, ? FROM k
                RETURNING %1$s),
            e AS (%2$s)
            SELECT %1$s FROM t, e"""
            .formatted(TicketSql.COLUMNS, EventLog.createdEventFrom("t"));

    private final Database db;
    private final CurrentClassifier classifier;
    private final EventLog events;

    public TicketCreation(Database db, CurrentClassifier classifier, EventLog events) {
        this.db = db;
        this.classifier = classifier;
        this.events = events;
    }

    /** The ticket, and whether it was created now (false: an earlier request with the same key created it). */
    public record Created(Ticket ticket, boolean isNew) {
    }

    public Created create(Identity who, NewTicket request, @Nullable String idempotencyKey) {
        String key = normaliseKey(idempotencyKey);
        String text = TicketSql.text(request.title(), request.description());
        Classification classification = classifier.classify(text);
        // The student's own priority wins; the classifier only fills in a missing one (safety words → HIGH).
        Priority priority = request.priority() != null ? request.priority()
                : Optional.ofNullable(classification.suggestedPriority()).orElse(Priority.MEDIUM);
        String changes = events.toJson(List.of(
                new FieldChange("category", null, classification.category().name()),
                new FieldChange("priority", null, priority.name())));
        String language = LanguageGuesser.guess(text);
        Created result = db.autoCommit(connection -> {
            if (key == null) {
                return new Created(insert(connection, CREATE, 0, request, who, priority, classification, language,
                        changes), true);
            }
            String hash = hash(request);
            Ticket created;
            try (PreparedStatement ps = connection.prepareStatement(CREATE_WITH_KEY)) {
                ps.setString(1, who.user());
                ps.setString(2, key);
                ps.setString(3, hash);
                created = insert(connection, ps, 3, request, who, priority, classification, language, changes);
            }
            return created != null ? new Created(created, true) : new Created(earlier(connection, who, key, hash), false);
        });
        if (result.isNew()) {
            events.committed();
        }
        return result;
    }

    private Ticket insert(Connection connection, String sql, int offset, NewTicket request, Identity who,
                          Priority priority, Classification classification, String language, String changes)
            throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement(sql)) {
            return insert(connection, ps, offset, request, who, priority, classification, language, changes);
        }
    }

    private static @Nullable Ticket insert(Connection connection, PreparedStatement ps, int offset,
                                           NewTicket request, Identity who, Priority priority,
                                           Classification classification, String language, String changes)
            throws SQLException {
        int i = offset;
        ps.setString(++i, request.title());
        ps.setString(++i, request.description());
        Sql.setNullableString(ps, ++i, blankToNull(request.location()));
        ps.setString(++i, priority.name());
        ps.setString(++i, classification.category().name());
        ps.setDouble(++i, clamp(classification.confidence()));
        ps.setBoolean(++i, classification.needsReview());
        ps.setString(++i, who.user());
        ps.setString(++i, language);
        ps.setString(++i, who.user());
        ps.setString(++i, who.role().name());
        ps.setString(++i, changes);
        try (ResultSet rs = ps.executeQuery()) {
            return rs.next() ? TicketSql.map(rs) : null;
        }
    }

    /** The ticket an earlier request with this key created, if the body is the same. */
    private static Ticket earlier(Connection connection, Identity who, String key, String hash) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement(
                "SELECT body_hash, ticket_id FROM idempotency_key WHERE reporter = ? AND key = ?")) {
            ps.setString(1, who.user());
            ps.setString(2, key);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    // Only possible if the key row vanished between the two statements; nothing sane to return.
                    throw Problems.conflict("Idempotency-Key " + key + " is in an unknown state; retry");
                }
                if (!rs.getString(1).equals(hash)) {
                    throw Problems.of(HttpStatus.UNPROCESSABLE_ENTITY, "Idempotency-Key " + key
                            + " was already used with a different body; use a new key for a new ticket");
                }
                Ticket ticket = TicketSql.loadLive(connection, rs.getLong(2));
                // A student's late retry of a ticket staff have closed meanwhile gets what any other path gives:
                // a closed ticket does not exist for students.
                who.requireMaySee(ticket);
                return ticket;
            }
        }
    }

    private static @Nullable String normaliseKey(@Nullable String key) {
        if (key == null) {
            return null;
        }
        String trimmed = key.strip();
        if (trimmed.isEmpty() || trimmed.length() > MAX_KEY_LENGTH) {
            throw Problems.badInput("Idempotency-Key", "must be 1-" + MAX_KEY_LENGTH + " characters");
        }
        return trimmed;
    }

    /** What makes two requests "the same body": the fields as sent, in a fixed order, unambiguously separated. */
    static String hash(NewTicket request) {
        String canonical = String.join("\u0000", request.title(), request.description(),
                String.valueOf(request.location()), String.valueOf(request.priority()));
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(sha.digest(canonical.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    static @Nullable String blankToNull(@Nullable String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static double clamp(double confidence) {
        return Math.max(0, Math.min(1, confidence));
    }
}
