package campus.helpdesk.demo;

import org.postgresql.PGConnection;
import org.postgresql.copy.PGCopyOutputStream;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;

/**
 * Streams rows into one {@code COPY ... FROM STDIN} in PostgreSQL's text format (tab-separated, {@code \N} for
 * null). Rows collect in a plain StringBuilder and leave in ~64 KB blocks while the next ones are being
 * written, so generating and loading overlap; per-character writes to a Writer cost more than the generation.
 */
final class CopyWriter implements AutoCloseable {

    private static final int FLUSH_AT = 1 << 16;

    private final OutputStream out;
    private final StringBuilder row = new StringBuilder(FLUSH_AT + 4096);
    private boolean firstField = true;

    CopyWriter(Connection connection, String copySql) throws SQLException {
        this.out = new PGCopyOutputStream(connection.unwrap(PGConnection.class), copySql, 1 << 18);
    }

    CopyWriter text(String value) {
        separate();
        if (value == null) {
            row.append("\\N");
            return this;
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '\\' || c == '\t' || c == '\n' || c == '\r') {
                escape(value);
                return this;
            }
        }
        row.append(value);
        return this;
    }

    private void escape(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '\\' -> row.append("\\\\");
                case '\t' -> row.append("\\t");
                case '\n' -> row.append("\\n");
                case '\r' -> row.append("\\r");
                default -> row.append(c);
            }
        }
    }

    /** Text known to contain no tab, newline or backslash (enum names, our own constants). */
    CopyWriter plain(String value) {
        separate();
        row.append(value);
        return this;
    }

    CopyWriter number(long value) {
        separate();
        row.append(value);
        return this;
    }

    /** A nullable id (a ticket's incident). */
    CopyWriter nullable(Long value) {
        separate();
        row.append(value == null ? "\\N" : value.toString());
        return this;
    }

    CopyWriter number(double value) {
        separate();
        row.append(value);
        return this;
    }

    CopyWriter bool(boolean value) {
        return plain(value ? "t" : "f");
    }

    /** A timestamptz, or null ("not yet"). Demo times are whole milliseconds, which is all this writes. */
    CopyWriter time(Instant value) {
        separate();
        if (value == null) {
            row.append("\\N");
        } else {
            Timestamps.appendUtc(row, value.toEpochMilli());
        }
        return this;
    }

    void endRow() throws IOException {
        row.append('\n');
        firstField = true;
        if (row.length() >= FLUSH_AT) {
            flush();
        }
    }

    private void separate() {
        if (!firstField) {
            row.append('\t');
        }
        firstField = false;
    }

    private void flush() throws IOException {
        out.write(row.toString().getBytes(StandardCharsets.UTF_8));
        row.setLength(0);
    }

    /** Ends the COPY; PostgreSQL checks the rows now and reports a bad one here. */
    @Override
    public void close() throws IOException {
        flush();
        out.close();
    }
}
