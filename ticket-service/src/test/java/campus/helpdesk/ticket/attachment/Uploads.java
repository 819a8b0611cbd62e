package campus.helpdesk.ticket.attachment;

import campus.helpdesk.support.identity.ServiceTokens;
import campus.helpdesk.ticket.Api;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/** Multipart uploads and byte downloads as a browser sends and gets them, against the running service. */
final class Uploads {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final String BOUNDARY = "----helpdesk-test-boundary-7d1f";
    private static final byte[] TAIL = ("\r\n--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.UTF_8);

    private final URI base;
    private final ServiceTokens tokens;

    Uploads(URI base, ServiceTokens tokens) {
        this.base = base;
        this.tokens = tokens;
    }

    /** A form with one part {@code file}, declared as {@code declaredType} (which the service must not believe). */
    HttpResponse<String> upload(Api.As who, String path, String fileName, String declaredType, byte[] content) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        String head = "--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
                + "\"\r\nContent-Type: " + declaredType + "\r\n\r\n";
        body.writeBytes(head.getBytes(StandardCharsets.UTF_8));
        body.writeBytes(content);
        body.writeBytes(("\r\n--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.UTF_8));
        HttpRequest request = request(who, path)
                .header("Content-Type", "multipart/form-data; boundary=" + BOUNDARY)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build();
        return send(request, HttpResponse.BodyHandlers.ofString());
    }

    /** A form cut off inside its file part: the bytes sent, a Content-Length that matches, no closing boundary. */
    HttpResponse<String> cutOff(Api.As who, String path, String fileName, byte[] content) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
                + "\"\r\nContent-Type: text/plain\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.writeBytes(content);
        HttpRequest request = request(who, path)
                .header("Content-Type", "multipart/form-data; boundary=" + BOUNDARY)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build();
        return send(request, HttpResponse.BodyHandlers.ofString());
    }

    /** A form field {@code file} that is text, not a file (no file name): what a broken form sends. */
    HttpResponse<String> textField(Api.As who, String path, String value) {
        String body = "--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"file\"\r\n\r\n" + value + "\r\n--"
                + BOUNDARY + "--\r\n";
        HttpRequest request = request(who, path)
                .header("Content-Type", "multipart/form-data; boundary=" + BOUNDARY)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        return send(request, HttpResponse.BodyHandlers.ofString());
    }

    /** A body of any other kind than a form, sent where files are uploaded. */
    HttpResponse<String> notAForm(Api.As who, String path, String contentType, byte[] body) {
        HttpRequest request = request(who, path).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
        return send(request, HttpResponse.BodyHandlers.ofString());
    }

    /**
     * An upload that announces {@code declared} bytes of file, sends {@code sent} of them and then nothing more,
     * as a phone that lost its network does; the open socket, for the caller to close.
     */
    java.net.Socket stalled(Api.As who, String path, int declared, int sent) throws IOException {
        java.net.Socket socket = begun(who, path, "big.txt", declared);
        var out = socket.getOutputStream();
        String log = "a line of a long log\n".repeat(sent / 21 + 1).substring(0, sent);
        out.write(log.getBytes(StandardCharsets.US_ASCII));
        out.flush();
        return socket;
    }

    /**
     * An upload of {@code pieces} copies of {@code piece}, each sent {@code pauseMillis} after the one before, as a
     * phone on a weak network sends; the status line of the answer ("HTTP/1.1 201").
     */
    String trickled(Api.As who, String path, byte[] piece, int pieces, long pauseMillis)
            throws IOException, InterruptedException {
        try (java.net.Socket socket = begun(who, path, "slow.txt", pieces * piece.length)) {
            var out = socket.getOutputStream();
            for (int i = 0; i < pieces; i++) {
                Thread.sleep(pauseMillis);
                out.write(piece);
                out.flush();
            }
            out.write(TAIL);
            out.flush();
            socket.setSoTimeout(10_000);
            return new String(socket.getInputStream().readNBytes(12), StandardCharsets.US_ASCII);
        }
    }

    /** A connection with the request's head and the file part's head sent, {@code fileBytes} of file to follow. */
    private java.net.Socket begun(Api.As who, String path, String fileName, int fileBytes) throws IOException {
        byte[] head = ("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
                + "\"\r\nContent-Type: text/plain\r\n\r\n").getBytes(StandardCharsets.UTF_8);
        java.net.Socket socket = new java.net.Socket(base.getHost(), base.getPort());
        var out = socket.getOutputStream();
        out.write(("POST " + path + " HTTP/1.1\r\nHost: " + base.getHost() + ":" + base.getPort() + "\r\n"
                + "Authorization: " + tokens.bearer(who.user(), who.role(), "ticket-service") + "\r\n"
                + "Content-Type: multipart/form-data; boundary=" + BOUNDARY + "\r\n"
                + "Content-Length: " + (head.length + fileBytes + TAIL.length) + "\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII));
        out.write(head);
        out.flush();
        return socket;
    }

    HttpResponse<byte[]> download(Api.As who, String path) {
        return send(request(who, path).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    HttpResponse<byte[]> download(Api.As who, String path, String accept) {
        return send(request(who, path).header("Accept", accept).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private HttpRequest.Builder request(Api.As who, String path) {
        // A browser's upload comes with its page's Origin, which the gateway passes on; with one, the framework runs
        // its filters another way (FilterBody), and a filter that wanted JSON bodies read every file whole.
        return HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(60))
                .header("Origin", "http://localhost:8080")
                .header("Authorization", tokens.bearer(who.user(), who.role(), "ticket-service"));
    }

    private static <T> HttpResponse<T> send(HttpRequest request, HttpResponse.BodyHandler<T> handler) {
        try {
            return HTTP.send(request, handler);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
