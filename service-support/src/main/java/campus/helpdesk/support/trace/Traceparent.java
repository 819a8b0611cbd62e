package campus.helpdesk.support.trace;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A W3C Trace Context {@code traceparent} value: {@code 00-<32 hex trace id>-<16 hex parent id>-<2 hex flags>}.
 *
 * <p>Only version 00 is produced. A value that does not parse, or has an all-zero trace or parent id, is
 * ignored and a new trace is started, as the W3C specification asks.
 *
 * @param traceId  32 lower-case hex characters, the id shared by every hop of one request
 * @param parentId 16 lower-case hex characters, the span of the caller
 * @param flags    2 lower-case hex characters (01 = sampled)
 */
public record Traceparent(String traceId, String parentId, String flags) {

    /** The header name, lower case as the specification writes it (HTTP header names are case-insensitive). */
    public static final String HEADER = "traceparent";

    // Versions other than 00 may append fields after the flags; "ff" is forbidden.
    private static final Pattern FORMAT =
        Pattern.compile("^([0-9a-f]{2})-([0-9a-f]{32})-([0-9a-f]{16})-([0-9a-f]{2})(-.*)?$");
    private static final String ZERO_TRACE = "0".repeat(32);
    private static final String ZERO_SPAN = "0".repeat(16);
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final HexFormat HEX = HexFormat.of();

    /** Parses a header value; empty when it is absent or malformed. */
    public static Optional<Traceparent> parse(String header) {
        if (header == null) {
            return Optional.empty();
        }
        var m = FORMAT.matcher(header.trim());
        if (!m.matches()) {
            return Optional.empty();
        }
        String version = m.group(1);
        boolean extraFieldsOnVersion00 = version.equals("00") && m.group(5) != null;
        if (version.equals("ff") || extraFieldsOnVersion00
            || m.group(2).equals(ZERO_TRACE) || m.group(3).equals(ZERO_SPAN)) {
            return Optional.empty();
        }
        return Optional.of(new Traceparent(m.group(2), m.group(3), m.group(4)));
    }

    /** Starts a new sampled trace. */
    public static Traceparent newRoot() {
        return new Traceparent(randomHex(16), newSpanId(), "01");
    }

    /** A fresh 16-hex span id. */
    public static String newSpanId() {
        return randomHex(8);
    }

    /** The same trace continued by the span {@code spanId}: what this service sends on its own outgoing calls. */
    public Traceparent withParent(String spanId) {
        return new Traceparent(traceId, spanId, flags);
    }

    /** The header value. */
    public String header() {
        return "00-" + traceId + "-" + parentId + "-" + flags;
    }

    private static String randomHex(int bytes) {
        byte[] b = new byte[bytes];
        String hex;
        do {
            RANDOM.nextBytes(b);
            hex = HEX.formatHex(b);
        } while (hex.chars().allMatch(c -> c == '0'));
        return hex;
    }
}
