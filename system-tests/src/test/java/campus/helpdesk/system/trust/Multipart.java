package campus.helpdesk.system.trust;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * A {@code multipart/form-data} body of one file part, as a browser's upload form sends it. The part's name is a
 * parameter because a test of bad forms sends the file under the wrong one.
 */
public record Multipart(String part, String filename, String type, byte[] content) {

    private static final String BOUNDARY = "----helpdesk-system-tests-7d1f";

    /** The form an upload expects: its file in the part {@code file}. */
    public static Multipart file(String filename, String type, byte[] content) {
        return new Multipart("file", filename, type, content);
    }

    public String contentType() {
        return "multipart/form-data; boundary=" + BOUNDARY;
    }

    public byte[] bytes() {
        ByteArrayOutputStream out = new ByteArrayOutputStream(content.length + 256);
        out.writeBytes(("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"" + part + "\"; filename=\""
                + filename + "\"\r\nContent-Type: " + type + "\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        out.writeBytes(content);
        out.writeBytes(("\r\n--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return out.toByteArray();
    }
}
