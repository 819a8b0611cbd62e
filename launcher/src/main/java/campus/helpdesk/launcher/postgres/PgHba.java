package campus.helpdesk.launcher.postgres;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * {@code pg_hba.conf}, the file that says who may connect how. Ours has one rule: every role, every database,
 * a password checked with scram-sha-256; through the Unix socket or from this machine's loopback, never
 * {@code trust}.
 */
final class PgHba {

    static final String CONTENT = """
            # Written by ./helpdesk: every role proves its password (scram-sha-256), and only from this machine.
            # The passwords are in .helpdesk/secrets/; ./helpdesk psql signs in as the owner without typing one.
            # TYPE  DATABASE        USER            ADDRESS                 METHOD
            local   all             all                                     scram-sha-256
            host    all             all             127.0.0.1/32            scram-sha-256
            host    all             all             ::1/128                 scram-sha-256
            local   replication     all                                     scram-sha-256
            host    replication     all             127.0.0.1/32            scram-sha-256
            host    replication     all             ::1/128                 scram-sha-256
            """;

    private PgHba() {
    }

    static Path file(Path dataDirectory) {
        return dataDirectory.resolve("pg_hba.conf");
    }

    /** True when some rule lets a role in without a password (a data folder from before passwords). */
    static boolean trustsAnyone(Path dataDirectory) {
        return rules(dataDirectory).stream().anyMatch(rule -> rule.matches("(?i).*\\btrust\\b.*"));
    }

    static void writePasswordOnly(Path dataDirectory) {
        try {
            Files.writeString(file(dataDirectory), CONTENT);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + file(dataDirectory), e);
        }
    }

    /** The lines that are rules: comments and blank lines dropped. */
    static List<String> rules(Path dataDirectory) {
        try {
            return Files.readAllLines(file(dataDirectory)).stream()
                    .map(line -> line.replaceFirst("#.*", "").strip()).filter(line -> !line.isEmpty()).toList();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file(dataDirectory), e);
        }
    }
}
