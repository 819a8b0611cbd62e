package campus.helpdesk.ticket.mail;

import jakarta.inject.Singleton;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;

import java.nio.charset.StandardCharsets;
import java.util.Properties;

/** Sends one outbox row over SMTP as multipart/alternative (text, then HTML) with the row's own Message-ID. */
@Singleton
class SmtpTransport {

    /** A failure that another try cannot mend: the server refused the message or its recipient with a 5xx. */
    static final class PermanentFailure extends Exception {
        PermanentFailure(String message, Throwable cause) {
            super(message, cause);
        }
    }

    private final MailSettings settings;
    private final Session session;

    SmtpTransport(MailSettings settings) {
        this.settings = settings;
        Properties props = new Properties();
        props.put("mail.smtp.host", String.valueOf(settings.host()));
        props.put("mail.smtp.port", Integer.toString(settings.port()));
        props.put("mail.smtp.auth", Boolean.toString(settings.user() != null));
        props.put("mail.smtp.starttls.enable", Boolean.toString(settings.startTls()));
        props.put("mail.smtp.starttls.required", Boolean.toString(settings.startTls()));
        // A hung SMTP server must not hold a sender (and its claimed rows) for ever.
        props.put("mail.smtp.connectiontimeout", "5000");
        props.put("mail.smtp.timeout", "10000");
        props.put("mail.smtp.writetimeout", "10000");
        this.session = Session.getInstance(props);
    }

    void send(OutboxMail mail) throws MessagingException, PermanentFailure {
        MimeMessage message = new FixedIdMessage(session, mail.messageId());
        message.setFrom(new InternetAddress(settings.from()));
        message.setRecipients(Message.RecipientType.TO, InternetAddress.parse(mail.recipient(), true));
        if (mail.replyTo() != null) {
            message.setReplyTo(InternetAddress.parse(mail.replyTo()));
        }
        message.setSubject(mail.subject(), StandardCharsets.UTF_8.name());
        // Notifications are automatic: an auto-responder that honours RFC 3834 does not answer them.
        message.setHeader("Auto-Submitted", "auto-generated");
        // One thread per ticket in the reader's mail program, whichever mails of it arrive, in whatever order.
        message.setHeader("References", "<ticket-" + mail.ticketId() + "@" + settings.domain() + ">");
        MimeBodyPart text = new MimeBodyPart();
        text.setText(mail.text(), StandardCharsets.UTF_8.name(), "plain");
        MimeBodyPart html = new MimeBodyPart();
        html.setText(mail.html(), StandardCharsets.UTF_8.name(), "html");
        message.setContent(new MimeMultipart("alternative", text, html));
        try {
            Transport.send(message, settings.user(), settings.password());
        } catch (MessagingException e) {
            if (isPermanent(e)) {
                throw new PermanentFailure(e.getMessage(), e);
            }
            throw e;
        }
    }

    /** A 5xx reply to the message or to its recipient anywhere in the chain Jakarta Mail reports. */
    static boolean isPermanent(MessagingException e) {
        for (Exception next = e; next != null;
             next = next instanceof MessagingException m ? m.getNextException() : null) {
            int code = next instanceof SMTPSendFailedException s ? s.getReturnCode()
                    : next instanceof SMTPAddressFailedException a ? a.getReturnCode() : 0;
            if (code >= 500 && code < 600) {
                return true;
            }
        }
        return false;
    }

    /** Jakarta Mail sets a fresh Message-ID on every save; the outbox's must survive a resend. */
    private static final class FixedIdMessage extends MimeMessage {
        private final String messageId;

        FixedIdMessage(Session session, String messageId) {
            super(session);
            this.messageId = messageId;
        }

        @Override
        protected void updateMessageID() throws MessagingException {
            setHeader("Message-ID", messageId);
        }
    }
}
