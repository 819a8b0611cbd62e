package campus.helpdesk.system.attachments;

import campus.helpdesk.launcher.Service;
import campus.helpdesk.system.SharedSuite;
import campus.helpdesk.system.trust.GatewayClient;
import campus.helpdesk.system.trust.Multipart;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A photo attached as people attach it, through the gateway and its upload route (11 MB, multipart on this path
 * only) to ticket-service: stored, listed, downloaded as nothing but itself, with a thumbnail; too big or not a file
 * we take, a clean refusal and nothing stored.
 */
class AttachmentsThroughTheGatewayTest {

    private static final int TEN_MIB = 10 * 1024 * 1024;

    private final URI gateway = SharedSuite.uri(Service.GATEWAY);
    private final String student = GatewayClient.signIn(gateway, "Attaching Student", "STUDENT");

    @Test
    void aStudentsPhotoIsStoredListedDownloadedAndHasAThumbnail() throws IOException {
        long ticket = newTicket();
        byte[] photo = TestPhotos.jpeg(1200, 900);

        GatewayClient.Answer uploaded = upload(ticket, Multipart.file("radiator.jpg", "image/jpeg", photo));
        assertThat(uploaded.status()).as(uploaded.body()).isEqualTo(201);
        JsonNode a = uploaded.json();
        long id = a.get("id").asLong();
        assertThat(uploaded.raw().headers().firstValue("Location")).hasValue("/api/attachments/" + id);
        assertThat(a.get("ticketId").asLong()).isEqualTo(ticket);
        assertThat(a.get("messageId").isNull()).isTrue();
        assertThat(a.get("name").asText()).isEqualTo("radiator.jpg");
        assertThat(a.get("type").asText()).isEqualTo("image/jpeg");
        assertThat(a.get("uploader").asText()).isEqualTo("Attaching Student");
        assertThat(a.get("thumbnail").asBoolean()).isTrue();

        String staff = GatewayClient.signIn(gateway, "Attachment Staff", "STAFF");
        for (String cookie : new String[]{student, staff}) {
            GatewayClient.Answer list = call(cookie, "/api/tickets/" + ticket + "/attachments");
            assertThat(list.status()).as(list.body()).isEqualTo(200);
            assertThat(list.json()).hasSize(1);
            assertThat(list.json().get(0).get("id").asLong()).isEqualTo(id);
        }

        HttpResponse<byte[]> file = GatewayClient.download(gateway.resolve("/api/attachments/" + id),
                Map.of("Cookie", student));
        assertThat(file.statusCode()).isEqualTo(200);
        assertThat(header(file, "Content-Type")).startsWith("image/jpeg");
        assertThat(header(file, "X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(header(file, "Content-Security-Policy")).contains("sandbox").contains("default-src 'none'");
        assertThat(header(file, "Content-Disposition")).startsWith("inline").contains("radiator.jpg");
        assertThat(file.body()).hasSize(a.get("size").asInt());
        BufferedImage full = ImageIO.read(new ByteArrayInputStream(file.body()));
        assertThat(full.getWidth()).isEqualTo(1200);

        HttpResponse<byte[]> thumbnail = GatewayClient.download(
                gateway.resolve("/api/attachments/" + id + "?thumbnail=true"), Map.of("Cookie", student));
        assertThat(thumbnail.statusCode()).isEqualTo(200);
        assertThat(header(thumbnail, "Content-Type")).startsWith("image/jpeg");
        assertThat(header(thumbnail, "X-Content-Type-Options")).isEqualTo("nosniff");
        BufferedImage small = ImageIO.read(new ByteArrayInputStream(thumbnail.body()));
        assertThat(small.getWidth()).isPositive().isLessThan(1200);
    }

    @Test
    void oneByteOverTenMegabytesIsACleanRefusalAndNothingIsStored() throws SQLException {
        long ticket = newTicket();
        byte[] tooBig = new byte[TEN_MIB + 1];
        Arrays.fill(tooBig, (byte) 'a');

        GatewayClient.Answer refused = upload(ticket, Multipart.file("notes.txt", "text/plain", tooBig));

        assertThat(refused.status()).as(refused.body()).isEqualTo(413);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.json().get("detail").asText()).contains("10 MB");
        assertThat(storedFor(ticket)).isZero();
        assertThat(call(student, "/api/tickets/" + ticket + "/attachments").json()).isEmpty();
    }

    /**
     * A small PNG whose rows are 120 MB each (15 million pixels wide, two high): decoding it for a thumbnail once ended
     * ticket-service, whose heap is 256 MB, so any student could stop the desk with one upload. Kept, no thumbnail,
     * and the same ticket-service answers on.
     */
    @Test
    void anImageOfHugeRowsIsKeptWithoutAThumbnailAndTicketServiceStaysUp() {
        long ticket = newTicket();
        long before = SharedSuite.get().pid(Service.TICKET_SERVICE);
        byte[] png = TestPhotos.pngOfLongRows(15_000_000, 2);
        assertThat(png.length).isLessThan(1_000_000);

        GatewayClient.Answer uploaded = upload(ticket, Multipart.file("strip.png", "image/png", png));

        assertThat(uploaded.status()).as(uploaded.body()).isEqualTo(201);
        assertThat(uploaded.json().get("thumbnail").asBoolean()).isFalse();
        assertThat(SharedSuite.get().pid(Service.TICKET_SERVICE)).as("the same ticket-service").isEqualTo(before);
        assertThat(SharedSuite.get().isRunning(Service.TICKET_SERVICE)).isTrue();
        assertThat(call(student, "/api/tickets/" + ticket + "/attachments").json()).hasSize(1);
    }

    /**
     * Sent chunked, without a Content-Length, a form too large is only found so as it streams: past ticket-service's
     * 10 MB a file (10.5 MB, ticket-service refuses) or past the gateway's 11 MB a request (12 MB, the gateway
     * refuses as it forwards; which of the two comes first depends on what is in flight). Either way a 413 problem,
     * never a 503 asking to send it again, and nothing stored.
     */
    @Test
    void aChunkedUploadPastTheLimitIsA413AndNothingIsStored() throws Exception {
        long ticket = newTicket();
        for (int size : new int[] {TEN_MIB + TEN_MIB / 20, 12 * 1024 * 1024}) {
            byte[] tooBig = new byte[size];
            Arrays.fill(tooBig, (byte) 'a');
            Multipart form = Multipart.file("notes.txt", "text/plain", tooBig);
            HttpRequest chunked = HttpRequest.newBuilder(gateway.resolve("/api/tickets/" + ticket + "/attachments"))
                    .header("Cookie", student).header("Content-Type", form.contentType())
                    // No length given: the client sends the body chunked.
                    .POST(HttpRequest.BodyPublishers.fromPublisher(HttpRequest.BodyPublishers.ofByteArray(form.bytes())))
                    .build();

            HttpResponse<String> refused = HttpClient.newHttpClient().send(chunked,
                    HttpResponse.BodyHandlers.ofString());

            assertThat(refused.statusCode()).as(size + " bytes: " + refused.body()).isEqualTo(413);
            assertThat(header(refused, "Content-Type")).startsWith("application/problem+json");
            assertThat(storedFor(ticket)).isZero();
        }
    }

    /**
     * A file's name of thousands of characters is kept to 255 with its extension, through the gateway too. At Netty's
     * 1 KB limit on a part's buffered headers it was refused or not depending on how the body was cut in reads.
     */
    @Test
    void aLongFileNameIsCutToItsFirstCharactersAndItsExtension() {
        long ticket = newTicket();

        GatewayClient.Answer kept = upload(ticket, Multipart.file("n".repeat(3_000) + ".txt", "text/plain",
                "hello".getBytes(java.nio.charset.StandardCharsets.UTF_8)));

        assertThat(kept.status()).as(kept.body()).isEqualTo(201);
        assertThat(kept.json().get("name").asText()).hasSize(255).endsWith("n.txt");
    }

    @Test
    void aProgramNamedJpgIsRefusedAsUnsupported() throws SQLException {
        long ticket = newTicket();

        GatewayClient.Answer refused = upload(ticket, Multipart.file("holiday.jpg", "image/jpeg",
                TestPhotos.elfExecutable()));

        assertThat(refused.status()).as(refused.body()).isEqualTo(415);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.json().get("detail").asText()).contains("cannot be attached");
        assertThat(storedFor(ticket)).isZero();
    }

