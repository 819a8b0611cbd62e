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
import jakarta.mail.UIDFolder;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.search.FlagTerm;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;

/**
 * Reads the intake mailbox's unseen mails. One replica at a time (a session advisory lock; the others skip the
 * round), so two replicas never file the same mail at once. A mail is flagged \Seen only after what it became is
 * committed; a crash in between leaves it unseen, and reading it again finds it handled ({@link MailIntake}: its
 * key in {@code mail_intake} and in the idempotency tables), so it is flagged and nothing is made twice.
 *
 * <p>Reading a mail does not flag it (IMAP's BODY.PEEK): a mail whose handling fails stays unseen and is tried again
 * next round, so a database away for a moment loses nothing. One that fails for what it is rather than for the
 * moment ({@link #permanent}) is tried {@link #ATTEMPTS} times by a replica (counted in memory: a restart starts the
 * count again, and replicas taking turns count their own), then flagged \Seen and left in the mailbox with one ERROR
 * naming it, instead of being read again every round for good.
 */
@Singleton
public class MailPoller {

    private static final Logger LOG = LoggerFactory.getLogger(MailPoller.class);
    private static final long LOCK_KEY = 20261202L;
    public static final int ATTEMPTS = 3;
    /** Failed attempts per mail key, of mails that fail for what they are; bounded, oldest forgotten first. */
    private final Map<String, Integer> failures = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Integer> eldest) {
            return size() > 1_000;
        }
    };

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

    /** Whether a mail that failed is given up now: the {@link #ATTEMPTS}th failure for what the mail is. */
    private boolean givenUp(String key, Throwable e) {
        if (!permanent(e)) {
            return false;
        }
        int failed = failures.merge(key, 1, Integer::sum);
        if (failed < ATTEMPTS) {
            return false;
        }
        failures.remove(key);
        LOG.error("Mail {} could not be taken in after {} attempts ({}); it is flagged as read and left in the "
                + "mailbox for someone to read there", key, ATTEMPTS, String.valueOf(e.getMessage()));
        return true;
    }

    /**
     * A failure the next round would meet again: the mail's own form (an address or structure the mail library
     * refuses, a value PostgreSQL refuses: SQLSTATE classes 22 and 23). Not one of the moment: the database or the
     * mailbox away, a lock or statement timeout.
     */
    static boolean permanent(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql) {
                String state = sql.getSQLState();
                return state != null && (state.startsWith("22") || state.startsWith("23"));
            }
            if (t instanceof jakarta.mail.FolderClosedException || t instanceof jakarta.mail.StoreClosedException) {
                return false;
            }
        }
        return true;
    }

    private int readMailbox() throws Exception {
        String protocol = settings.tls() ? "imaps" : "imap";
        Properties props = new Properties();
        props.put("mail." + protocol + ".host", String.valueOf(settings.host()));
        props.put("mail." + protocol + ".port", Integer.toString(settings.port()));
        props.put("mail." + protocol + ".connectiontimeout", "5000");
        props.put("mail." + protocol + ".timeout", "10000");
        props.put("mail." + protocol + ".peek", "true");
        // Headers written in raw UTF-8 (RFC 6532: "Subject: Café", "From: Jürgen"), as modern servers pass them on.
        props.put("mail.mime.allowutf8", "true");
        Session session = Session.getInstance(props);
        int handled = 0;
        try (Store store = session.getStore(protocol)) {
            store.connect(settings.host(), settings.port(), settings.user(), settings.password());
            try (Folder inbox = store.getFolder("INBOX")) {
                inbox.open(Folder.READ_WRITE);
                for (Message message : inbox.search(new FlagTerm(new Flags(Flags.Flag.SEEN), false))) {
                    // A copy: reading parts of the IMAP message later would fetch them again.
                    String id = null;
                    try {
                        MimeMessage copy = new MimeMessage((MimeMessage) message);
                        id = copy.getMessageID();
                        intake.handle(copy);
                        handled++;
                    } catch (Exception e) {
                        String name = id != null ? id : "UID " + ((UIDFolder) inbox).getUID(message);
                        if (!givenUp(name, e)) {
                            // Left unseen: the next round tries it again.
                            LOG.warn("Mail {} not taken in: {}", name, e.getMessage());
                            continue;
                        }
                    }
                    message.setFlag(Flags.Flag.SEEN, true);
                }
            }
        }
        return handled;
    }
}
