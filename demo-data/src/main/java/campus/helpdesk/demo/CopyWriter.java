package campus.helpdesk.demo;

import org.postgresql.PGConnection;
import org.postgresql.copy.PGCopyOutputStream;

import java.io.IOException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Arrays;

/**
 * Streams rows into one {@code COPY table (columns) FROM STDIN} in PostgreSQL's binary format: a timestamp travels
 * as its eight bytes instead of text that PostgreSQL parses (date, time, zone) for each of the millions of values a
 * load carries, and no value needs escaping. Rows collect in a byte buffer and leave in ~64 KB blocks while the next
 * ones are being written, so generating and loading overlap.
 *
 * <p>Binary values must have exactly their column's type (an {@code int4} is four bytes, not eight), so each value is
 * checked against the column it lands in ({@link CopyColumns}): a schema change the loader was not told of fails
 * with the column's name instead of loading garbage.
 */
final class CopyWriter implements AutoCloseable {

    private static final int FLUSH_AT = 1 << 16;
    private static final byte[] SIGNATURE = {'P', 'G', 'C', 'O', 'P', 'Y', '\n', (byte) 0xFF, '\r', '\n', 0};
    /** Microseconds from 1970-01-01 to PostgreSQL's epoch, 2000-01-01 (UTC). */
    private static final long POSTGRES_EPOCH_MICROS = 946_684_800_000_000L;

    private static final VarHandle SHORT = MethodHandles.byteArrayViewVarHandle(short[].class, ByteOrder.BIG_ENDIAN);
    private static final VarHandle INT = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.BIG_ENDIAN);
    private static final VarHandle LONG = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.BIG_ENDIAN);

    private final PGCopyOutputStream out;
    private final CopyColumns columns;
    private byte[] buffer = new byte[FLUSH_AT + 4096];
    private int length;
    private int field;
    /** A value or row was refused: the COPY must not end as if its rows were complete. */
    private boolean refused;

    CopyWriter(Connection connection, CopyColumns columns) throws SQLException {
        this.columns = columns.resolved(connection);
        this.out = new PGCopyOutputStream(connection.unwrap(PGConnection.class), this.columns.copySql(), 1 << 18);
        put(SIGNATURE);
        putInt(0); // flags: no OIDs
        putInt(0); // no header extension
    }

    /** Text, an enum's name or a JSON document, for a text, varchar, enum or json(b) column. */
    CopyWriter text(String value) {
        CopyColumns.Kind kind = next(CopyColumns.Kind.TEXT, CopyColumns.Kind.JSONB);
        if (value == null) {
            return nullValue();
        }
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        if (kind == CopyColumns.Kind.JSONB) {
            putInt(bytes.length + 1);
            putByte(1); // jsonb's binary form: a version byte, then the text
        } else {
            putInt(bytes.length);
        }
        put(bytes);
        return this;
    }

    CopyWriter number(long value) {
        switch (next(CopyColumns.Kind.INT2, CopyColumns.Kind.INT4, CopyColumns.Kind.INT8)) {
            case INT2 -> {
                putInt(2);
                putShort((short) fit(value, Short.MIN_VALUE, Short.MAX_VALUE));
            }
            case INT4 -> {
                putInt(4);
                putInt((int) fit(value, Integer.MIN_VALUE, Integer.MAX_VALUE));
            }
            default -> {
                putInt(8);
                putLong(value);
            }
        }
        return this;
    }

    /** A nullable id (a ticket's incident). */
    CopyWriter nullable(Long value) {
        if (value == null) {
            next(CopyColumns.Kind.INT2, CopyColumns.Kind.INT4, CopyColumns.Kind.INT8);
            return nullValue();
        }
        return number(value);
    }

    CopyWriter number(double value) {
        if (next(CopyColumns.Kind.FLOAT4, CopyColumns.Kind.FLOAT8) == CopyColumns.Kind.FLOAT4) {
            putInt(4);
            putInt(Float.floatToIntBits((float) value));
        } else {
            putInt(8);
            putLong(Double.doubleToLongBits(value));
        }
        return this;
    }

    CopyWriter bool(boolean value) {
        next(CopyColumns.Kind.BOOL);
        putInt(1);
        putByte(value ? 1 : 0);
        return this;
    }

    /** A timestamp(tz), or null ("not yet"): microseconds since 2000-01-01 UTC. */
    CopyWriter time(Instant value) {
        next(CopyColumns.Kind.TIMESTAMP);
        if (value == null) {
            return nullValue();
        }
        putInt(8);
        putLong(Math.multiplyExact(value.getEpochSecond(), 1_000_000L) + value.getNano() / 1_000
                - POSTGRES_EPOCH_MICROS);
        return this;
    }

    void endRow() throws IOException {
        if (field != columns.size()) {
            throw refuse("A row of " + columns.table() + " got " + field + " of its " + columns.size()
                    + " values");
        }
        field = 0;
        if (length >= FLUSH_AT) {
            flush();
        }
    }

    /**
     * Ends the COPY; PostgreSQL checks the rows now and reports a bad one here. A row left half-written (a value
     * refused, an exception while generating) cancels the whole COPY, so none of its rows is stored.
     */
    @Override
    public void close() throws IOException {
        if (refused || field != 0) {
            try {
                out.cancelCopy();
            } catch (java.sql.SQLException e) {
                throw new IOException("Cannot cancel the COPY into " + columns.table() + ": " + e.getMessage(), e);
            }
            throw new IllegalStateException("A row of " + columns.table() + " was refused or left unfinished; "
                    + "its COPY is cancelled");
        }
        putShort((short) -1); // the trailer
        flush();
        out.close();
    }

    /** Starts the next value of the row: its column must be of one of these kinds. */
    private CopyColumns.Kind next(CopyColumns.Kind... accepted) {
        if (field >= columns.size()) {
            throw refuse("A row of " + columns.table() + " got more than its " + columns.size() + " values");
        }
        CopyColumns.Kind kind = columns.kind(field);
        if (!Arrays.asList(accepted).contains(kind)) {
            throw refuse(columns.table() + "." + columns.name(field) + " is " + kind + ", not "
                    + Arrays.toString(accepted));
        }
        if (field == 0) {
            putShort((short) columns.size());
        }
        field++;
        return kind;
    }

    private IllegalStateException refuse(String why) {
        refused = true;
        return new IllegalStateException(why);
    }

    private CopyWriter nullValue() {
        putInt(-1);
        return this;
    }

    private long fit(long value, long min, long max) {
        if (value < min || value > max) {
            throw refuse(columns.table() + "." + columns.name(field - 1) + " cannot hold " + value);
        }
        return value;
    }

    private void flush() throws IOException {
        out.write(buffer, 0, length);
        length = 0;
    }

    private void room(int bytes) {
        if (length + bytes > buffer.length) {
            buffer = Arrays.copyOf(buffer, Math.max(buffer.length * 2, length + bytes));
        }
    }

    private void put(byte[] bytes) {
        room(bytes.length);
        System.arraycopy(bytes, 0, buffer, length, bytes.length);
        length += bytes.length;
    }

    private void putByte(int value) {
        room(1);
        buffer[length++] = (byte) value;
    }

    private void putShort(short value) {
        room(2);
        SHORT.set(buffer, length, value);
        length += 2;
    }

    private void putInt(int value) {
        room(4);
        INT.set(buffer, length, value);
        length += 4;
    }

    private void putLong(long value) {
        room(8);
        LONG.set(buffer, length, value);
        length += 8;
    }
}
