package campus.helpdesk.system.fuzz;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

/**
 * HTTP/1.1 over a bare socket, one request per connection: the bytes go out exactly as given, including what no
 * HTTP library sends (NUL in a header, raw bytes above 0x7F in the request line, a body that is not what its
 * Content-Type says).
 */
public final class RawHttp {

    public record Request(String method, String target, List<String[]> headers, byte[] body) {
    }

    /** status 0 means the server closed the connection without an answer. */
    public record Answer(int status, String contentType, String body, String failure) {
    }

    private RawHttp() {
    }

    public static Answer send(URI base, Request request) {
        try (Socket socket = new Socket(base.getHost(), base.getPort())) {
            socket.setSoTimeout(20_000);
            ByteArrayOutputStream head = new ByteArrayOutputStream();
            write(head, request.method() + " " + request.target() + " HTTP/1.1\r\n");
            write(head, "Host: " + base.getHost() + ":" + base.getPort() + "\r\n");
            write(head, "Connection: close\r\n");
            for (String[] header : request.headers()) {
                write(head, header[0] + ": " + header[1] + "\r\n");
            }
            if (request.body() != null) {
                write(head, "Content-Length: " + request.body().length + "\r\n");
            }
            write(head, "\r\n");
            OutputStream out = socket.getOutputStream();
            String writeFailure = null;
            try {
                out.write(head.toByteArray());
                if (request.body() != null) {
                    out.write(request.body());
                }
                out.flush();
            } catch (IOException e) {
                // The server may answer (413) and close before it has read the whole body: read what it said.
                writeFailure = e.toString();
            }
            byte[] raw;
            try (InputStream in = new java.io.BufferedInputStream(socket.getInputStream())) {
                raw = readAnswer(in);
            } catch (IOException e) {
                return new Answer(0, "", "", (writeFailure == null ? "" : writeFailure + "; ") + e);
            }
            return parse(raw, writeFailure);
        } catch (IOException e) {
            return new Answer(0, "", "", e.toString());
        }
    }

    /**
     * Reads one answer: the head, then as many bytes as Content-Length says, or chunks up to the last one, or all
     * until the server closes. (A proxied answer may keep the connection open despite Connection: close.)
     */
    private static byte[] readAnswer(InputStream in) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int matched = 0;
        int b;
        while (matched < 4 && (b = in.read()) >= 0) {
            out.write(b);
            matched = (b == (matched % 2 == 0 ? '\r' : '\n')) ? matched + 1 : (b == '\r' ? 1 : 0);
        }
        String head = out.toString(StandardCharsets.ISO_8859_1).toLowerCase(Locale.ROOT);
        java.util.regex.Matcher length = java.util.regex.Pattern.compile("\r\ncontent-length:\\s*(\\d+)")
                .matcher(head);
        if (length.find()) {
            out.write(in.readNBytes(Integer.parseInt(length.group(1))));
        } else if (head.contains("transfer-encoding: chunked")) {
            ByteArrayOutputStream chunks = new ByteArrayOutputStream();
            while (true) {
                String line = readLine(in);
                chunks.writeBytes((line + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
                int size;
                try {
                    size = Integer.parseInt(line.split(";")[0].strip(), 16);
                } catch (NumberFormatException e) {
                    break;
                }
                if (size == 0) {
                    break;
                }
                chunks.write(in.readNBytes(size + 2));
            }
            out.write(chunks.toByteArray());
        } else {
            out.write(in.readAllBytes());
        }
        return out.toByteArray();
    }

    private static String readLine(InputStream in) throws IOException {
        StringBuilder line = new StringBuilder();
        int b;
        while ((b = in.read()) >= 0 && b != '\n') {
            if (b != '\r') {
                line.append((char) b);
            }
        }
        return line.toString();
    }

    private static Answer parse(byte[] raw, String writeFailure) {
        String text = new String(raw, StandardCharsets.ISO_8859_1);
        int end = text.indexOf("\r\n\r\n");
        if (!text.startsWith("HTTP/1.1 ") || end < 0) {
            return new Answer(0, "", "", "no answer" + (writeFailure == null ? "" : " (" + writeFailure + ")"));
        }
        int status = Integer.parseInt(text.substring(9, 12));
        String contentType = "";
        boolean chunked = false;
        for (String line : text.substring(0, end).split("\r\n")) {
            String lower = line.toLowerCase(Locale.ROOT);
            if (lower.startsWith("content-type:")) {
                contentType = line.substring(13).strip();
            } else if (lower.startsWith("transfer-encoding:") && lower.contains("chunked")) {
                chunked = true;
            }
        }
        byte[] body = java.util.Arrays.copyOfRange(raw, end + 4, raw.length);
        if (chunked) {
            body = dechunk(body);
        }
        return new Answer(status, contentType, new String(body, StandardCharsets.UTF_8), null);
    }

    private static byte[] dechunk(byte[] body) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int i = 0;
        while (i < body.length) {
            int lineEnd = indexOfCrlf(body, i);
            if (lineEnd < 0) {
                break;
            }
            String size = new String(body, i, lineEnd - i, StandardCharsets.ISO_8859_1).split(";")[0].strip();
            int length;
            try {
                length = Integer.parseInt(size, 16);
            } catch (NumberFormatException e) {
                break;
            }
            if (length == 0) {
                break;
            }
            int start = lineEnd + 2;
            out.write(body, start, Math.min(length, body.length - start));
            i = start + length + 2;
        }
        return out.toByteArray();
    }

    private static int indexOfCrlf(byte[] bytes, int from) {
        for (int i = from; i + 1 < bytes.length; i++) {
            if (bytes[i] == '\r' && bytes[i + 1] == '\n') {
                return i;
            }
        }
        return -1;
    }

    private static void write(ByteArrayOutputStream out, String text) {
        // Latin-1: each char is one byte, so a test can put any byte (NUL, 0xFF) into the head.
        out.writeBytes(text.getBytes(StandardCharsets.ISO_8859_1));
    }
}
