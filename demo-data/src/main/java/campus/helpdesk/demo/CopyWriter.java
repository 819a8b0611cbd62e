package campus.helpdesk.demo;

import org.postgresql.PGConnection;
import org.postgresql.copy.PGCopyOutputStream;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;

/**
 * Streams rows into one {@code COPY ... FROM STDIN} in PostgreSQL's text format (tab-separated, {@code \N} for
 * null). Rows leave in 256 KB blocks while the next ones are being written, so generating and loading overlap.
 */
final class CopyWriter implements AutoCloseable {

    private final Writer out;
    private boolean firstField = true;

    CopyWriter(Connection connection, String copySql) throws SQLException {
        PGConnection pg = connection.unwrap(PGConnection.class);
        this.out = new BufferedWriter(new OutputStreamWriter(
                new PGCopyOutputStream(pg, copySql, 1 << 18), StandardCharsets.UTF_8), 1 << 16);
    }

    CopyWriter text(String value) throws IOException {
        separate();
        if (value == null) {
            out.write("\\N");
            return this;
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '\\' -> out.write("\\\\");
                case '\t' -> out.write("\\t");
                case '\n' -> out.write("\\n");
                case '\r' -> out.write("\\r");
                default -> out.write(c);
            }
        }
        return this;
    }

    /** Text known to contain no tab, newline or backslash (enum names, numbers, our own JSON). */
    CopyWriter plain(String value) throws IOException {
        separate();
        out.write(value);
        return this;
    }

    CopyWriter number(long value) throws IOException {
        return plain(Long.toString(value));
    }

    CopyWriter number(double value) throws IOException {
        return plain(Double.toString(value));
    }

    CopyWriter bool(boolean value) throws IOException {
        return plain(value ? "t" : "f");
    }

    /** A timestamptz from epoch milliseconds; 0 stands for null ("not yet"). */
    CopyWriter time(long epochMillis) throws IOException {
        return epochMillis == 0 ? plain("\\N") : plain(Instant.ofEpochMilli(epochMillis).toString());
    }

    void endRow() throws IOException {
        out.write('\n');
        firstField = true;
    }

    private void separate() throws IOException {
        if (!firstField) {
            out.write('\t');
        }
        firstField = false;
    }

    /** Ends the COPY; PostgreSQL checks the rows now and reports a bad one here. */
    @Override
    public void close() throws IOException {
        out.close();
    }
}
