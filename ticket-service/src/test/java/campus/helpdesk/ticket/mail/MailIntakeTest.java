package campus.helpdesk.ticket.mail;

import campus.helpdesk.api.Text;
import campus.helpdesk.api.Ticket;
import campus.helpdesk.api.TicketStatus;
import campus.helpdesk.ticket.Api;
import campus.helpdesk.ticket.FreePort;
import campus.helpdesk.ticket.attachment.TestFiles;
import campus.helpdesk.ticket.mailintake.MailPoller;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Email intake against GreenMail as both servers: mails are delivered to the desk's IMAP mailbox, the poller (run
 * by hand here) reads them, and its answers go out over SMTP. A mail's files go through the attachments feature:
 * what it refuses is skipped and named in an internal note.
 */
@MicronautTest(transactional = false)
class MailIntakeTest extends MailTest {

    private static final String DESK = "helpdesk@campus.test";
    private final int imapPort = FreePort.belowTheEphemeralRange();
    private com.icegreen.greenmail.user.GreenMailUser desk;

    @Inject
    MailPoller poller;

    @Override
    protected void startSmtp() {
        smtp = new GreenMail(new ServerSetup[]{
                new ServerSetup(smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP),
                new ServerSetup(imapPort, "127.0.0.1", ServerSetup.PROTOCOL_IMAP)});
        desk = smtp.setUser(DESK, "desk", "secret");
        smtp.start();
    }

    @Override
    protected Map<String, String> mailProperties() {
        return Map.of("helpdesk.imap.host", "127.0.0.1", "helpdesk.imap.port", String.valueOf(imapPort),
                "helpdesk.imap.user", "desk", "helpdesk.imap.password", "secret", "helpdesk.imap.tls", "false",
                "helpdesk.imap.poller.enabled", "false");
    }

    private MimeMessage mail(String from, String to, String subject, String body, Map<String, String> headers)
            throws Exception {
        MimeMessage m = new MimeMessage(Session.getInstance(new Properties()));
        m.setFrom(new InternetAddress(from));
        m.setRecipients(Message.RecipientType.TO, InternetAddress.parse(to));
        m.setSubject(subject);
        m.setText(body, "UTF-8");
        for (var h : headers.entrySet()) {
            m.setHeader(h.getKey(), h.getValue());
        }
        m.saveChanges();
        return m;
    }

    private void deliver(MimeMessage m) {
        desk.deliver(m);
    }

