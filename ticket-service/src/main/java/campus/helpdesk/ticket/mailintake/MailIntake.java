package campus.helpdesk.ticket.mailintake;

import campus.helpdesk.api.NewMessage;
import campus.helpdesk.api.NewTicket;
import campus.helpdesk.api.Role;
import campus.helpdesk.api.Text;
import campus.helpdesk.api.Ticket;
import campus.helpdesk.api.TicketStatus;
import campus.helpdesk.ticket.db.Database;
import campus.helpdesk.ticket.db.Sql;
import campus.helpdesk.ticket.db.TicketSql;
import campus.helpdesk.ticket.identity.Identity;
import campus.helpdesk.ticket.lifecycle.TicketCreation;
import campus.helpdesk.ticket.mail.MailSettings;
import campus.helpdesk.ticket.mail.Notifications;
import campus.helpdesk.ticket.message.Messages;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What one mail from the mailbox becomes. A reply carrying a live ticket's token (in the plus-address it was sent
 * to, or {@code [#id:TOKEN]} in the subject) is a public message by the ticket's reporter, its quoted history cut;
 * on a closed ticket it is nothing but one polite answer. Anything else a person wrote opens a ticket. Mails of
 * robots and of the desk itself are recorded and left alone. The subject's text alone never makes a reply: a
 * forged or unknown token is a new mail. The files a mail carries go under the ticket it opens or the message it
 * becomes ({@link MailAttachments}); those the attachments feature refuses are skipped and listed in an internal
 * note by {@link #INTAKE}, so staff can ask the reporter for them while the ticket itself is never lost.
 */
@Singleton
public class MailIntake {

    /** What became of a mail, as {@code mail_intake.outcome} records it. */
    public enum Outcome {
        TICKET, MESSAGE, CLOSED_ANSWERED, AUTOMATIC, OWN, ALREADY,
        /** A reply to a staff notification: it quotes internal notes, so it is neither filed nor posted. */
        STAFF_REPLY,
        /** A reply with a ticket's token from another address than the reporter's: an internal note for staff. */
        HELD
    }

    /** The Message-ID of a notification to an assignee ({@link Notifications#queueToAssignee}). */
    private static final Pattern STAFF_NOTIFICATION = Pattern.compile("<staff-\\d+\\.[^<>@\\s]+@[^<>\\s]+>");
    private static final Pattern PLUS_TOKEN = Pattern.compile("\\+t-([0-9a-f]{32})@", Pattern.CASE_INSENSITIVE);
    private static final Pattern SUBJECT_TOKEN = Pattern.compile("\\[#(\\d+):([0-9a-f]{32})]",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern CONTROL = Pattern.compile(Text.CONTROL);
    private static final int NAME_MAX = 80;
    /** Deeper than any mail program nests its parts; past it a part is read as having no text and no files. */
    static final int MAX_DEPTH = 20;
    /** More text than a ticket or message keeps (10,000 characters) in any encoding. */
    private static final int MAX_TEXT_BYTES = 1 << 20;

    /** The reporter of a mail that names nobody as its author. */
    static final String UNKNOWN_SENDER = "(unknown sender)";

    /** The author of the intake's own internal notes: staff read them, nobody signs in as it. */
    static final String INTAKE = "Email intake";

    private final Database db;
    private final TicketCreation creation;
    private final Messages messages;
    private final Notifications notifications;
    private final MailSettings mail;
    private final MailAttachments files;

    public MailIntake(Database db, TicketCreation creation, Messages messages, Notifications notifications,
                      MailSettings mail, MailAttachments files) {
        this.files = files;
        this.db = db;
        this.creation = creation;
        this.messages = messages;
        this.notifications = notifications;
        this.mail = mail;
    }

    public Outcome handle(MimeMessage message) throws MessagingException, IOException {
        String key = key(message);
        if (db.autoCommit(c -> handled(c, key))) {
            return Outcome.ALREADY;
        }
        @Nullable InternetAddress sender = sender(message);
        String address = sender == null ? "" : sender.getAddress();
        Outcome outcome;
        Long ticketId = null;
        if (!address.isEmpty() && address.equalsIgnoreCase(mail.fromAddress())) {
            outcome = Outcome.OWN;
        } else if (Loops.isAutomatic(message, address, mail.fromAddress())) {
            outcome = Outcome.AUTOMATIC;
        } else if (answersStaffNotification(message)) {
            // Filed, it would show the internal notes it quotes to every student as a new ticket.
            outcome = Outcome.STAFF_REPLY;
        } else {
            Long replied = repliedTicket(message);
            if (replied != null) {
                ticketId = replied;
                outcome = reply(message, replied, sender, key);
            } else {
                ticketId = open(message, sender, key);
                outcome = Outcome.TICKET;
            }
        }
        record(key, outcome, ticketId);
        return outcome;
    }

    private Outcome reply(MimeMessage message, long ticketId, @Nullable InternetAddress sender, String key)
            throws MessagingException, IOException {
        Ticket ticket = db.autoCommit(c -> TicketSql.loadLive(c, ticketId));
        String reporterAddress = db.autoCommit(c -> contactOf(c, ticketId));
        String replyAddress = sender == null ? null : replyAddress(sender.getAddress());
        if (replyAddress == null || !replyAddress.equalsIgnoreCase(reporterAddress)) {
            // A token travels with every copy of a notification (a Cc, a forward): only the reporter's own address
            // speaks as the reporter, and only to the reporter goes an answer.
            return hold(message, ticket, sender, key);
        }
        if (ticket.status() != TicketStatus.CLOSED) {
            Kept text = Kept.of(clean(ReplyText.cut(text(message))), NewMessage.BODY_MAX);
            String body = text.body().isBlank() ? "(empty reply)" : text.body();
            Identity reporter = new Identity(Role.STUDENT, ticket.reporterName());
            Messages.Posted posted = messages.post(reporter, ticketId, new NewMessage(body, false), key);
            if (posted.isNew()) {
                attach(reporter, ticketId, posted.message().id(), message, text.whole(), key);
            } else if (text.whole() != null) {
                attachWholeTextAgain(reporter, ticketId, posted.message().id(), text.whole(), key);
            }
            return Outcome.MESSAGE;
        }
        if (sender != null) {
            db.inTransaction(c -> {
                notifications.queueReplyToClosed(c, ticket, sender.getAddress(), key);
                return null;
            });
        }
        return Outcome.CLOSED_ANSWERED;
    }

    /**
     * A reply carrying the ticket's token from someone else: staff read it as an internal note naming its sender, and
     * decide; the reporter's thread shows nothing they did not write. A closed ticket takes no note.
     */
    private Outcome hold(MimeMessage message, Ticket ticket, @Nullable InternetAddress sender, String key)
            throws MessagingException, IOException {
        if (ticket.status() == TicketStatus.CLOSED) {
            return Outcome.HELD;
        }
        String from = sender == null ? UNKNOWN_SENDER : clean(sender.toUnicodeString());
        String note = "A reply by email from " + from + ", which is not the reporter's address; not shown to the "
                + "reporter:\n\n" + clean(ReplyText.cut(text(message)));
        messages.post(new Identity(Role.STAFF, INTAKE), ticket.id(),
                new NewMessage(limit(note, NewMessage.BODY_MAX), true), key);
        return Outcome.HELD;
    }

    private long open(MimeMessage message, @Nullable InternetAddress sender, String key) throws MessagingException,
            IOException {
        String subject = clean(message.getSubject() == null ? "" : message.getSubject()).strip();
        String title = limit(subject.isEmpty() ? "(no subject)" : subject, NewTicket.TITLE_MAX);
        Kept text = Kept.of(clean(text(message)).strip(), NewTicket.DESCRIPTION_MAX);
        String body = text.body();
        // A person's name has 80 characters everywhere (sign-in, the tickets' columns): "Prof. Dr. … (Dipartimento
        // di …)" is cut, not refused.
        String reporter = sender == null ? UNKNOWN_SENDER : limit(reporterName(sender), NAME_MAX);
        String email = sender == null ? null : replyAddress(sender.getAddress());
        NewTicket ticket = new NewTicket(title, body.isEmpty() ? title : body, null, null, null, null, email);
        Identity who = new Identity(Role.STUDENT, reporter);
        TicketCreation.Created created = creation.create(who, ticket, key);
        if (created.isNew()) {
            attach(who, created.ticket().id(), null, message, text.whole(), key);
        } else if (text.whole() != null) {
            attachWholeTextAgain(who, created.ticket().id(), null, text.whole(), key);
        }
        return created.ticket().id();
    }

    /**
     * Only the first handling of a mail stores its files (a second one finds the ticket or message made, not new):
     * a crash between the ticket's commit and its files loses the files, never duplicates them.
     */
    private void attach(Identity sender, long ticketId, @Nullable Long messageId, MimeMessage message,
                        @Nullable String wholeText, String key) throws MessagingException, IOException {
        note(sender, ticketId, files.store(sender, ticketId, messageId, message, wholeText), key);
    }

    /** A mail read again whose text was too long: its whole text, should the first reading have stopped before it. */
    private void attachWholeTextAgain(Identity sender, long ticketId, @Nullable Long messageId, String wholeText,
                                      String key) {
        String refused = files.storeWholeText(sender, ticketId, messageId, wholeText);
        note(sender, ticketId, refused == null ? List.of() : List.of(refused), key);
    }

    /** The intake's internal note listing what of a mail was not attached (once per mail: its own key). */
    private void note(Identity sender, long ticketId, List<String> skipped, String key) {
        if (skipped.isEmpty()) {
            return;
        }
        String note = limit(clean("Files of the email from " + sender.user() + " that could not be attached:\n- "
                + String.join("\n- ", skipped)), NewMessage.BODY_MAX);
        messages.post(new Identity(Role.STAFF, INTAKE), ticketId, new NewMessage(note, true), key + "-skipped");
    }

    /**
     * How the sender is shown as the ticket's reporter, which every student may read: the name they gave, else the
     * part of the address before the {@code @}: the address itself is the reporter's contact, for staff only.
     */
    private static String reporterName(InternetAddress sender) {
        String personal = sender.getPersonal();
        String name = personal != null && !personal.isBlank() ? personal
                : sender.getAddress().contains("@") ? sender.getAddress().substring(0, sender.getAddress().indexOf('@'))
                : sender.getAddress();
        // A name is one line (sign-in, the tickets' columns): folded or encoded line breaks become spaces.
        String oneLine = clean(name.replaceAll("[\\s\\p{Cntrl}]+", " ")).strip();
        return oneLine.isEmpty() ? UNKNOWN_SENDER : oneLine;
    }

    /** The address notifications go to: as written, or with an international domain in its ASCII form. */
    private static @Nullable String replyAddress(String address) {
        int at = address.lastIndexOf('@');
        String ascii = address;
        if (at > 0) {
            try {
                ascii = address.substring(0, at + 1) + java.net.IDN.toASCII(address.substring(at + 1));
            } catch (IllegalArgumentException notADomain) {
                return null;
            }
        }
        return ascii.matches(NewTicket.EMAIL) && ascii.length() <= 254 ? ascii : null;
    }

    /** Whether the mail answers one of the desk's notifications to an assignee (In-Reply-To or References). */
    private boolean answersStaffNotification(MimeMessage message) throws MessagingException {
        List<String> ids = new ArrayList<>();
        for (String header : List.of("In-Reply-To", "References")) {
            Matcher m = STAFF_NOTIFICATION.matcher(String.valueOf(message.getHeader(header, " ")));
            while (m.find()) {
                ids.add(m.group());
            }
        }
        if (ids.isEmpty()) {
            return false;
        }
        return db.autoCommit(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT 1 FROM mail_outbox WHERE message_id = ANY (?) AND kind = 'STAFF_MESSAGE'")) {
                ps.setArray(1, c.createArrayOf("text", ids.toArray()));
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next();
                }
            }
        });
    }

    private static @Nullable String contactOf(Connection c, long ticketId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT email FROM ticket_contact WHERE ticket_id = ?")) {
            ps.setLong(1, ticketId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
    }

    /** The ticket a valid token names, or null: an unknown or forged token makes the mail a new one. */
    private @Nullable Long repliedTicket(MimeMessage message) throws MessagingException {
        List<String> tokens = new ArrayList<>();
        List<Address> recipients = new ArrayList<>();
        if (message.getAllRecipients() != null) {
            recipients.addAll(List.of(message.getAllRecipients()));
        }
        for (Address address : recipients) {
            Matcher m = PLUS_TOKEN.matcher(address.toString());
            if (m.find()) {
                tokens.add(m.group(1).toLowerCase(Locale.ROOT));
            }
        }
        for (String header : List.of("Delivered-To", "X-Original-To")) {
            String value = message.getHeader(header, ",");
            Matcher m = PLUS_TOKEN.matcher(value == null ? "" : value);
            if (m.find()) {
                tokens.add(m.group(1).toLowerCase(Locale.ROOT));
            }
        }
        for (String token : tokens) {
            Long id = db.autoCommit(c -> ticketOf(c, token));
            if (id != null) {
                return id;
            }
        }
        // In the subject the token counts only with the number of the ticket it belongs to.
        Matcher s = SUBJECT_TOKEN.matcher(message.getSubject() == null ? "" : message.getSubject());
        if (s.find()) {
            long named = Long.parseLong(s.group(1));
            Long id = db.autoCommit(c -> ticketOf(c, s.group(2).toLowerCase(Locale.ROOT)));
            if (id != null && id == named) {
                return id;
            }
        }
        return null;
    }

    private static @Nullable Long ticketOf(Connection c, String token) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                SELECT k.ticket_id FROM ticket_contact k JOIN tickets t ON t.id = k.ticket_id
                WHERE k.reply_token = ? AND t.deleted_at IS NULL""")) {
            ps.setString(1, token);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getLong(1) : null;
            }
        }
    }

    private static boolean handled(Connection c, String key) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM mail_intake WHERE message_key = ?")) {
            ps.setString(1, key);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    private void record(String key, Outcome outcome, @Nullable Long ticketId) {
        db.autoCommit(c -> {
            try (PreparedStatement ps = c.prepareStatement("""
                    INSERT INTO mail_intake (message_key, outcome, ticket_id) VALUES (?, ?, ?)
                    ON CONFLICT (message_key) DO NOTHING""")) {
                ps.setString(1, key);
                ps.setString(2, outcome.name());
                Sql.setNullableLong(ps, 3, ticketId);
                return ps.executeUpdate();
            }
        });
    }

    /**
     * The mail's key: a hash of its Message-ID (fits every key column), or of what it says when it has none, so
     * the same mail read twice has the same key.
     */
    static String key(MimeMessage message) throws MessagingException, IOException {
        String id = message.getMessageID();
        String basis = id != null && !id.isBlank() ? id.strip()
                : "no-id|" + message.getHeader("From", ",") + "|" + message.getHeader("Date", ",") + "|"
                + message.getSubject() + "|" + text(message);
        try {
            byte[] hash = java.security.MessageDigest.getInstance("SHA-256")
                    .digest(basis.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return "mail-" + HexFormat.of().formatHex(hash);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Who wrote the mail: its From, else its Sender, else its Reply-To; null when it names nobody (a broken mail
     * program, a script), which still files its words, as "Unknown sender" with no address to answer.
     */
    private static @Nullable InternetAddress sender(MimeMessage message) throws MessagingException {
        for (String header : List.of("From", "Sender", "Reply-To")) {
            InternetAddress named = first(message, header);
            if (named != null) {
                return named;
            }
        }
        return null;
    }

    /**
     * The first address of a header, read as leniently as mail programs write it (an international domain, a
     * missing pair of brackets). A From that is only a name ("John Smith", "john at uni") is that person without
     * an address to answer; one no reading makes sense of passes to the next header.
     */
    private static @Nullable InternetAddress first(MimeMessage message, String header) throws MessagingException {
        String value = message.getHeader(header, ",");
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            InternetAddress[] named = InternetAddress.parseHeader(value, false);
            if (named.length > 0 && named[0].getAddress() != null && named[0].getAddress().contains("@")) {
                return named[0];
            }
        } catch (jakarta.mail.internet.AddressException broken) {
            // Read even leniently, no address: the next header may name the sender, else nobody does.
            return null;
        }
        String name = decoded(value).replaceAll("[<>\"]", "").strip();
        if (!header.equals("From") || name.isEmpty() || name.contains("@")) {
            return null;
        }
        try {
            return new InternetAddress("", name, StandardCharsets.UTF_8.name());
        } catch (java.io.UnsupportedEncodingException e) {
            return null;
        }
    }

    private static String decoded(String header) {
        try {
            return jakarta.mail.internet.MimeUtility.decodeText(header);
        } catch (java.io.UnsupportedEncodingException e) {
            return header;
        }
    }


    /** The text part of the mail (the first text/plain), else its HTML with the tags taken out. */
    static String text(jakarta.mail.Part part) throws MessagingException, IOException {
        return text(part, 0);
    }

    private static String text(jakarta.mail.Part part, int depth) throws MessagingException, IOException {
        if (depth > MAX_DEPTH) {
            return "";
        }
        if (part.isMimeType("text/plain")) {
            return readable(part);
        }
        if (part.isMimeType("multipart/*")) {
            jakarta.mail.Multipart multipart;
            try {
                multipart = (jakarta.mail.Multipart) part.getContent();
            } catch (MessagingException unreadable) {
                // No boundary, or one that never comes: the words are still in there, between the part headers.
                return leniently(part);
            }
            // In a mixed mail every text between the pictures is the person's (Apple Mail writes text, picture,
            // text); in an alternative or related one the first text stands for the others.
            boolean mixed = part.isMimeType("multipart/mixed");
            List<String> texts = new ArrayList<>();
            String html = null;
            for (int i = 0; i < multipart.getCount(); i++) {
                jakarta.mail.BodyPart child = multipart.getBodyPart(i);
                if (jakarta.mail.Part.ATTACHMENT.equalsIgnoreCase(child.getDisposition())
                        || (child.getFileName() != null && !child.isMimeType("multipart/*"))) {
                    continue;
                }
                String found = text(child, depth + 1);
                if (child.isMimeType("text/plain") || (child.isMimeType("multipart/*") && !found.isEmpty())) {
                    if (!mixed) {
                        return found;
                    }
                    if (!found.isBlank()) {
                        texts.add(found.strip());
                    }
                } else if (html == null && !found.isEmpty()) {
                    html = found;
                }
            }
            return !texts.isEmpty() ? String.join("\n\n", texts) : html == null ? "" : html;
        }
        if (part.isMimeType("text/html")) {
            return HtmlText.of(readable(part));
        }
        return "";
    }

    /**
     * A text part's content. When its charset is unknown, its bytes (transfer-decoded) read as UTF-8; when its base64
     * is broken, what of it decodes: the person's words, perhaps with a few wrong characters, rather than no ticket.
     */
    private static String readable(jakarta.mail.Part part) throws MessagingException, IOException {
        try {
            return String.valueOf(part.getContent());
        } catch (IOException | RuntimeException unreadable) {
            try (InputStream decoded = part.getInputStream()) {
                return new String(decoded.readNBytes(MAX_TEXT_BYTES), StandardCharsets.UTF_8);
            } catch (IOException brokenEncoding) {
                return leniently(part);
            }
        }
    }

    /** The part's raw bytes, base64-decoded where they are base64 and ignoring what is not, as UTF-8. */
    private static String leniently(jakarta.mail.Part part) throws MessagingException, IOException {
        InputStream raw = part instanceof MimeBodyPart body ? body.getRawInputStream()
                : part instanceof MimeMessage message ? message.getRawInputStream() : null;
        if (raw == null) {
            return "";
        }
        byte[] bytes;
        try (raw) {
            bytes = raw.readNBytes(MAX_TEXT_BYTES);
        }
        String encoding = part instanceof jakarta.mail.internet.MimePart mime ? mime.getEncoding() : null;
        if ("base64".equalsIgnoreCase(encoding)) {
            String alphabet = new String(bytes, StandardCharsets.US_ASCII).replaceAll("[^A-Za-z0-9+/]", "");
            bytes = java.util.Base64.getDecoder().decode(alphabet.substring(0, alphabet.length() / 4 * 4));
        }
        return new String(bytes, StandardCharsets.UTF_8);
    }

    /**
     * A mail's text as its ticket or message keeps it: whole when it fits; else its head, a line saying how much
     * follows, and the whole text (null when it fits) for {@link MailAttachments} to attach, so nothing a person
     * wrote is lost to the limit.
     */
    record Kept(String body, @Nullable String whole) {

        static Kept of(String text, int max) {
            if (text.length() <= max) {
                return new Kept(limit(text, max), null);
            }
            String head = limit(text, max - 120).stripTrailing();
            String note = "\n\n[The email goes on for " + (text.length() - head.length())
                    + " more characters: its whole text is attached as " + MailAttachments.WHOLE_TEXT + ".]";
            return new Kept(head + note, text);
        }
    }

    private static String clean(String text) {
        return CONTROL.matcher(text.replace("\r\n", "\n")).replaceAll("");
    }

    /**
     * At most {@code max} characters, cut before a split character pair, and without the direction controls a form
     * would refuse ({@link Text#withDirectionsClosed}): a mail is kept, not bounced, for a stray one.
     */
    private static String limit(String text, int max) {
        int end = text.length() <= max ? text.length()
                : Character.isHighSurrogate(text.charAt(max - 1)) ? max - 1 : max;
        return Text.withDirectionsClosed(text.substring(0, end));
    }
}
