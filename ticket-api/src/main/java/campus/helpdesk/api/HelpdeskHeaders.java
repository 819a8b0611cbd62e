package campus.helpdesk.api;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Identity travels as two headers that only the gateway sets (it drops any copy a browser sends).
 * ticket-service is never published outside, so it trusts them.
 */
public final class HelpdeskHeaders {
    public static final String ROLE = "X-Helpdesk-Role";
    public static final String USER = "X-Helpdesk-User";
    public static final String IDEMPOTENCY_KEY = "Idempotency-Key";

    /** RFC 8187's marker of a UTF-8, percent-encoded header value. */
    private static final String UTF8_PREFIX = "UTF-8''";
    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private HelpdeskHeaders() {
    }

    /**
     * A display name as a header value. Header values are Latin-1 on the wire, so a name like "Łukasz" or "李"
     * travels as an RFC 8187 value ({@code UTF-8''%C5%81ukasz}); plain ASCII names travel as they are.
     */
    public static String encodeUser(String name) {
        if (name.chars().allMatch(c -> c >= 0x20 && c < 0x7F) && !name.startsWith(UTF8_PREFIX)) {
            return name;
        }
        StringBuilder out = new StringBuilder(UTF8_PREFIX);
        for (byte b : name.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xFF;
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '.'
                    || c == '_' || c == '~') {
                out.append((char) c);
            } else {
                out.append('%').append(HEX[c >> 4]).append(HEX[c & 0xF]);
            }
        }
        return out.toString();
    }

    /** The display name carried by a header value from {@link #encodeUser}; a malformed encoding is refused. */
    public static String decodeUser(String header) {
        if (!header.regionMatches(true, 0, UTF8_PREFIX, 0, UTF8_PREFIX.length())) {
            return header;
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        for (int i = UTF8_PREFIX.length(); i < header.length(); i++) {
            char c = header.charAt(i);
            if (c == '%') {
                if (i + 2 >= header.length()) {
                    throw new IllegalArgumentException("Truncated percent-encoding in " + header);
                }
                int hi = Character.digit(header.charAt(i + 1), 16);
                int lo = Character.digit(header.charAt(i + 2), 16);
                if (hi < 0 || lo < 0) {
                    throw new IllegalArgumentException("Bad percent-encoding in " + header);
                }
                bytes.write(hi << 4 | lo);
                i += 2;
            } else {
                bytes.write(c);
            }
        }
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes.toByteArray()))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new IllegalArgumentException("Not UTF-8: " + header, e);
        }
    }
}