    private long count(String sql, Object arg) throws Exception {
        try (Connection c = sql(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setObject(1, arg);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private String token(long ticketId) throws Exception {
        try (Connection c = sql(); PreparedStatement ps = c.prepareStatement(
                "SELECT reply_token FROM ticket_contact WHERE ticket_id = ?")) {
            ps.setLong(1, ticketId);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getString(1);
            }
        }
    }

    @Test
    void aNewMailOpensOneTicketEvenWhenSeenTwice() throws Exception {
        MimeMessage m = mail("Bea Student <bea@students.campus.test>", DESK, "Printer in C3 jams",
                "The printer in room C3 jams on every page.", Map.of());
        deliver(m);
        poller.pollOnce();
        long tickets = count("SELECT count(*) FROM tickets WHERE reporter_name = ?", "Bea Student");
        assertThat(tickets).isEqualTo(1);
        // The same mail again (a crash before \Seen, or another copy): still one ticket.
        deliver(m);
        poller.pollOnce();
        assertThat(count("SELECT count(*) FROM tickets WHERE reporter_name = ?", "Bea Student")).isEqualTo(1);
        // A crash after the ticket's commit but before its mail_intake row: the ticket's idempotency key holds.
        try (Connection c = sql(); PreparedStatement ps = c.prepareStatement("DELETE FROM mail_intake")) {
            ps.executeUpdate();
        }
        deliver(m);
        poller.pollOnce();
        assertThat(count("SELECT count(*) FROM tickets WHERE reporter_name = ?", "Bea Student")).isEqualTo(1);
        assertThat(count("SELECT count(*) FROM ticket_contact k JOIN tickets t ON t.id = k.ticket_id "
                + "WHERE t.reporter_name = ? AND k.email = 'bea@students.campus.test'", "Bea Student")).isEqualTo(1);
        assertThat(count("SELECT count(*) FROM tickets WHERE reporter_name = ? AND title = 'Printer in C3 jams' "
                + "AND description LIKE 'The printer in room C3%'", "Bea Student")).isEqualTo(1);
    }

    @Test
    void aMailWithAnOpenDirectionControlIsFiledWithoutItAndAClosedOneIsKept() throws Exception {
        // A form refuses an override left open (it turns the text after it around); a mail is filed, not bounced.
        deliver(mail("Dan Student <dan@students.campus.test>", DESK, "invoice\u202Efdp.exe",
                "Please open \u2067\u05E9\u05DC\u05D5\u05DD\u2069 and the \u202Btail", Map.of()));
        poller.pollOnce();
        try (Connection c = sql(); PreparedStatement ps = c.prepareStatement(
                "SELECT title, description FROM tickets WHERE reporter_name = 'Dan Student'");
             ResultSet rs = ps.executeQuery()) {
            assertThat(rs.next()).as("the mail was filed").isTrue();
            assertThat(rs.getString(1)).isEqualTo("invoicefdp.exe");
            assertThat(rs.getString(2)).isEqualTo("Please open \u2067\u05E9\u05DC\u05D5\u05DD\u2069 and the tail");
            assertThat(rs.getString(1) + rs.getString(2)).matches(Text.PLAIN);
        }
    }

    @Test
    void aReplyLandsAsAMessageWithoutItsQuotedHistory() throws Exception {
        String to = "ada@students.campus.test";
        Ticket ticket = report(Api.As.student("Ada Reply"), "Beamer broken in A1", "No image at all.", to);
        move(ticket.id(), TicketStatus.ACTIVE);
        await("the mail", Duration.ofSeconds(10), unchecked(() -> mailTo(to).size() == 1));
        String replyTo = mailTo(to).get(0).getReplyTo()[0].toString();
        assertThat(mailTo(to).get(0).getHeader("References")).as("one thread per ticket")
                .containsExactly("<ticket-" + ticket.id() + "@campus.test>");
        assertThat(replyTo).contains("helpdesk+t-" + token(ticket.id()) + "@campus.test");
        deliver(mail(to, replyTo, "Re: " + mailTo(to).get(0).getSubject(),
                "It works again, thanks!\n\n-- \nAda\n\nOn Tue, 1 Dec 2026, Campus Helpdesk wrote:\n> Your ticket",
                Map.of()));
        poller.pollOnce();
        Api.Answer messages = api.get(STAFF, "/api/tickets/" + ticket.id() + "/messages");
        assertThat(messages.raw.body()).contains("It works again, thanks!").contains("Ada Reply")
                .doesNotContain("Your ticket").doesNotContain("wrote");
    }

    @Test
    void aReplyToAClosedTicketGetsOnePoliteAnswerAndChangesNothing() throws Exception {
        String to = "cleo@students.campus.test";
        Ticket ticket = report(Api.As.student("Cleo"), "No wifi in B2", "Eduroam drops.", to);
        move(ticket.id(), TicketStatus.ACTIVE);
        move(ticket.id(), TicketStatus.CLOSED);
        String address = "helpdesk+t-" + token(ticket.id()) + "@campus.test";
        MimeMessage reply = mail(to, address, "Re: closed", "Still broken!", Map.of());
        deliver(reply);
        poller.pollOnce();
        deliver(reply);
        poller.pollOnce();
        await("the polite answer", Duration.ofSeconds(10), unchecked(() -> mailTo(to).size() == 3));
        Thread.sleep(500);
        assertThat(mailTo(to)).hasSize(3);
        assertThat(mailTo(to).get(2).getSubject()).contains("your reply was not added");
        assertThat(count("SELECT count(*) FROM ticket_message WHERE ticket_id = ?", ticket.id())).isZero();
        assertThat(api.get(STAFF, "/api/tickets/" + ticket.id()).raw.body()).contains("CLOSED");
    }

    @Test
    void anAutoReplyIsNeverAnsweredNorFiled() throws Exception {
        String to = "dan@students.campus.test";
        Ticket ticket = report(Api.As.student("Dan"), "Moodle down", "Cannot log in.", to);
        move(ticket.id(), TicketStatus.ACTIVE);
        move(ticket.id(), TicketStatus.CLOSED);
        String address = "helpdesk+t-" + token(ticket.id()) + "@campus.test";
        deliver(mail(to, address, "Out of office", "I am away.", Map.of("Auto-Submitted", "auto-replied")));
        deliver(mail("MAILER-DAEMON@students.campus.test", DESK, "Undelivered", "Bounce.", Map.of()));
        deliver(mail("Robot <robot@campus.test>", DESK, "Weekly digest", "News.", Map.of("Precedence", "bulk")));
        deliver(mail(DESK, DESK, "Our own", "Loop.", Map.of()));
        poller.pollOnce();
        Thread.sleep(1000);
        assertThat(mailTo(to)).hasSize(2);
        assertThat(mailTo("robot@campus.test")).isEmpty();
        assertThat(count("SELECT count(*) FROM mail_intake WHERE outcome IN ('AUTOMATIC', 'OWN') AND ?::int = 1", 1))
                .isEqualTo(4);
        assertThat(count("SELECT count(*) FROM tickets WHERE title IN ('Out of office', 'Undelivered', "
                + "'Weekly digest', 'Our own') AND ?::int = 1", 1)).isZero();
    }

    /** A mail with its text and files, as a mail client attaches them. */
    private MimeMessage mailWithFiles(String from, String to, String subject, String body, Map<String, byte[]> files)
            throws Exception {
        MimeMessage m = new MimeMessage(Session.getInstance(new Properties()));
        m.setFrom(new InternetAddress(from));
        m.setRecipients(Message.RecipientType.TO, InternetAddress.parse(to));
        m.setSubject(subject);
        MimeMultipart parts = new MimeMultipart("mixed");
        MimeBodyPart text = new MimeBodyPart();
        text.setText(body, "UTF-8");
        parts.addBodyPart(text);
        for (var file : files.entrySet()) {
            MimeBodyPart part = new MimeBodyPart();
            part.setContent(file.getValue(), "application/octet-stream");
            part.setFileName(file.getKey());
            part.setDisposition(jakarta.mail.Part.ATTACHMENT);
            parts.addBodyPart(part);
        }
        m.setContent(parts);
        m.saveChanges();
        return m;
    }

    private static final byte[] PDF = ("%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n"
            + "%%EOF\n").getBytes(java.nio.charset.StandardCharsets.US_ASCII);

    private long ticketOf(String reporter) throws Exception {
        try (Connection c = sql(); PreparedStatement ps = c.prepareStatement(
                "SELECT id FROM tickets WHERE reporter_name = ?")) {
            ps.setString(1, reporter);
            try (ResultSet rs = ps.executeQuery()) {
                assertThat(rs.next()).as("a ticket of " + reporter).isTrue();
                return rs.getLong(1);
            }
        }
    }

    /** The stored files under a ticket: name, type, message and content, in the order they were stored. */
    private List<Map<String, Object>> files(long ticketId) throws Exception {
        try (Connection c = sql(); PreparedStatement ps = c.prepareStatement("""
                SELECT a.name, a.type, a.message_id, a.thumbnail IS NOT NULL AS thumbnail,
                       (SELECT string_agg(encode(k.bytes, 'hex'), '' ORDER BY k.seq) FROM attachment_chunk k
                        WHERE k.attachment_id = a.id) AS hex
                FROM attachment a WHERE a.ticket_id = ? ORDER BY a.id""")) {
            ps.setLong(1, ticketId);
            List<Map<String, Object>> rows = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Map<String, Object> row = new HashMap<>();
                    row.put("name", rs.getString("name"));
                    row.put("type", rs.getString("type"));
                    row.put("message", rs.getObject("message_id"));
                    row.put("thumbnail", rs.getBoolean("thumbnail"));
                    row.put("bytes", HexFormat.of().parseHex(rs.getString("hex")));
                    rows.add(row);
                }
            }
            return rows;
        }
    }

