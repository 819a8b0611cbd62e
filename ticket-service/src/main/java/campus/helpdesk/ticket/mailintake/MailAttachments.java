package campus.helpdesk.ticket.mailintake;

import campus.helpdesk.support.problem.HelpdeskProblem;
import campus.helpdesk.ticket.attachment.Attachments;
import campus.helpdesk.ticket.identity.Identity;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeUtility;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The files of a mail, each stored through {@link Attachments#upload} as if its sender had uploaded it: the same
 * type detection, size and count limits, metadata stripping and thumbnails. One refused or unreadable part is
 * skipped and named, never the end of the mail's ticket or message.
 */
@Singleton
class MailAttachments {

    /** The name under which the whole text of a mail too long for its ticket or message is attached. */
    static final String WHOLE_TEXT = "email.txt";

    private final Attachments attachments;

    MailAttachments(Attachments attachments) {
        this.attachments = attachments;
    }

    /**
     * Stores the files of {@code mail} under the ticket (or its message), then the mail's whole text when it was
     * too long to keep ({@code wholeText}, else null): the sender's own files come first within the limit of files
     * per place. What was skipped, one line each.
     */
    List<String> store(Identity sender, long ticketId, @Nullable Long messageId, Part mail, @Nullable String wholeText)
            throws MessagingException, IOException {
        List<Part> files = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        collect(mail, files, skipped, 0);
        for (Part file : files) {
            String name = name(file);
            try (InputStream body = file.getInputStream()) {
                attachments.upload(sender, ticketId, messageId, name, body);
            } catch (HelpdeskProblem refused) {
                skipped.add((name == null ? "(unnamed " + baseType(file) + ")" : name) + ": " + refused.getMessage());
            } catch (IOException | UncheckedIOException | MessagingException broken) {
                skipped.add((name == null ? "(unnamed " + baseType(file) + ")" : name)
                        + ": the part could not be read");
            }
        }
        if (wholeText != null) {
            String refused = storeWholeText(sender, ticketId, messageId, wholeText);
            if (refused != null) {
                skipped.add(refused);
            }
        }
        return skipped;
    }

    /**
     * Attaches a long mail's whole text unless it is there already: a mail read again after a crash between its
     * ticket's commit and this upload gets it then, since its ticket's text says it is attached. The line to list
     * in the intake's note when it is refused, else null.
     */
    @Nullable String storeWholeText(Identity sender, long ticketId, @Nullable Long messageId, String wholeText) {
        if (attachments.has(ticketId, messageId, WHOLE_TEXT)) {
            return null;
        }
        try {
            attachments.uploadText(sender, ticketId, messageId, WHOLE_TEXT, wholeText);
            return null;
        } catch (HelpdeskProblem refused) {
            return WHOLE_TEXT + " (the email's whole text): " + refused.getMessage();
        }
    }

    /**
     * A file is a leaf part that is not the mail's own text: one marked as an attachment, one with a file name
     * (inline pictures carry one), or anything that is not text, the whole mail included. Text leaves are the body.
     */
    private static void collect(Part part, List<Part> files, List<String> skipped, int depth)
            throws MessagingException, IOException {
        if (depth > MailIntake.MAX_DEPTH) {
            String said = "(parts nested deeper than " + MailIntake.MAX_DEPTH + " levels): not read";
            if (!skipped.contains(said)) {
                skipped.add(said);
            }
            return;
        }
        if (part.isMimeType("multipart/*")) {
            Multipart multipart = (Multipart) part.getContent();
            for (int i = 0; i < multipart.getCount(); i++) {
                BodyPart child = multipart.getBodyPart(i);
                collect(child, files, skipped, depth + 1);
            }
            return;
        }
        if (depth == 0 && part.isMimeType("text/*")) {
            return; // a single-part mail of text is its text; one of a scanner's PDF alone is a file
        }
        boolean attached = Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition());
        boolean named = part.getFileName() != null;
        if (attached || named || !part.isMimeType("text/*")) {
            files.add(part);
        }
    }

    private static @Nullable String name(Part part) throws MessagingException {
        String name = part.getFileName();
        if (name == null) {
            return null;
        }
        try {
            return MimeUtility.decodeText(name);
        } catch (java.io.UnsupportedEncodingException e) {
            return name;
        }
    }

    private static String baseType(Part part) throws MessagingException {
        String type = part.getContentType();
        return type == null ? "part" : type.split(";", 2)[0].strip();
    }
}