    private long newTicket() {
        GatewayClient.Answer created = GatewayClient.send(gateway.resolve("/api/tickets"), "POST",
                Map.of("title", "Radiator leaking", "description", "Water under the window of room 2.14"),
                Map.of("Cookie", student));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json().get("id").asLong();
    }

    private GatewayClient.Answer upload(long ticket, Multipart form) {
        return GatewayClient.send(gateway.resolve("/api/tickets/" + ticket + "/attachments"), "POST", form,
                Map.of("Cookie", student));
    }

    private GatewayClient.Answer call(String cookie, String path) {
        return GatewayClient.send(gateway.resolve(path), "GET", null, Map.of("Cookie", cookie));
    }

    private static String header(HttpResponse<?> response, String name) {
        return response.headers().firstValue(name).orElse("");
    }

    /** Rows of files and of their bytes under the ticket, counted where they are kept. */
    private static long storedFor(long ticket) throws SQLException {
        try (Connection c = DriverManager.getConnection(SharedSuite.jdbcUrl(), SharedSuite.dbUser(),
                SharedSuite.dbPassword());
             PreparedStatement s = c.prepareStatement("""
                     SELECT (SELECT count(*) FROM attachment WHERE ticket_id = ?)
                          + (SELECT count(*) FROM attachment_chunk k JOIN attachment a ON a.id = k.attachment_id
                             WHERE a.ticket_id = ?)""")) {
            s.setLong(1, ticket);
            s.setLong(2, ticket);
            try (ResultSet r = s.executeQuery()) {
                r.next();
                return r.getLong(1);
            }
        }
    }
}