    @Test
    void aNewMailsPhotoAndPdfAreAttachedWithoutTheGpsAndAnExecutableIsSkippedAndSaid() throws Exception {
        byte[] photo = TestFiles.photoWithGps(400, 300, 1);
        assertThat(TestFiles.contains(photo, TestFiles.GPS_LATITUDE_REF)).isTrue();
        Map<String, byte[]> attached = new LinkedHashMap<>();
        attached.put("radiator.jpg", photo);
        attached.put("invoice.pdf", PDF);
        attached.put("fix-heating.exe", TestFiles.elfExecutable());
        deliver(mailWithFiles("Gil Files <gil@students.campus.test>", DESK, "Radiator leaks in G1",
                "Water on the floor, photo and the invoice attached.", attached));
        poller.pollOnce();

        long ticket = ticketOf("Gil Files");
        List<Map<String, Object>> stored = files(ticket);
        assertThat(stored).extracting(f -> f.get("name")).containsExactly("radiator.jpg", "invoice.pdf");
        assertThat(stored).extracting(f -> f.get("type")).containsExactly("image/jpeg", "application/pdf");
        assertThat(stored).extracting(f -> f.get("message")).containsOnlyNulls();
        assertThat(stored.get(0).get("thumbnail")).isEqualTo(true);
        assertThat(TestFiles.contains((byte[]) stored.get(0).get("bytes"), TestFiles.GPS_LATITUDE_REF)).isFalse();
        assertThat((byte[]) stored.get(1).get("bytes")).isEqualTo(PDF);
        assertThat(api.get(STAFF, "/api/tickets/" + ticket).raw.body())
                .contains("Water on the floor").doesNotContain("fix-heating");

        Api.Answer staffSees = api.get(STAFF, "/api/tickets/" + ticket + "/messages");
        assertThat(staffSees.raw.body()).contains("fix-heating.exe").contains("cannot be attached")
                .contains("Email intake");
        assertThat(api.get(Api.As.student("Gil Files"), "/api/tickets/" + ticket + "/messages").raw.body())
                .as("the note is internal").doesNotContain("fix-heating");
        assertThat(api.get(Api.As.student("Gil Files"), "/api/tickets/" + ticket + "/attachments").raw.body())
                .contains("radiator.jpg").contains("invoice.pdf");
    }

