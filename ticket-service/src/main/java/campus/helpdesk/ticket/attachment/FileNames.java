package campus.helpdesk.ticket.attachment;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** A file's name as stored and as sent back in {@code Content-Disposition} (RFC 6266). */
final class FileNames {

    static final int MAX_LENGTH = 255;

    private FileNames() {
    }

    /**
     * The last path segment (browsers on Windows may send {@code C:\fakepath\photo.jpg}), without control
     * characters or text direction controls, at most 255 characters; "attachment" when nothing is left. A direction
     * override has no place in a file name and every use there is a disguise: {@code invoice\u202Efdp.exe} shows as
     * "invoiceexe.pdf".
     */
    static String clean(String sent) {
        String name = sent == null ? "" : sent;
        name = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
        name = name.codePoints().filter(c -> !Character.isISOControl(c) && !isDirectionControl(c))
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString().strip();
        if (name.length() > MAX_LENGTH) {
            // Not between the two halves of a surrogate pair (an emoji), which would leave half a character.
            name = name.substring(0, Character.isHighSurrogate(name.charAt(MAX_LENGTH - 1)) ? MAX_LENGTH - 1
                    : MAX_LENGTH);
        }
        return name.isEmpty() || name.equals(".") || name.equals("..") ? "attachment" : name;
    }

    private static boolean isDirectionControl(int c) {
        return (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069);
    }

    /**
     * {@code inline} or {@code attachment}, with a plain-ASCII {@code filename} for old clients and the exact name
     * UTF-8 percent-encoded in {@code filename*}: no quote, backslash or header-breaking byte reaches the header.
     */
    static String contentDisposition(String name, boolean inline) {
        String ascii = name.replaceAll("[^A-Za-z0-9._ ()-]", "_");
        String encoded = URLEncoder.encode(name, StandardCharsets.UTF_8).replace("+", "%20");
        return (inline ? "inline" : "attachment") + "; filename=\"" + ascii + "\"; filename*=UTF-8''" + encoded;
    }
}
