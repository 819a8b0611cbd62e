package campus.helpdesk.ticket.attachment;

import campus.helpdesk.api.Text;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** A file's name as stored and as sent back in {@code Content-Disposition} (RFC 6266). */
final class FileNames {

    static final int MAX_LENGTH = 255;

    /** The longest ending after the last dot that is kept as an extension when a name is cut (".numbers", ".xlsx"). */
    static final int MAX_EXTENSION = 16;

    private FileNames() {
    }

    /**
     * Composed to NFC as every text the desk stores (a Mac sends "e" and a combining accent where Windows sends "é").
     * The last path segment (browsers on Windows may send {@code C:\fakepath\photo.jpg}), without control
     * characters or text direction controls, at most 255 characters with its extension; "attachment" when nothing is
     * left. A direction override has no place in a file name and every use there is a disguise:
     * {@code invoice\u202Efdp.exe} shows as "invoiceexe.pdf".
     */
    static String clean(String sent) {
        String name = sent == null ? "" : Text.composed(sent);
        name = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
        name = name.codePoints().filter(c -> !Character.isISOControl(c) && !isDirectionControl(c))
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString().strip();
        if (name.length() > MAX_LENGTH) {
            name = shortened(name);
        }
        return name.isEmpty() || name.equals(".") || name.equals("..") ? "attachment" : name;
    }

    /** {@code name} with {@code extension} after it, cut to 255 characters in its stem when that makes it longer. */
    static String withExtension(String name, String extension) {
        String stem = name.endsWith(".") ? name.replaceAll("\\.+$", "") : name; // "report." → "report.pdf"
        String longer = (stem.isEmpty() ? "attachment" : stem) + "." + extension;
        return longer.length() > MAX_LENGTH ? shortened(longer) : longer;
    }

    /**
     * The name cut to 255 characters in its stem, so that its extension stays (a "report….pdf" cut to "report…" no
     * longer opens with anything), and never between the two halves of a surrogate pair (an emoji), which would
     * leave half a character.
     */
    private static String shortened(String name) {
        int dot = name.lastIndexOf('.');
        String extension = dot > 0 && name.length() - dot <= MAX_EXTENSION ? name.substring(dot) : "";
        int keep = MAX_LENGTH - extension.length();
        if (Character.isHighSurrogate(name.charAt(keep - 1))) {
            keep--;
        }
        return name.substring(0, keep) + extension;
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