    @Test
    void aRepliesFileGoesUnderItsMessageAndAMailReadTwiceStoresItOnce() throws Exception {
        String to = "hal@students.campus.test";
        Ticket ticket = report(Api.As.student("Hal Reply"), "Window broken in H2", "The window does not close.", to);
        move(ticket.id(), TicketStatus.ACTIVE);
        String address = "helpdesk+t-" + token(ticket.id()) + "@campus.test";
        MimeMessage reply = mailWithFiles(to, address, "Re: window", "Here is a photo.",
                Map.of("window.jpg", TestFiles.photoWithGps(200, 100, 1)));
        deliver(reply);
        poller.pollOnce();
        deliver(reply);
        poller.pollOnce();
        try (Connection c = sql(); PreparedStatement ps = c.prepareStatement("DELETE FROM mail_intake")) {
            ps.executeUpdate();
        }
        deliver(reply);
        poller.pollOnce();

        List<Map<String, Object>> stored = files(ticket.id());
        assertThat(stored).extracting(f -> f.get("name")).containsExactly("window.jpg");
        assertThat(stored.get(0).get("message")).isNotNull();
        assertThat(count("SELECT count(*) FROM ticket_message WHERE id = ? AND body = 'Here is a photo.'",
                stored.get(0).get("message"))).isEqualTo(1);
        assertThat(TestFiles.contains((byte[]) stored.get(0).get("bytes"), TestFiles.GPS_LATITUDE_REF)).isFalse();
    }

    @Test
    void aMailLongerThanItsTicketOrMessageKeepsIsCutWithANoteAndAttachedWhole() throws Exception {
        // Begins like a mail's headers (pasted from another mail), which a type detector takes for message/rfc822.
        String story = "Message-ID: <pasted@example.org>\nRoom K4 has had no heating since Monday. ".repeat(250);
        MimeMessage long1 = mail("Kim Long <kim@students.campus.test>", DESK, "Heating in K4", story, Map.of());
        deliver(long1);
        poller.pollOnce();
        long ticket = ticketOf("Kim Long");
        String description = api.get(STAFF, "/api/tickets/" + ticket).as(Ticket.class).description();
        assertThat(description).hasSizeLessThanOrEqualTo(10_000).startsWith("Message-ID: <pasted@example.org>")
                .contains("more characters: its whole text is attached as email.txt");
        List<Map<String, Object>> stored = files(ticket);
        assertThat(stored).extracting(f -> f.get("name")).containsExactly("email.txt");
        assertThat(stored).extracting(f -> f.get("type")).containsExactly("text/plain");
        assertThat(new String((byte[]) stored.get(0).get("bytes"), StandardCharsets.UTF_8)).isEqualTo(story.strip());
        // A crash after the ticket's commit, before its file: the mail read again attaches it, once.
        execute("DELETE FROM attachment WHERE ticket_id = " + ticket);
        execute("DELETE FROM mail_intake");
        deliver(long1);
        poller.pollOnce();
        deliver(long1);
        poller.pollOnce();
        assertThat(count("SELECT count(*) FROM tickets WHERE reporter_name = ?", "Kim Long")).isEqualTo(1);
        assertThat(files(ticket)).extracting(f -> f.get("name")).containsExactly("email.txt");

        Ticket replied = report(Api.As.student("Kim Reply"), "Door of K5 stuck", "It does not open.",
                "kimr@students.campus.test");
        move(replied.id(), TicketStatus.ACTIVE);
        String reply = "Still stuck, here is what happened: " + "the handle turns but nothing moves. ".repeat(200);
        deliver(mail("kimr@students.campus.test", "helpdesk+t-" + token(replied.id()) + "@campus.test", "Re: door",
                reply, Map.of()));
        poller.pollOnce();
        List<Map<String, Object>> underReply = files(replied.id());
        assertThat(underReply).extracting(f -> f.get("name")).containsExactly("email.txt");
        assertThat(underReply.get(0).get("message")).isNotNull();
        assertThat(new String((byte[]) underReply.get(0).get("bytes"), StandardCharsets.UTF_8)).isEqualTo(reply.strip());
        assertThat(count("SELECT count(*) FROM ticket_message WHERE id = ? AND length(body) <= 5000 "
                + "AND body LIKE 'Still stuck%attached as email.txt.]'", underReply.get(0).get("message"))).isEqualTo(1);
    }

