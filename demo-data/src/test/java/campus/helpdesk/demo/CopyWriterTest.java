package campus.helpdesk.demo;

import campus.helpdesk.testing.TestPostgres;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Binary COPY into a real PostgreSQL: every kind the loader writes comes back as it was sent. */
class CopyWriterTest {

    private static final CopyColumns ALL = new CopyColumns("copy_kinds", "small", "medium", "large", "ratio",
            "exact", "flag", "at", "plain_at", "label", "word", "doc", "shade");
    private static String url;

    @BeforeAll
    static void database() throws SQLException {
        url = TestPostgres.get().createDatabase("copy_writer");
        try (Connection c = connect(); Statement s = c.createStatement()) {
            s.execute("CREATE TYPE shade AS ENUM ('LIGHT', 'DARK')");
            s.execute("CREATE TABLE copy_kinds (small int2, medium int4, large int8, ratio float4, exact float8,"
                    + " flag boolean, at timestamptz, plain_at timestamp, label varchar(40), word text, doc jsonb,"
                    + " shade shade)");
        }
    }

    @BeforeEach
    void empty() throws SQLException {
        try (Connection c = connect(); Statement s = c.createStatement()) {
            s.execute("TRUNCATE copy_kinds");
        }
    }

    @Test
    void everyKindArrivesAsSent() throws Exception {
        Instant at = Instant.parse("2026-12-05T13:45:07.123456Z");
        Instant before2000 = Instant.parse("1999-12-31T23:59:59.999Z");
        try (Connection c = connect(); CopyWriter copy = new CopyWriter(c, ALL)) {
            copy.number(-7).number(2_000_000_000L).number(Long.MAX_VALUE).number(0.25).number(0.1).bool(true)
                    .time(at).time(before2000).text("tab\there, new\nline, back\\slash").text("Größe 東京 🎓")
                    .text("[{\"field\":\"status\",\"to\":\"CLOSED\"}]").text("DARK");
            copy.endRow();
            copy.number(0).nullable(null).nullable(null).number(1.0).number(-0.0).bool(false).time(null).time(null)
                    .text(null).text("").text("{}").text("LIGHT");
            copy.endRow();
        }
        try (Connection c = connect(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT small, medium, large, ratio, exact, flag, at,"
                     + " plain_at AT TIME ZONE 'UTC', label, word, doc->0->>'to', shade::text FROM copy_kinds"
                     + " ORDER BY small")) {
            rs.next();
            assertThat(rs.getInt(1)).isEqualTo(-7);
            assertThat(rs.getInt(2)).isEqualTo(2_000_000_000);
            assertThat(rs.getLong(3)).isEqualTo(Long.MAX_VALUE);
            assertThat(rs.getFloat(4)).isEqualTo(0.25f);
            assertThat(rs.getDouble(5)).isEqualTo(0.1);
            assertThat(rs.getBoolean(6)).isTrue();
            assertThat(rs.getObject(7, java.time.OffsetDateTime.class).toInstant()).isEqualTo(at);
            assertThat(rs.getObject(8, java.time.OffsetDateTime.class).toInstant()).isEqualTo(before2000);
            assertThat(rs.getString(9)).isEqualTo("tab\there, new\nline, back\\slash");
            assertThat(rs.getString(10)).isEqualTo("Größe 東京 🎓");
            assertThat(rs.getString(11)).isEqualTo("CLOSED");
            assertThat(rs.getString(12)).isEqualTo("DARK");
            rs.next();
            rs.getInt(2);
            assertThat(rs.wasNull()).isTrue();
            rs.getObject(7);
            assertThat(rs.wasNull()).isTrue();
            assertThat(rs.getString(9)).isNull();
            assertThat(rs.getString(10)).isEmpty();
            assertThat(rs.getString(12)).isEqualTo("LIGHT");
        }
    }

    @Test
    void aValueOfTheWrongKindNamesItsColumnAndLoadsNothing() throws Exception {
        // A complete row first: with auto-commit, a COPY ended normally would keep it.
        assertThatThrownBy(() -> copyInAutoCommit(copy -> {
            completeRow(copy);
            copy.time(Instant.EPOCH);
        }))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("copy_kinds.small is INT2");
        assertThat(rows()).isZero();
    }

    @Test
    void aNumberTooLargeForItsColumnIsRefusedNotWrapped() throws Exception {
        assertThatThrownBy(() -> copyInAutoCommit(copy -> {
            completeRow(copy);
            copy.number(40_000);
        }))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("copy_kinds.small cannot hold 40000");
        assertThat(rows()).isZero();
    }

    @Test
    void aRowLeftUnfinishedCancelsTheWholeCopy() throws Exception {
        assertThatThrownBy(() -> copyInAutoCommit(copy -> {
            completeRow(copy);
            copy.number(2).number(2);
            copy.endRow();
        })).hasMessageContaining("got 2 of its 12 values");
        assertThat(rows()).isZero();
    }

    private static void completeRow(CopyWriter copy) throws Exception {
        copy.number(1).number(2).number(3).number(0.5).number(0.5).bool(true).time(null).time(null)
                .text("a").text("b").text("{}").text("DARK");
        copy.endRow();
    }

    /** Rows written by {@code body} in one COPY on an auto-commit connection. */
    private static void copyInAutoCommit(CopyBody body) throws Exception {
        try (Connection c = connect(); CopyWriter copy = new CopyWriter(c, ALL)) {
            body.write(copy);
        }
    }

    @FunctionalInterface
    private interface CopyBody {
        void write(CopyWriter copy) throws Exception;
    }

    @Test
    void aColumnTheLoaderCannotWriteIsNamedBeforeAnyRow() throws Exception {
        try (Connection c = connect(); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE IF NOT EXISTS copy_odd (amount numeric)");
            assertThatThrownBy(() -> new CopyWriter(c, new CopyColumns("copy_odd", "amount")))
                    .isInstanceOf(DemoDataException.class).hasMessageContaining("copy_odd.amount");
        }
    }

    private static long rows() throws SQLException {
        try (Connection c = connect(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT count(*) FROM copy_kinds")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static Connection connect() throws SQLException {
        return DriverManager.getConnection(url, TestPostgres.get().user(), TestPostgres.get().password());
    }
}
