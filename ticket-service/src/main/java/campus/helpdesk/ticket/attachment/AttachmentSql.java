package campus.helpdesk.ticket.attachment;

import campus.helpdesk.api.Attachment;
import campus.helpdesk.api.Role;
import campus.helpdesk.api.TicketStatus;
import campus.helpdesk.ticket.db.Sql;
import io.micronaut.core.annotation.Nullable;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;

/**
 * The attachment tables, by hand: the rows are written chunk by chunk inside the upload's own transaction,
 * interleaved with reading the request, which no repository method expresses.
 */
final class AttachmentSql {

    private static final String COLUMNS = "a.id, a.ticket_id, a.message_id, a.name, a.type, a.size, a.uploader, "
            + "a.created_at, a.thumbnail IS NOT NULL AS has_thumbnail";

    private AttachmentSql() {
    }

    /** The message an upload names, as far as the rules need it; null when it is not under this ticket. */
    record MessageRef(String author, Role authorRole, boolean internal) {
    }

    /** One attachment with what decides who may read it: its ticket's status and deletion, its message's kind. */
    record Readable(Attachment attachment, @Nullable TicketStatus ticketStatus, boolean internal) {
    }

    static long insert(Connection c, long ticketId, @Nullable Long messageId, String name, String type,
                       String uploader) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO attachment (ticket_id, message_id, name, type, "
                + "size, uploader) VALUES (?, ?, ?, ?, 0, ?) RETURNING id")) {
            ps.setLong(1, ticketId);
            ps.setObject(2, messageId, Types.BIGINT);
            ps.setString(3, name);
            ps.setString(4, type);
            ps.setString(5, uploader);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    static Attachment finish(Connection c, long id, long size, byte @Nullable [] thumbnail) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE attachment a SET size = ?, thumbnail = ?, "
                + "created_at = now() WHERE id = ? RETURNING " + COLUMNS)) {
            ps.setLong(1, size);
            ps.setBytes(2, thumbnail);
            ps.setLong(3, id);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return map(rs);
            }
        }
    }

    static @Nullable MessageRef message(Connection c, long ticketId, long messageId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT author, author_role, internal FROM ticket_message WHERE id = ? AND ticket_id = ?")) {
            ps.setLong(1, messageId);
            ps.setLong(2, ticketId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? new MessageRef(rs.getString(1), Role.valueOf(rs.getString(2)), rs.getBoolean(3))
                        : null;
            }
        }
    }

    /** The files under one message, or under the report itself when {@code messageId} is null. */
    static int count(Connection c, long ticketId, @Nullable Long messageId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT count(*) FROM attachment WHERE ticket_id = ? "
                + "AND message_id IS NOT DISTINCT FROM ?")) {
            ps.setLong(1, ticketId);
            ps.setObject(2, messageId, Types.BIGINT);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }

    static boolean named(Connection c, long ticketId, @Nullable Long messageId, String name) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT EXISTS (SELECT 1 FROM attachment WHERE ticket_id = ? "
                + "AND message_id IS NOT DISTINCT FROM ? AND name = ?)")) {
            ps.setLong(1, ticketId);
            ps.setObject(2, messageId, Types.BIGINT);
            ps.setString(3, name);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getBoolean(1);
            }
        }
    }

    /** A ticket's attachments, oldest first; those of internal notes only when {@code internal}. */
    static List<Attachment> of(Connection c, long ticketId, boolean internal) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM attachment a "
                + "LEFT JOIN ticket_message m ON m.id = a.message_id "
                + "WHERE a.ticket_id = ? AND (? OR NOT coalesce(m.internal, false)) ORDER BY a.id")) {
            ps.setLong(1, ticketId);
            ps.setBoolean(2, internal);
            List<Attachment> attachments = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    attachments.add(map(rs));
                }
            }
            return attachments;
        }
    }

    /** The attachment, with a null status when its ticket was deleted; null when there is no such attachment. */
    static @Nullable Readable readable(Connection c, long id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + ", "
                + "CASE WHEN t.deleted_at IS NULL THEN t.status::text END AS ticket_status, "
                + "coalesce(m.internal, false) AS internal FROM attachment a JOIN tickets t ON t.id = a.ticket_id "
                + "LEFT JOIN ticket_message m ON m.id = a.message_id WHERE a.id = ?")) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return null;
                }
                String status = rs.getString("ticket_status");
                return new Readable(map(rs), status == null ? null : TicketStatus.valueOf(status),
                        rs.getBoolean("internal"));
            }
        }
    }

    static byte @Nullable [] thumbnail(Connection c, long id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT thumbnail FROM attachment WHERE id = ?")) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getBytes(1) : null;
            }
        }
    }

    static byte @Nullable [] chunk(Connection c, long id, int seq) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT bytes FROM attachment_chunk WHERE attachment_id = ? AND seq = ?")) {
            ps.setLong(1, id);
            ps.setInt(2, seq);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getBytes(1) : null;
            }
        }
    }

    private static Attachment map(ResultSet rs) throws SQLException {
        long messageId = rs.getLong("message_id");
        Long message = rs.wasNull() ? null : messageId;
        return new Attachment(rs.getLong("id"), rs.getLong("ticket_id"), message, rs.getString("name"),
                rs.getString("type"), rs.getLong("size"), rs.getString("uploader"), Sql.instant(rs, "created_at"),
                rs.getBoolean("has_thumbnail"));
    }
}
