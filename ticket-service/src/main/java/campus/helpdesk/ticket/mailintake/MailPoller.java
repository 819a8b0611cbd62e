package campus.helpdesk.ticket.mailintake;

import campus.helpdesk.ticket.db.Database;
import io.micronaut.context.annotation.Value;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;
import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.search.FlagTerm;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Properties;

/**
 * Reads the intake mailbox's unseen mails. One replica at a time (a session advisory lock; the others skip the
 * round), so two replicas never file the same mail at once. A mail is flagged \Seen only after what it became is
 * committed; a crash in between leaves it unseen, and reading it again finds it handled ({@link MailIntake}: its
 * key in {@code mail_intake} and in the idempotency tables), so it is flagged and nothing is made twice.
 */
@Singleton
public class MailPoller {

    private static final Logger LOG = LoggerFactory.getLogger(MailPoller.class);
    private static final long LOCK_KEY = 20261202L;

    private final Database db;
    private final ImapSettings settings;
    private final MailIntake intake;
    private final boolean enabled;

    public MailPoller(Database db, ImapSettings settings, MailIntake intake,
                      @Value("${helpdesk.imap.poller.enabled:true}") boolean enabled) {
        this.db = db;
        this.settings = settings;
        this.intake = intake;
        this.enabled = enabled;
    }

    @Scheduled(fixedDelay = "${helpdesk.imap.poll:30s}", initialDelay = "2s")
    void poll() {
        if (!enabled || !settings.enabled()) {
            return;
        }
        try {
            pollOnce();
        } catch (Exception e) {
            // The mailbox or the database away: the mails stay unseen, the next round tries again.
            LOG.warn("Mailbox not read: {}", e.getMessage());
        }
    }

    /** One round; how many mails were handled (0 also when another replica holds the round). */
    public int pollOnce() throws Exception {
        try (Connection lock = db.borrow()) {
            lock.setAutoCommit(true);
            if (!tryLock(lock)) {
                return 0;
            }
            try {
                return readMailbox();
            } finally {
                try (PreparedStatement ps = lock.prepareStatement("SELECT pg_advisory_unlock(?)")) {
                    ps.setLong(1, LOCK_KEY);
                    ps.execute();
                }
            }
        }
    }

    private static boolean tryLock(Connection c) throws Exception {
        try (PreparedStatement ps = c.prepareStatement("SELECT pg_try_advisory_lock(?)")) {
            ps.setLong(1, LOCK_KEY);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() && rs.getBoolean(1);
            }
        }
    }

    private int readMailbox() throws Exception {
        String protocol = settings.tls() ? "imaps" : "imap";
        Properties props = new Properties();
        props.put("mail." + protocol + ".host", String.valueOf(settings.host()));
        props.put("mail." + protocol + ".port", Integer.toString(settings.port()));
        props.put("mail." + protocol + ".connectiontimeout", "5000");
        props.put("mail." + protocol + ".timeout", "10000");
        Session session = Session.getInstance(props);
        int handled = 0;
        try (Store store = session.getStore(protocol)) {
            store.connect(settings.host(), settings.port(), settings.user(), settings.password());
            try (Folder inbox = store.getFolder("INBOX")) {
                inbox.open(Folder.READ_WRITE);
                for (Message message : inbox.search(new FlagTerm(new Flags(Flags.Flag.SEEN), false))) {
                    // A copy: reading parts of the IMAP message later would fetch them again, and not flag it \Seen.
                    MimeMessage copy = new MimeMessage((MimeMessage) message);
                    try {
                        intake.handle(copy);
                        handled++;
                    } catch (Exception e) {
                        // Left unseen: the next round tries it again.
                        LOG.warn("Mail {} not taken in: {}", copy.getMessageID(), e.getMessage());
                        continue;
                    }
                    message.setFlag(Flags.Flag.SEEN, true);
                }
            }
        }
        return handled;
    }
}
