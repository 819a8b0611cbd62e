package campus.helpdesk.ticket.attachment;

import campus.helpdesk.api.Attachment;
import campus.helpdesk.api.Audience;
import campus.helpdesk.api.Ticket;
import campus.helpdesk.ticket.db.Database;
import campus.helpdesk.ticket.db.TicketSql;
import campus.helpdesk.ticket.identity.Identity;
import campus.helpdesk.ticket.lifecycle.TicketRules;
import campus.helpdesk.support.problem.BadInput;
import campus.helpdesk.support.problem.HelpdeskProblem;
import campus.helpdesk.ticket.problem.Problems;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpStatus;
import jakarta.inject.Singleton;

import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/**
 * Files under a ticket: uploaded as a stream to a temporary file ({@link Spool}), then copied into chunk rows in
 * one short transaction (so a refused or broken upload leaves nothing, and a slow one holds no connection), read
 * back a chunk at a time. Who may read one follows its message: what {@link Audience} says of
 * the ticket and of internal notes says it of their files. Outside the change feed: no event, no version bump.
 */
@Singleton
public class Attachments {

    /** 10 MiB, counted on the bytes as sent (before the metadata is stripped), so the limit people meet is exact. */
    public static final long MAX_BYTES = 10L * 1024 * 1024;
    /** Per message, and for the report itself (the files attached with no message). */
    public static final int MAX_PER_MESSAGE = 5;
    /** Enough for the detector's longest magic (and OOXML's first zip entry name), kept for its reset. */
    private static final int HEAD = 64 * 1024;
    private static final String TEXT = "text/plain";

    private final Database db;

    public Attachments(Database db) {
        this.db = db;
    }

    /** One stored file and what a download sends: its bytes, read lazily, chunk by chunk. */
    public record Download(Attachment attachment, InputStream content) {
    }

    public Attachment upload(Identity who, long ticketId, @Nullable Long messageId, @Nullable String sentName,
                             InputStream body) {
        return store(who, ticketId, messageId, sentName, body, null);
    }

