package campus.helpdesk.system.fuzz;

import campus.helpdesk.system.attachments.TestPhotos;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Bad uploads and bad file reads, written out by hand: a multipart body is no JSON the corpus' mutations could
 * damage. Each names what is wrong with it, for the failure message.
 */
final class UploadBadForms {

    private static final String BOUNDARY = "fuzz-boundary-19";
    private static final String MULTIPART = "multipart/form-data; boundary=" + BOUNDARY;

    record Bad(String what, String method, String target, String contentType, byte[] body) {
    }

    private UploadBadForms() {
    }

    /**
     * Against {@code ticket} (which the caller may attach to), with {@code foreignMessage} a message of another
     * ticket.
     */
    static List<Bad> against(long ticket, long foreignMessage) {
        String upload = "/api/tickets/" + ticket + "/attachments";
        byte[] photo = TestPhotos.jpeg(64, 48);
        List<Bad> bad = new ArrayList<>();
        bad.add(new Bad("no file part", "POST", upload, MULTIPART, form("photo", "a.jpg", photo)));
        bad.add(new Bad("a field, not a file", "POST", upload, MULTIPART, field("file", "just text")));
        bad.add(new Bad("an empty file", "POST", upload, MULTIPART, form("file", "empty.jpg", new byte[0])));
        bad.add(new Bad("a WebP with no picture in it", "POST", upload, MULTIPART, form("file", "empty.webp",
                new byte[]{'R', 'I', 'F', 'F', 4, 0, 0, 0, 'W', 'E', 'B', 'P'})));
        bad.add(new Bad("no parts at all", "POST", upload, MULTIPART, ("--" + BOUNDARY + "--\r\n").getBytes(
                StandardCharsets.UTF_8)));
        bad.add(new Bad("a body cut off inside the file", "POST", upload, MULTIPART,
                java.util.Arrays.copyOf(form("file", "a.jpg", photo), photo.length / 2)));
        bad.add(new Bad("no boundary", "POST", upload, "multipart/form-data", form("file", "a.jpg", photo)));
        bad.add(new Bad("another boundary than the body's", "POST", upload, "multipart/form-data; boundary=other",
                form("file", "a.jpg", photo)));
        for (String type : List.of("application/json", "text/plain", "image/jpeg",
                "application/x-www-form-urlencoded", "application/octet-stream")) {
            bad.add(new Bad("the photo as " + type, "POST", upload, type, photo));
        }
        bad.add(new Bad("no content type", "POST", upload, null, form("file", "a.jpg", photo)));
        // Part heads the server's decoder cannot read (each was a 500 once).
        for (String head : List.of("Content-Disposition: form-data; filename=\"a.jpg\"",
                "Content-Disposition: attachment; name=\"file\"; filename=\"a.jpg\"",
                "Content-Disposition: ;;;;",
                "Content-Disposition: form-data; name=\"file\"; filename=\"a.jpg\"\r\nContent-Transfer-Encoding: base64",
                "Content-Disposition: form-data; name=\"file\"; filename=\"a.jpg\"\r\nContent-Type: image/jpeg; "
                        + "charset=x-bogus",
                "Content-Disposition: form-data; name=\"file\"; filename*=x-bogus''a.jpg",
                "Content-Disposition: form-data; name=\"file\"; filename*=a.jpg",
                "Content-Disposition: form-data; name=\"file\"; filename*=UTF-8''%ZZ.jpg")) {
            bad.add(new Bad("a part head of " + head.replaceAll("\\s+", " "), "POST", upload, MULTIPART,
                    part(head, photo)));
        }
        for (String type : List.of("multipart/form-data; boundary=\"", "multipart/form-data; boundary=" + BOUNDARY
                + "; charset=x-bogus")) {
            bad.add(new Bad("the form as " + type, "POST", upload, type, form("file", "a.jpg", photo)));
        }
        for (String messageId : List.of("abc", "-1", "0", "1.5", "9223372036854775808", "%00", "1%20OR%201=1",
                String.valueOf(foreignMessage), "9000000000000")) {
            bad.add(new Bad("messageId=" + messageId, "POST", upload + "?messageId=" + messageId, MULTIPART,
                    form("file", "a.jpg", photo)));
        }
        for (String id : List.of("abc", "-1", "0", "1e3", "9223372036854775808", "9000000000000", "%20")) {
            bad.add(new Bad("ticket " + id, "POST", "/api/tickets/" + id + "/attachments", MULTIPART,
                    form("file", "a.jpg", photo)));
            bad.add(new Bad("list of ticket " + id, "GET", "/api/tickets/" + id + "/attachments", null, null));
            bad.add(new Bad("attachment " + id, "GET", "/api/attachments/" + id, null, null));
            bad.add(new Bad("thumbnail of attachment " + id, "GET", "/api/attachments/" + id + "?thumbnail=true",
                    null, null));
        }
        for (String thumbnail : List.of("maybe", "", "1%00", "yes")) {
            bad.add(new Bad("thumbnail=" + thumbnail, "GET", "/api/attachments/9000000000000?thumbnail=" + thumbnail,
                    null, null));
        }
        bad.add(new Bad("a file name of control characters and a path", "POST", upload, MULTIPART,
                form("file", "..\\\\..\\\\\u0001\u0007evil.jpg", TestPhotos.elfExecutable())));
        bad.add(new Bad("a download as a write", "POST", "/api/attachments/9000000000000", MULTIPART,
                form("file", "a.jpg", photo)));
        return bad;
    }

    private static byte[] form(String part, String filename, byte[] content) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"" + part + "\"; filename=\""
                + filename + "\"\r\nContent-Type: image/jpeg\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        out.writeBytes(content);
        out.writeBytes(("\r\n--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return out.toByteArray();
    }

    private static byte[] part(String head, byte[] content) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(("--" + BOUNDARY + "\r\n" + head + "\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        out.writeBytes(content);
        out.writeBytes(("\r\n--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return out.toByteArray();
    }

    private static byte[] field(String part, String value) {
        return ("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"" + part + "\"\r\n\r\n" + value
                + "\r\n--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.UTF_8);
    }
}