    @Test
    void filesBeyondTheLimitAreSkippedButTheTicketIsMade() throws Exception {
        Map<String, byte[]> attached = new LinkedHashMap<>();
        for (int i = 1; i <= 6; i++) {
            attached.put("page-" + i + ".pdf", PDF);
        }
        deliver(mailWithFiles("Ivy Many <ivy@students.campus.test>", DESK, "Scanned form", "Six pages.", attached));
        poller.pollOnce();
        long ticket = ticketOf("Ivy Many");
        assertThat(files(ticket)).hasSize(5);
        assertThat(api.get(STAFF, "/api/tickets/" + ticket + "/messages").raw.body()).contains("page-6.pdf")
                .contains("at most 5 files");
    }

    @Test
    void aMailThatFailsForTheMomentStaysUnseenAndIsTakenInNextRound() throws Exception {
        deliver(mail("Jon Waiting <jon@students.campus.test>", DESK, "Heating in D2 is off",
                "The heating in room D2 is off since this morning.", Map.of()));
        // The intake's table away for a moment (a migration, a restore): the round fails.
        execute("ALTER TABLE mail_intake RENAME TO mail_intake_away");
        try {
            poller.pollOnce();
        } finally {
            execute("ALTER TABLE mail_intake_away RENAME TO mail_intake");
        }
        assertThat(unseen()).as("left unseen for the next round").isOne();
        assertThat(count("SELECT count(*) FROM tickets WHERE reporter_name = ?", "Jon Waiting")).isZero();

        poller.pollOnce();
        assertThat(count("SELECT count(*) FROM tickets WHERE reporter_name = ?", "Jon Waiting")).isOne();
        assertThat(unseen()).isZero();
    }

    @Test
    void aLongNameAndAnUnknownCharsetStillOpenATicket() throws Exception {
        String name = "Prof. Dr. Maria Giovanna Bianchi-Rossi (Dipartimento di Ingegneria dell Informazione)";
        deliver(raw("From: \"" + name + "\" <m.bianchi@example.org>\r\nTo: " + DESK + "\r\n"
                + "Subject: Projector in aula 3 is dead\r\nMessage-ID: <long-name@example.org>\r\n"
                + "Content-Type: text/plain; charset=x-bogus-9\r\n\r\nThe projector in aula 3 does not start.\r\n"));
        poller.pollOnce();
        long ticket = ticketOf(name.substring(0, 80));
        assertThat(api.get(STAFF, "/api/tickets/" + ticket).raw.body()).contains("The projector in aula 3 does not start.");
        assertThat(unseen()).isZero();
    }