    /**
     * A text the desk itself wrote (a long mail's whole text), stored as plain text without asking the detector:
     * a text that begins like a mail's headers or a PDF's first line is still the text it is. The limits hold.
     */
    public Attachment uploadText(Identity who, long ticketId, @Nullable Long messageId, String name, String text) {
        return store(who, ticketId, messageId, name,
                new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), TEXT);
    }

    /** Whether a file of this name is stored under the ticket (or its message). */
    public boolean has(long ticketId, @Nullable Long messageId, String name) {
        return db.autoCommit(c -> AttachmentSql.named(c, ticketId, messageId, name));
    }

    private Attachment store(Identity who, long ticketId, @Nullable Long messageId, @Nullable String sentName,
                             InputStream body, @Nullable String knownType) {
        String name = FileNames.clean(sentName);
        // Refuse before reading a byte when the answer cannot be yes; checked again under the ticket's lock below.
        db.autoCommit(c -> requireMayAttach(c, who, ticketId, messageId, 0));
        try (Spool spool = Spool.create()) {
            InputStream in = new BufferedInputStream(new SizeLimit(body, MAX_BYTES), HEAD);
            requireContent(in);
            String type = knownType != null ? knownType : AttachmentTypes.detect(in, name);
            int orientation = PhotoMetadata.strip(type, in, spool, spool);
            // What follows an image's end (vendor trailers, extra pictures) is dropped but still counts.
            in.transferTo(OutputStream.nullOutputStream());
            byte[] thumbnail = AttachmentTypes.isImage(type)
                    ? Thumbnails.of(new BufferedInputStream(spool.contents()), orientation) : null;
            // Only now, with every byte in, a connection: the transaction lasts as long as a local copy.
            // Not one of the ticket's turns (Database.onTicket): the file's chunks are written before the ticket's
            // lock, which is taken only at the end and held for a moment.
            return db.inTransaction(c -> {
                long id = AttachmentSql.insert(c, ticketId, messageId, AttachmentTypes.named(name, type), type,
                        who.user());
                try (ChunkOutputStream out = new ChunkOutputStream(c, id); InputStream stored = spool.contents()) {
                    stored.transferTo(out);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                TicketSql.lock(c, ticketId);
                requireMayAttach(c, who, ticketId, messageId, 1);
                return AttachmentSql.finish(c, id, spool.size(), thumbnail);
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * An empty file (a failed save, a file still syncing) is said as one: the type detector would call it
     * {@code application/octet-stream} and refuse a type the person never chose.
     */
    private static void requireContent(InputStream in) {
        try {
            in.mark(1);
            boolean empty = in.read() < 0;
            in.reset();
            if (empty) {
                throw BadInput.problemWithDetail("file", "The file is empty: choose one with something in it.");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A ticket's files the caller may see: 404 for a ticket they may not see, none of internal notes' for students. */
    public List<Attachment> of(Identity who, long ticketId) {
        return db.autoCommit(c -> {
            who.requireMaySee(TicketSql.loadLive(c, ticketId));
            return AttachmentSql.of(c, ticketId, who.maySeeInternalNotes());
        });
    }

    public Download open(Identity who, long id) {
        Attachment attachment = readable(who, id);
        InputStream content = new ChunkInputStream(seq -> {
            try {
                return db.autoCommit(c -> AttachmentSql.chunk(c, id, seq));
            } catch (Database.DatabaseException e) {
                throw new IOException(e);
            }
        });
        return new Download(attachment, content);
    }

    /** The thumbnail's JPEG, or 404 when the file is not an image ImageIO could read. */
    public byte[] thumbnail(Identity who, long id) {
        readable(who, id);
        byte[] thumbnail = db.autoCommit(c -> AttachmentSql.thumbnail(c, id));
        if (thumbnail == null) {
            throw Problems.of(HttpStatus.NOT_FOUND, "Attachment " + id + " has no thumbnail");
        }
        return thumbnail;
    }

    /** 404 alike for a file that does not exist and one the caller may not see: either way it is not theirs to know. */
    private Attachment readable(Identity who, long id) {
        AttachmentSql.Readable found = db.autoCommit(c -> AttachmentSql.readable(c, id));
        if (found == null || found.ticketStatus() == null
                || !Audience.maySeeTicket(who.role(), found.ticketStatus())
                || (found.internal() && !who.maySeeInternalNotes())) {
            throw notFound(id);
        }
        return found.attachment();
    }

    /**
     * Who may attach where: whoever may write under the ticket (not CLOSED, not an analyst); under a message, its
     * author or staff (an internal note's files stay staff's, and a student cannot add to someone else's words);
     * to the report itself, its reporter or staff. At most {@link #MAX_PER_MESSAGE} files in each place, counting
     * {@code uploading} files of this request already written.
     */
    private static Void requireMayAttach(Connection c, Identity who, long ticketId, @Nullable Long messageId,
                                         int uploading) throws SQLException {
        Ticket ticket = TicketSql.loadLive(c, ticketId);
        who.requireMaySee(ticket);
        TicketRules.requireMayPostMessage(ticket, who, false);
        if (messageId != null) {
            AttachmentSql.MessageRef message = AttachmentSql.message(c, ticketId, messageId);
            if (message == null || (message.internal() && !who.maySeeInternalNotes())) {
                throw Problems.of(HttpStatus.NOT_FOUND,
                        "Message " + messageId + " does not exist under ticket " + ticketId);
            }
            boolean author = message.author().equals(who.user()) && message.authorRole() == who.role();
            if (!author && !who.isStaff()) {
                throw Problems.forbidden("Only the message's author or staff may attach files to it");
            }
        } else if (!who.reported(ticket) && !who.isStaff()) {
            throw Problems.forbidden("Only the reporter or staff may attach files to the report itself; "
                    + "attach yours under your message");
        }
        if (AttachmentSql.count(c, ticketId, messageId) - uploading >= MAX_PER_MESSAGE) {
            throw Problems.conflict("A message (and the report itself) carries at most " + MAX_PER_MESSAGE
                    + " files");
        }
        return null;
    }

    private static HelpdeskProblem notFound(long id) {
        return Problems.of(HttpStatus.NOT_FOUND, "Attachment " + id + " does not exist");
    }
}
