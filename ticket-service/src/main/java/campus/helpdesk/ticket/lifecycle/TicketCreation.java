package campus.helpdesk.ticket.lifecycle;

import campus.helpdesk.api.Classification;
import campus.helpdesk.api.HelpdeskHeaders;
import campus.helpdesk.api.IntegrationOperations;
import campus.helpdesk.api.NewTicket;
import campus.helpdesk.api.Ticket;
import campus.helpdesk.lifecycle.Change;
import campus.helpdesk.lifecycle.TicketLifecycle;
import campus.helpdesk.lifecycle.TicketText;
import campus.helpdesk.sla.ServiceLevels;
import campus.helpdesk.ticket.classify.CurrentClassifier;
import campus.helpdesk.ticket.db.Database;
import campus.helpdesk.ticket.db.Followers;
import campus.helpdesk.ticket.db.Sql;
import campus.helpdesk.ticket.db.TicketSql;
import campus.helpdesk.ticket.history.EventLog;
import campus.helpdesk.ticket.idempotency.IdempotencyKeys;
import campus.helpdesk.ticket.identity.Identity;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Filing a ticket. The classifier runs before any database work, then {@link TicketLifecycle#open} makes the new
 * ticket and its CREATED event; the database work is ONE auto-committed statement (idempotency key, ticket and
 * event), the cheapest a create can be. That is why it is SQL written by hand and not a repository's save: a
 * repository writes one entity per statement, which would make the create three statements in a transaction.
 */
@Singleton
public class TicketCreation {

    /**
     * The reporter's notification address, when given, in its own table (students read the ticket's row) and in
     * the same statement, so a ticket never exists without the address it was filed with.
     */
    private static final String CONTACT = """
            INSERT INTO ticket_contact (ticket_id, email)
            SELECT t.id, a.email FROM t, (SELECT ?::text AS email) a WHERE a.email IS NOT NULL""";

    /** The statement without an idempotency key. */
    private static final String CREATE = """
            WITH t AS (
                INSERT INTO tickets (%3$s) VALUES (%4$s)
                RETURNING %1$s),
            e AS (%2$s),
            c AS (%5$s)
            SELECT %1$s FROM t, e"""
            .formatted(TicketSql.COLUMNS, EventLog.createdEventFrom("t"), TicketSql.NEW_COLUMNS,
                    TicketSql.NEW_VALUES, CONTACT);

    /**
     * With a key: the key row takes the ticket's id from the sequence; on a conflict (a retry, possibly still
     * running) ON CONFLICT waits for the first transaction and then inserts nothing, so no ticket either.
     */
    private static final String CREATE_WITH_KEY = """
            WITH k AS (
                INSERT INTO %5$s (%6$s, %7$s, body_hash, ticket_id%8$s)
                VALUES (?, ?, ?, nextval(pg_get_serial_sequence('tickets', 'id'))%9$s)
                ON CONFLICT DO NOTHING
                RETURNING ticket_id),
            t AS (
                INSERT INTO tickets (id, %3$s) SELECT k.ticket_id, %4$s FROM k
                RETURNING %1$s),
            e AS (%2$s),
            c AS (%10$s)
            SELECT %1$s FROM t, e""";

    /**
     * Where a create's key is claimed: the caller's {@code Idempotency-Key} per reporter, or an intake delivery's
     * {@code X-Delivery-Id} per integration (with the sender's external reference beside it). One statement for
     * both, so a repeated delivery is refused by the same primary key wait as a retried create.
     */
    public enum KeyTable {
        IDEMPOTENCY_KEY("idempotency_key", "reporter", "key", false, HelpdeskHeaders.IDEMPOTENCY_KEY),
        INTAKE_DELIVERY("intake_delivery", "integration", "delivery_id", true, IntegrationOperations.DELIVERY_ID);

        private final String table;
        /** The header the caller sent the key in, named in a refusal. */
        private final String header;
        private final String ownerColumn;
        private final String keyColumn;
        private final String create;

        KeyTable(String table, String ownerColumn, String keyColumn, boolean externalRef, String header) {
            this.table = table;
            this.header = header;
            this.ownerColumn = ownerColumn;
            this.keyColumn = keyColumn;
            this.create = CREATE_WITH_KEY.formatted(TicketSql.COLUMNS, EventLog.createdEventFrom("t"),
                    TicketSql.NEW_COLUMNS, TicketSql.NEW_VALUES, table, ownerColumn, keyColumn,
                    externalRef ? ", external_ref" : "", externalRef ? ", ?" : "", CONTACT);
        }
    }

    /** A key to claim: in which table, and (intake only) the external reference stored beside it. */
    public record Key(KeyTable table, String value, @Nullable String externalRef) {
    }

    private final Database db;
    private final CurrentClassifier classifier;
    private final EventLog events;
    private final ChangeClock clock;
    private final ServiceLevels levels;

    public TicketCreation(Database db, CurrentClassifier classifier, EventLog events, ChangeClock clock,
                          ServiceLevels levels) {
        this.db = db;
        this.classifier = classifier;
        this.events = events;
        this.clock = clock;
        this.levels = levels;
    }

    /** The ticket, and whether it was created now (false: an earlier request with the same key created it). */
    public record Created(Ticket ticket, boolean isNew) {
    }

    public Created create(Identity who, NewTicket request, @Nullable String idempotencyKey) {
        String key = IdempotencyKeys.normalise(idempotencyKey);
        return create(who, request, key == null ? null : new Key(KeyTable.IDEMPOTENCY_KEY, key, null));
    }

    /** A create whose key (if any) is already normalised; the key's owner is the caller. */
    public Created create(Identity who, NewTicket request, @Nullable Key key) {
        Classification classification = classifier.classify(TicketText.of(request.title(), request.description()));
        // Id 0: the database assigns it.
        Change opened = TicketLifecycle.open(0, request, classification, who.actor(), clock.now(), levels);
        Database.Work<Created> work = connection -> {
            if (request.previousTicketId() != null) {
                Created replay = judgeFollowUp(connection, who, request, key);
                if (replay != null) {
                    return replay;
                }
            }
            if (key == null) {
                try (PreparedStatement ps = connection.prepareStatement(CREATE)) {
                    return new Created(insert(ps, 1, opened, request.email()), true);
                }
            }
            String hash = hash(request, key);
            Ticket created;
            try (PreparedStatement ps = connection.prepareStatement(key.table().create)) {
                ps.setString(1, who.user());
                ps.setString(2, key.value());
                ps.setString(3, hash);
                int next = 4;
                if (key.table() == KeyTable.INTAKE_DELIVERY) {
                    ps.setString(next++, key.externalRef());
                }
                created = insert(ps, next, opened, request.email());
            }
            return created != null ? new Created(created, true) : new Created(earlier(connection, who, key, hash), false);
        };
        // A follow-up holds the ticket it names (FOR SHARE) until it is stored: a deletion of that ticket comes
        // wholly before it (and it is refused) or after it. Other creates are one statement, in auto-commit.
        Created result = request.previousTicketId() != null ? db.inTransaction(work) : db.autoCommit(work);
        if (result.isNew()) {
            events.committed();
        }
        return result;
    }

    /** Binds the new ticket, then its event, from {@code index} on; null when the key row said "a retry". */
    private @Nullable Ticket insert(PreparedStatement ps, int index, Change opened, @Nullable String email)
            throws SQLException {
        int next = events.bindCreated(ps, TicketSql.bindNew(ps, index, opened.ticket(), opened.deadlines()),
                opened.event());
        Sql.setNullableString(ps, next, email); // NewTicket trimmed it, and made a blank one null
        try (ResultSet rs = ps.executeQuery()) {
            // Unread: false for the one filing it, its reporter, as a new ticket has no messages.
            return rs.next() ? TicketSql.map(rs, false) : null;
        }
    }

    /**
     * The ticket an earlier request with this key created, if the body is the same. By hand on the create's own
     * connection (auto-commit, or a follow-up's transaction), where a repository would take a second pooled
     * connection (see {@link Database}).
     */
    private static Ticket earlier(Connection connection, Identity who, Key key, String hash) throws SQLException {
        Ticket earlier = findEarlier(connection, who, key, hash);
        if (earlier == null) {
            throw IdempotencyKeys.unknownState(key.table().header);
        }
        return earlier;
    }

    /**
     * Null when the follow-up {@code request} may be filed now; else the ticket an earlier request with the same key
     * filed already, replayed without judging the previous ticket again (staff may have deleted it since, and the
     * retry of a stored follow-up must still get what the first request got). Otherwise the previous ticket is
     * locked until the transaction ends, or the request refused.
     */
    private static @Nullable Created judgeFollowUp(Connection connection, Identity who, NewTicket request,
                                                   @Nullable Key key) throws SQLException {
        long previous = request.previousTicketId();
        String hash = key == null ? null : hash(request, key);
        Ticket earlier = key == null ? null : findEarlier(connection, who, key, hash);
        if (earlier != null) {
            return new Created(earlier, false);
        }
        String reporter = lockReporterOf(connection, previous);
        if (reporter == null && key != null) {
            // The same key's first request may have been stored while this one waited for the lock, before a delete.
            earlier = findEarlier(connection, who, key, hash);
            if (earlier != null) {
                return new Created(earlier, false);
            }
        }
        boolean follows = reporter != null && !reporter.equals(who.user())
                && Followers.follows(connection, previous, who.user());
        TicketRules.requireMayFollowUp(previous, reporter, follows, who);
        return null;
    }

    /** The ticket an earlier request with this key created (same body, or a 422), or null when there was none. */
    private static @Nullable Ticket findEarlier(Connection connection, Identity who, Key key, String hash)
            throws SQLException {
        KeyTable table = key.table();
        try (PreparedStatement ps = connection.prepareStatement("SELECT body_hash, ticket_id FROM " + table.table
                + " WHERE " + table.ownerColumn + " = ? AND " + table.keyColumn + " = ?")) {
            ps.setString(1, who.user());
            ps.setString(2, key.value());
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return null;
                }
                IdempotencyKeys.requireSameBody(table.header, rs.getString(1), hash);
                Ticket ticket = TicketSql.loadLive(connection, rs.getLong(2), who);
                // A student's late retry of a ticket staff have closed meanwhile gets what any other path gives:
                // a closed ticket does not exist for students. A campus system's retry of its delivery gets the
                // ticket it filed, closed or not: it is no student, and a 404 reads to it as a wrong address.
                if (table != KeyTable.INTAKE_DELIVERY) {
                    who.requireMaySee(ticket);
                }
                return ticket;
            }
        }
    }

    /**
     * The reporter of the live ticket {@code id}, or null when there is none; the row is share-locked until the
     * transaction ends, so it cannot be deleted meanwhile (a delete under way is waited for, then seen).
     */
    private static @Nullable String lockReporterOf(Connection connection, long id) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement(
                "SELECT reporter_name FROM tickets WHERE id = ? AND deleted_at IS NULL FOR SHARE")) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
    }

    /**
     * What makes two requests "the same body" ({@link IdempotencyKeys#hash}): the fields as sent, and an intake
     * delivery's external reference (another reference under the same delivery id was replayed as the first, and
     * the new reference dropped). Each optional part only when sent, so a key stored before it existed still
     * matches its retry.
     */
    static String hash(NewTicket request, @Nullable Key key) {
        String title = request.title();
        String description = request.description();
        String location = String.valueOf(request.location());
        String priority = String.valueOf(request.priority());
        List<String> parts = new ArrayList<>(List.of(title, description, location, priority));
        if (request.category() != null) {
            parts.add(request.category().name());
        }
        if (request.previousTicketId() != null) {
            parts.add("previous " + request.previousTicketId());
        }
        if (request.email() != null) {
            parts.add("email " + request.email());
        }
        if (key != null && key.externalRef() != null) {
            parts.add("external " + key.externalRef());
        }
        return IdempotencyKeys.hash(parts.toArray(String[]::new));
    }
}
