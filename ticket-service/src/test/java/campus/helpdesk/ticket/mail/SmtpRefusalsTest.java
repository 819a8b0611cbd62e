package campus.helpdesk.ticket.mail;

import jakarta.mail.MessagingException;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import jakarta.mail.internet.InternetAddress;
import org.junit.jupiter.api.Test;

import java.net.ConnectException;

import static org.assertj.core.api.Assertions.assertThat;

/** Which SMTP failures another try cannot mend (a 5xx reply), and which it can (4xx, a server away). */
class SmtpRefusalsTest {

    @Test
    void aFiveHundredReplyIsPermanentAndAFourHundredOneIsNot() throws Exception {
        InternetAddress to = new InternetAddress("a@b.example");
        assertThat(SmtpTransport.isPermanent(new SMTPAddressFailedException(to, "RCPT TO", 550, "no such user")))
                .isTrue();
        assertThat(SmtpTransport.isPermanent(new SMTPSendFailedException("DATA", 554, "rejected", null,
                null, null, null))).isTrue();
        assertThat(SmtpTransport.isPermanent(new SMTPAddressFailedException(to, "RCPT TO", 450, "mailbox busy")))
                .isFalse();
        MessagingException wrapped = new MessagingException("send failed");
        wrapped.setNextException(new SMTPAddressFailedException(to, "RCPT TO", 553, "not allowed"));
        assertThat(SmtpTransport.isPermanent(wrapped)).as("found in the chain").isTrue();
        assertThat(SmtpTransport.isPermanent(new MessagingException("Couldn't connect", new ConnectException())))
                .isFalse();
    }
}