    @Test
    void accentedTextInAnUnknownCharsetAndBrokenBase64StillReadAsTheirWords() throws Exception {
        String words = "Il proiettore dell'aula 5 è spento, perché?";
        String base64 = java.util.Base64.getMimeEncoder().encodeToString(
                words.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        deliver(raw("From: Eva Accent <eva@example.org>\r\nTo: " + DESK + "\r\nSubject: Aula 5\r\n"
                + "Message-ID: <unknown-charset@example.org>\r\nContent-Type: text/plain; charset=x-unknown-8\r\n"
                + "Content-Transfer-Encoding: base64\r\n\r\n" + base64 + "\r\n"));
        // A line of base64 broken by a stray character and cut short.
        deliver(raw("From: Ugo Broken <ugo@example.org>\r\nTo: " + DESK + "\r\nSubject: Aula 6\r\n"
                + "Message-ID: <broken-base64@example.org>\r\nContent-Type: text/plain; charset=utf-8\r\n"
                + "Content-Transfer-Encoding: base64\r\n\r\n" + base64.substring(0, 8) + "*" + base64.substring(8)
                + "=\r\n"));
        poller.pollOnce();
        assertThat(api.get(STAFF, "/api/tickets/" + ticketOf("Eva Accent")).raw.body()).contains(words);
        assertThat(api.get(STAFF, "/api/tickets/" + ticketOf("Ugo Broken")).raw.body()).contains("Il proiettore");
        assertThat(unseen()).isZero();
    }

    @Test
    void aMailThatNamesNoSenderIsStillFiledAndOneWithOnlyAReplyToIsTheirs() throws Exception {
        deliver(raw("To: " + DESK + "\r\nSubject: Projector in N2\r\nMessage-ID: <no-from@example.org>\r\n"
                + "Content-Type: text/plain\r\n\r\nThe projector in N2 shows no picture.\r\n"));
        deliver(raw("Reply-To: Ola Reply <ola@example.org>\r\nTo: " + DESK + "\r\nSubject: Blinds in N3\r\n"
                + "Message-ID: <reply-to-only@example.org>\r\nContent-Type: text/plain\r\n\r\nThe blinds are stuck.\r\n"));
        // A good From beside a Reply-To and a Sender that cannot be parsed: the From's ticket.
        deliver(raw("From: Pia Good <pia@example.org>\r\nReply-To: a@b, <<bad\r\nSender: <<<@@@>>>\r\nTo: " + DESK
                + "\r\nSubject: Door N4\r\nMessage-ID: <bad-reply-to@example.org>\r\nContent-Type: text/plain\r\n"
                + "\r\nThe door of N4 does not lock.\r\n"));
        poller.pollOnce();
        assertThat(count("SELECT count(*) FROM tickets WHERE reporter_name = ? AND title = 'Projector in N2'",
                "(unknown sender)")).isEqualTo(1);
        assertThat(count("SELECT count(*) FROM ticket_contact k JOIN tickets t ON t.id = k.ticket_id "
                + "WHERE t.title = 'Blinds in N3' AND t.reporter_name = ? AND k.email = 'ola@example.org'",
                "Ola Reply")).isEqualTo(1);
        assertThat(count("SELECT count(*) FROM tickets WHERE reporter_name = ? AND title = 'Door N4'", "Pia Good"))
                .isEqualTo(1);
        assertThat(unseen()).isZero();
    }

    @Test
    void partsNestedPastTheDepthReadAreNamedInTheIntakesNote() throws Exception {
        StringBuilder body = new StringBuilder("Content-Type: text/plain\r\n\r\nThe lift in L1 is stuck.\r\n");
        for (int level = 25; level > 0; level--) {
            body = new StringBuilder("Content-Type: multipart/mixed; boundary=\"b" + level + "\"\r\n\r\n--b" + level
                    + "\r\n" + body + "--b" + level + "--\r\n");
        }
        deliver(raw("From: Lia Deep <lia@example.org>\r\nTo: " + DESK + "\r\nSubject: Lift L1\r\n"
                + "Message-ID: <deep@example.org>\r\nMIME-Version: 1.0\r\n" + body));
        poller.pollOnce();
        long ticket = ticketOf("Lia Deep");
        assertThat(api.get(STAFF, "/api/tickets/" + ticket + "/messages").raw.body())
                .contains("nested deeper than 20 levels").contains("Email intake");
    }

    @Test
    void aMailThatFailsForWhatItIsIsGivenUpAfterItsAttemptsAndLeftInTheMailbox() throws Exception {
        // The intake itself reads such a From leniently; it is the IMAP server that cannot build this mail's envelope,
        // every round, which is the failure a mail's own form causes.
        deliver(raw("From: \"Broken <broken@example.org>\r\nTo: " + DESK + "\r\nSubject: Broken sender\r\n"
                + "Message-ID: <broken-sender@example.org>\r\nContent-Type: text/plain\r\n\r\nHello\r\n"));
        for (int round = 1; round < MailPoller.ATTEMPTS; round++) {
            poller.pollOnce();
            assertThat(unseen()).as("tried again after round " + round).isOne();
        }
        poller.pollOnce();
        assertThat(unseen()).as("given up").isZero();
        assertThat(inMailbox("<broken-sender@example.org>")).as("still in the mailbox").isTrue();
    }

    @Test
    void aStaffMembersReplyToTheirNotificationIsNeverFiledSoTheNotesItQuotesStayInternal() throws Exception {
        Api.As sam = Api.As.staff("Sam Mailer");
        String to = "sam@staff.campus.test";
        Map<String, Object> setting = new HashMap<>();
        setting.put("email", to);
        setting.put("enabled", true);
        assertThat(api.send(sam, "PUT", "/api/tickets/notifications/me", setting, Map.of()).status).isEqualTo(200);
        Ticket ticket = report(Api.As.student("Tom Quoted"), "Exam room too cold", "It is freezing in K1.",
                "tom@students.campus.test");
        assertThat(api.post(sam, "/api/tickets/" + ticket.id() + "/status", Map.of("status", "ACTIVE")).status)
                .isEqualTo(200);
        say(STAFF, ticket.id(), "INTERNAL: grant extra time, file 4711", true);
        await("the assignee's mail", Duration.ofSeconds(10), unchecked(() -> mailTo(to).size() == 1));
        MimeMessage notification = mailTo(to).get(0);
        assertThat(((MimeMultipart) notification.getContent()).getBodyPart(0).getContent().toString())
                .contains("a reply to this email is not added");

        deliver(mail("Sam Mailer <" + to + ">", DESK, "Re: " + notification.getSubject(),
                "OK, I will handle it tomorrow.\n\n> Carla Staff:\n> INTERNAL: grant extra time, file 4711",
                Map.of("In-Reply-To", notification.getMessageID())));
        poller.pollOnce();

        assertThat(count("SELECT count(*) FROM tickets WHERE description LIKE ?", "%4711%")).isZero();
        assertThat(count("SELECT count(*) FROM ticket_message WHERE body LIKE ?", "%tomorrow%")).isZero();
        assertThat(count("SELECT count(*) FROM mail_intake WHERE outcome = ?", "STAFF_REPLY")).isEqualTo(1);
    }

    @Test
    void aReplyWithTheTokenFromAnotherAddressIsHeldForStaffAndAStrangerIsNeverAnswered() throws Exception {
        String to = "ann@students.campus.test";
        Api.As ann = Api.As.student("Ann Token");
        Ticket ticket = report(ann, "Projector in F1", "No signal at all.", to);
        String address = "helpdesk+t-" + token(ticket.id()) + "@campus.test";
        deliver(mail("Mallory <mallory@evil.test>", address, "Re: Projector",
                "Please send the new password to mallory@evil.test", Map.of()));
        deliver(mail("Ann <ANN@students.campus.test>", address, "Re: Projector", "Still no signal today.", Map.of()));
        poller.pollOnce();

        assertThat(api.get(ann, "/api/tickets/" + ticket.id() + "/messages").raw.body())
                .contains("Still no signal today.").doesNotContain("mallory");
        assertThat(api.get(STAFF, "/api/tickets/" + ticket.id() + "/messages").raw.body())
                .contains("mallory@evil.test").contains("not the reporter's address").contains("Email intake");

        move(ticket.id(), TicketStatus.ACTIVE);
        move(ticket.id(), TicketStatus.CLOSED);
        deliver(mail("Mallory <mallory@evil.test>", address, "Re: Projector", "Tell me its title", Map.of()));
        poller.pollOnce();
        Thread.sleep(1000);
        assertThat(mailTo("mallory@evil.test")).as("a stranger learns nothing of the ticket").isEmpty();
    }

    @Test
    void sendersWrittenLooselyStillOpenTicketsAndAnAddressIsNeverShownAsTheReportersName() throws Exception {
        deliver(raw("From: John Smith\r\nTo: " + DESK + "\r\nSubject: Lamp broken in G2\r\n"
                + "Message-ID: <loose-1@example.org>\r\nContent-Type: text/plain\r\n\r\nThe lamp flickers.\r\n"));
        deliver(raw("From: <>\r\nSender: Real Person <real@uni.test>\r\nTo: " + DESK + "\r\nSubject: Door stuck\r\n"
                + "Message-ID: <loose-2@example.org>\r\nContent-Type: text/plain\r\n\r\nThe door of H1.\r\n"));
        deliver(raw("From: Idn <user@münchen.test>\r\nTo: " + DESK + "\r\nSubject: Café über 😀\r\n"
                + "Message-ID: <loose-3@example.org>\r\nContent-Type: text/plain; charset=utf-8\r\n\r\nKalt.\r\n"));
        deliver(raw("From: grace.hopper.private@gmail.test\r\nTo: " + DESK + "\r\nSubject: Wifi in L1\r\n"
                + "Message-ID: <loose-4@example.org>\r\nContent-Type: text/plain\r\n\r\nNo wifi.\r\n"));
        poller.pollOnce();

        ticketOf("John Smith");
        ticketOf("Real Person");
        long idn = ticketOf("Idn");
        assertThat(count("SELECT count(*) FROM tickets WHERE title = ?", "Café über 😀")).isEqualTo(1);
        try (Connection c = sql(); PreparedStatement ps = c.prepareStatement(
                "SELECT email FROM ticket_contact WHERE ticket_id = ?")) {
            ps.setLong(1, idn);
            try (ResultSet rs = ps.executeQuery()) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString(1)).isEqualTo("user@xn--mnchen-3ya.test");
            }
        }
        ticketOf("grace.hopper.private");

