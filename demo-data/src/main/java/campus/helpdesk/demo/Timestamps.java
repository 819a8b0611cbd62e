package campus.helpdesk.demo;

/**
 * Formats epoch milliseconds as {@code 2026-11-23 14:05:09.123+00} straight into a buffer. A million tickets
 * need ten million timestamps; {@code Instant.toString()} allocates several objects for each.
 */
final class Timestamps {

    private static final long DAY = 86_400_000L;

    private Timestamps() {
    }

    static void appendUtc(StringBuilder out, long epochMillis) {
        long days = Math.floorDiv(epochMillis, DAY);
        int millisOfDay = (int) Math.floorMod(epochMillis, DAY);
        // Civil date from days since 1970-01-01 (H. Hinnant's algorithm), proleptic Gregorian.
        long z = days + 719_468;
        long era = Math.floorDiv(z, 146_097);
        long doe = z - era * 146_097;
        long yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        long mp = (5 * doy + 2) / 153;
        int day = (int) (doy - (153 * mp + 2) / 5 + 1);
        int month = (int) (mp < 10 ? mp + 3 : mp - 9);
        long year = yoe + era * 400 + (month <= 2 ? 1 : 0);
        out.append(year).append('-');
        two(out, month);
        out.append('-');
        two(out, day);
        out.append(' ');
        two(out, millisOfDay / 3_600_000);
        out.append(':');
        two(out, millisOfDay / 60_000 % 60);
        out.append(':');
        two(out, millisOfDay / 1000 % 60);
        out.append('.');
        int millis = millisOfDay % 1000;
        out.append((char) ('0' + millis / 100)).append((char) ('0' + millis / 10 % 10)).append((char) ('0' + millis % 10));
        out.append("+00");
    }

    private static void two(StringBuilder out, int value) {
        out.append((char) ('0' + value / 10)).append((char) ('0' + value % 10));
    }
}