        // The reporter's reply from the international address is theirs, though the desk keeps its ASCII form.
        deliver(raw("From: Idn <user@münchen.test>\r\nTo: helpdesk+t-" + token(idn) + "@campus.test\r\n"
                + "Subject: Re: Heizung\r\nMessage-ID: <loose-5@example.org>\r\nContent-Type: text/plain; "
                + "charset=utf-8\r\n\r\nImmer noch kalt.\r\n"));
        poller.pollOnce();
        assertThat(api.get(Api.As.student("Idn"), "/api/tickets/" + idn + "/messages").raw.body())
                .contains("Immer noch kalt.");
        assertThat(count("SELECT count(*) FROM tickets WHERE reporter_name LIKE ?", "%@gmail.test%")).isZero();
    }

    @Test
    void aScannersPdfAloneIsAttachedAndTextAfterAPictureIsKept() throws Exception {
        deliver(raw("From: Scanner <scanner@uni.test>\r\nTo: " + DESK + "\r\nSubject: Scan of the form\r\n"
                + "Message-ID: <scan-1@example.org>\r\nContent-Type: application/pdf; name=scan.pdf\r\n"
                + "Content-Transfer-Encoding: base64\r\n\r\n" + java.util.Base64.getMimeEncoder().encodeToString(PDF)
                + "\r\n"));
        MimeMessage apple = new MimeMessage(Session.getInstance(new Properties()));
        apple.setFrom(new InternetAddress("Pia Pictures <pia@students.campus.test>"));
        apple.setRecipients(Message.RecipientType.TO, InternetAddress.parse(DESK));
        apple.setSubject("Crack in the wall of M2");
        MimeMultipart parts = new MimeMultipart("mixed");
        MimeBodyPart before = new MimeBodyPart();
        before.setText("The crack is here:", "UTF-8");
        MimeBodyPart picture = new MimeBodyPart();
        picture.setContent(TestFiles.photoWithGps(200, 100, 1), "image/jpeg");
        picture.setFileName("crack.jpg");
        picture.setDisposition(jakarta.mail.Part.INLINE);
        MimeBodyPart after = new MimeBodyPart();
        after.setText("It got longer since Monday.", "UTF-8");
        parts.addBodyPart(before);
        parts.addBodyPart(picture);
        parts.addBodyPart(after);
        apple.setContent(parts);
        apple.saveChanges();
        deliver(apple);
        poller.pollOnce();

        assertThat(files(ticketOf("Scanner"))).extracting(f -> f.get("name")).containsExactly("scan.pdf");
        long pia = ticketOf("Pia Pictures");
        assertThat(api.get(STAFF, "/api/tickets/" + pia).raw.body()).contains("The crack is here:")
                .contains("It got longer since Monday.");
        assertThat(files(pia)).extracting(f -> f.get("name")).containsExactly("crack.jpg");
    }

    @Test
    void outOfOfficeRepliesOfEveryKindAreNeitherAnsweredNorFiled() throws Exception {
        String to = "otto@students.campus.test";
        Ticket ticket = report(Api.As.student("Otto Away"), "Heating in P1", "Cold.", to);
        move(ticket.id(), TicketStatus.ACTIVE);
        move(ticket.id(), TicketStatus.CLOSED);
        String address = "helpdesk+t-" + token(ticket.id()) + "@campus.test";
        deliver(mail(to, address, "Re: Heating", "Away.", Map.of("Precedence", "auto_reply")));
        deliver(mail(to, address, "Re: Heating", "Away.", Map.of("X-Loop", DESK)));
        deliver(mail(to, address, "Re: Heating", "Forwarded by my own rule.", Map.of("X-Loop", to)));
        deliver(mail(to, address, "Automatic reply: Heating in P1", "Away until Monday.", Map.of()));
        deliver(mail(to, address, "Abwesenheitsnotiz: Heizung", "Bis Montag weg.", Map.of()));
        deliver(mail(to, address, "Re: Heating", "It is a person.", Map.of("Auto-Submitted", "no (a person)")));
        poller.pollOnce();
        await("the polite answers", Duration.ofSeconds(10), unchecked(() -> mailTo(to).size() == 4));
        Thread.sleep(1000);
        assertThat(mailTo(to)).as("taken, closed, and an answer to each of the person's two mails").hasSize(4);
        assertThat(count("SELECT count(*) FROM mail_intake WHERE outcome = ?", "AUTOMATIC")).isEqualTo(4);
    }

    private MimeMessage raw(String text) throws Exception {
        return new MimeMessage(Session.getInstance(new Properties()),
                new java.io.ByteArrayInputStream(text.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    }

    private void execute(String statement) throws Exception {
        try (Connection c = sql(); PreparedStatement ps = c.prepareStatement(statement)) {
            ps.execute();
        }
    }

    private long unseen() throws Exception {
        return smtp.getManagers().getImapHostManager().getInbox(desk).getMessages().stream()
                .filter(m -> !m.isSet(jakarta.mail.Flags.Flag.SEEN)).count();
    }

    private boolean inMailbox(String messageId) throws Exception {
        for (var stored : smtp.getManagers().getImapHostManager().getInbox(desk).getMessages()) {
            if (messageId.equals(stored.getMimeMessage().getMessageID())) {
                return true;
            }
        }
        return false;
    }
}
