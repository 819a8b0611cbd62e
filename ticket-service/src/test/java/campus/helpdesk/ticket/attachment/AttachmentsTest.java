package campus.helpdesk.ticket.attachment;

import campus.helpdesk.api.Attachment;
import campus.helpdesk.api.Message;
import campus.helpdesk.api.Ticket;
import campus.helpdesk.api.TicketStatus;
import campus.helpdesk.ticket.Api;
import campus.helpdesk.ticket.ApiTest;
import io.micronaut.core.type.Argument;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

@MicronautTest(transactional = false)
class AttachmentsTest extends ApiTest {

    private static final Api.As ANALYST = Api.As.analyst("Dora Analyst");
    private Uploads uploads;

    @BeforeAll
    void connectUploads() {
        uploads = new Uploads(server.getURI(), tokens);
    }

    @Test
    void aPhotosGpsAndCameraAreGoneButItStaysUprightAndDecodes() throws IOException {
        Ticket ticket = create();
        byte[] photo = TestFiles.photoWithGps(800, 600, 6);
        assertThat(TestFiles.contains(photo, TestFiles.GPS_LATITUDE_REF)).isTrue();

        Attachment stored = upload(STUDENT, ticket.id(), "radiator.jpg", "image/jpeg", photo);
        assertThat(stored.type()).isEqualTo("image/jpeg");
        assertThat(stored.name()).isEqualTo("radiator.jpg");
        assertThat(stored.thumbnail()).isTrue();

        HttpResponse<byte[]> download = uploads.download(STUDENT, "/api/attachments/" + stored.id());
        assertThat(download.statusCode()).isEqualTo(200);
        byte[] back = download.body();
        assertThat(back).hasSize((int) stored.size());
        assertThat(TestFiles.contains(back, TestFiles.GPS_LATITUDE_REF)).isFalse();
        assertThat(TestFiles.contains(back, TestFiles.CAMERA)).isFalse();
        assertThat(TestFiles.contains(back, "taken at home")).isFalse();
        assertThat(TestFiles.contains(back, TestFiles.PRIVATE)).isFalse();
        assertThat(JpegMetadata.orientation(app1(back))).as("kept upright").isEqualTo(6);
        BufferedImage decoded = ImageIO.read(new ByteArrayInputStream(back));
        assertThat(decoded.getWidth()).isEqualTo(800);
        assertThat(decoded.getHeight()).isEqualTo(600);

        HttpResponse<byte[]> thumbnail = uploads.download(STUDENT, "/api/attachments/" + stored.id() + "?thumbnail=true");
        assertThat(thumbnail.headers().firstValue("Content-Type")).hasValue("image/jpeg");
        BufferedImage small = ImageIO.read(new ByteArrayInputStream(thumbnail.body()));
        assertThat(small.getHeight()).as("turned upright, at most 320").isEqualTo(320);
        assertThat(small.getWidth()).isEqualTo(240);

        // A typo used to read as false and send the whole photo; the two words in any case, or none, still work.
        for (String typo : List.of("ture", "1", "yes", "true%00")) {
            assertProblem(uploads.download(STUDENT, "/api/attachments/" + stored.id() + "?thumbnail=" + typo), 400,
                    "\"field\":\"thumbnail\"");
        }
        assertThat(uploads.download(STUDENT, "/api/attachments/" + stored.id() + "?thumbnail=TRUE").body())
                .isEqualTo(thumbnail.body());
        for (String whole : List.of("?thumbnail=FALSE", "?thumbnail=", "")) {
            assertThat(uploads.download(STUDENT, "/api/attachments/" + stored.id() + whole).body()).as(whole)
                    .hasSize((int) stored.size());
        }
    }

    /** Wider or taller than JPEG allows: a PNG's reader would hold rows of that width whole. Kept, no thumbnail. */
    @Test
    void anImageWiderOrTallerThanAnyPhotoIsKeptWithoutAThumbnail() throws IOException {
        Ticket ticket = create();
        for (int[] size : new int[][] {{70_000, 1}, {1, 70_000}}) {
            byte[] png = TestFiles.image("png", size[0], size[1]);
            Attachment stored = upload(STUDENT, ticket.id(), "strip.png", "image/png", png);
            assertThat(stored.type()).isEqualTo("image/png");
            assertThat(stored.thumbnail()).as(size[0] + " x " + size[1]).isFalse();
            assertThat(uploads.download(STUDENT, "/api/attachments/" + stored.id()).body()).isEqualTo(png);
        }
    }

    /**
     * A JPEG in more than one scan is decoded whole, outside the heap: past 16 megapixels it is kept without a
     * thumbnail, where a one-scan baseline one of the same size (a phone's) still gets one, and a small progressive
     * one too.
     */
    @Test
    void aJpegDecodedWholePastSixteenMegapixelsIsKeptWithoutAThumbnail() throws IOException {
        Ticket ticket = create();
        Attachment large = upload(STUDENT, ticket.id(), "export.jpg", "image/jpeg",
                TestFiles.progressiveJpeg(5_000, 4_000));
        assertThat(large.thumbnail()).as("20 megapixels, progressive").isFalse();
        Attachment scans = upload(STUDENT, ticket.id(), "scans.jpg", "image/jpeg",
                TestFiles.jpegInOneScanPerColour(5_000, 4_000));
        assertThat(scans.thumbnail()).as("20 megapixels, baseline in three scans").isFalse();
        Attachment small = upload(STUDENT, ticket.id(), "small.jpg", "image/jpeg",
                TestFiles.progressiveJpeg(1_600, 1_200));
        assertThat(small.thumbnail()).as("2 megapixels, progressive").isTrue();
        Attachment phone = upload(STUDENT, ticket.id(), "phone.jpg", "image/jpeg", TestFiles.image("jpg", 5_000, 4_000));
        assertThat(phone.thumbnail()).as("20 megapixels, baseline").isTrue();
    }

    @Test
    void aDownloadCarriesTheDetectedTypeAndCannotBecomeAPage() throws IOException {
        Ticket ticket = create();
        Attachment photo = upload(STUDENT, ticket.id(), "déjà vu (1).png", "application/octet-stream",
                TestFiles.image("png", 50, 40));
        HttpResponse<byte[]> image = uploads.download(STUDENT, "/api/attachments/" + photo.id());
        assertThat(image.headers().firstValue("Content-Type")).hasValue("image/png");
        assertThat(image.headers().firstValue("Content-Disposition")).hasValue(
                "inline; filename=\"d_j_ vu (1).png\"; filename*=UTF-8''d%C3%A9j%C3%A0%20vu%20%281%29.png");
        assertThat(image.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(image.headers().firstValue("Content-Security-Policy").orElseThrow()).startsWith("sandbox;");
        assertThat(image.headers().firstValue("Cache-Control")).as("a student's photo left on a shared PC's disk")
                .hasValue("private, no-store");

        Attachment text = upload(STUDENT, ticket.id(), "page.html", "text/html",
                "<script>alert(1)</script> not a page".getBytes());
        assertThat(text.type()).isEqualTo("text/plain");
        assertThat(text.name()).as("saved and double-clicked, it opens as text").isEqualTo("page.html.txt");
        HttpResponse<byte[]> download = uploads.download(STUDENT, "/api/attachments/" + text.id());
        assertThat(download.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/plain");
        assertThat(download.headers().firstValue("Content-Disposition").orElseThrow()).startsWith("attachment;");
        assertProblem(uploads.download(STUDENT, "/api/attachments/" + text.id() + "?thumbnail=true"), 404,
                "no thumbnail");
    }

    /** A client that asks for the file's own type gets it: the route is not JSON's alone. */
    @Test
    void aDownloadIsServedToAnAcceptOfItsOwnType() throws IOException {
        Ticket ticket = create();
        byte[] png = TestFiles.image("png", 50, 40);
        Attachment photo = upload(STUDENT, ticket.id(), "photo.png", "image/png", png);
        for (String accept : new String[] {"image/png", "image/*",
                "image/avif,image/webp,image/apng,image/svg+xml,image/*,*/*;q=0.8"}) {
            HttpResponse<byte[]> image = uploads.download(STUDENT, "/api/attachments/" + photo.id(), accept);
            assertThat(image.statusCode()).as(accept).isEqualTo(200);
            assertThat(image.body()).as(accept).isEqualTo(png);
        }
        HttpResponse<byte[]> thumbnail = uploads.download(STUDENT, "/api/attachments/" + photo.id()
                + "?thumbnail=true", "image/jpeg");
        assertThat(thumbnail.statusCode()).isEqualTo(200);
        assertThat(thumbnail.headers().firstValue("Content-Type")).hasValue("image/jpeg");
        // A refusal is still a problem, whatever was asked for.
        HttpResponse<byte[]> missing = uploads.download(STUDENT, "/api/attachments/999999999", "image/png");
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(missing.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    }

    @Test
    void aPngsTextChunksAndAWebpsExifAreStripped() throws IOException {
        Ticket ticket = create();
        Attachment png = upload(STUDENT, ticket.id(), "a.png", "image/png", TestFiles.pngWithText(64, 48));
        byte[] pngBack = uploads.download(STUDENT, "/api/attachments/" + png.id()).body();
        assertThat(TestFiles.contains(pngBack, TestFiles.GPS_LATITUDE_REF)).isFalse();
        assertThat(TestFiles.contains(pngBack, TestFiles.PRIVATE)).isFalse();
        assertThat(ImageIO.read(new ByteArrayInputStream(pngBack)).getWidth()).isEqualTo(64);

        Attachment webp = upload(STUDENT, ticket.id(), "a.webp", "image/webp", TestFiles.webpWithExif());
        assertThat(webp.type()).isEqualTo("image/webp");
        byte[] webpBack = uploads.download(STUDENT, "/api/attachments/" + webp.id()).body();
        assertThat(TestFiles.contains(webpBack, "EXIF")).isFalse();
        assertThat(TestFiles.contains(webpBack, TestFiles.GPS_LATITUDE_REF)).isFalse();
        ByteBuffer riff = ByteBuffer.wrap(webpBack).order(ByteOrder.LITTLE_ENDIAN);
        assertThat(riff.getInt(4)).as("RIFF size counts what was kept").isEqualTo(webpBack.length - 8);
        assertThat(webpBack[20] & 0x08).as("VP8X no longer announces Exif").isZero();
    }

    @Test
    void aFilesNameEndsInAnExtensionThatFitsWhatItIsAndIsComposed() throws IOException {
        Ticket ticket = create();
        byte[] text = "netsh wlan show profiles".getBytes(StandardCharsets.UTF_8);
        assertThat(upload(STUDENT, ticket.id(), "fix.hta", "text/plain", text).name()).isEqualTo("fix.hta.txt");
        assertThat(upload(STUDENT, ticket.id(), "holiday.html", "image/png", TestFiles.image("png", 8, 8)).name())
                .isEqualTo("holiday.html.png");
        assertThat(upload(STUDENT, ticket.id(), "photo", "image/jpeg", TestFiles.image("jpg", 8, 8)).name())
                .isEqualTo("photo.jpg");
        assertThat(upload(STUDENT, ticket.id(), "Scan.JPEG", "image/jpeg", TestFiles.image("jpg", 8, 8)).name())
                .as("an extension that fits, in any case, stays").isEqualTo("Scan.JPEG");
        long second = create().id(); // at most five files per place
        assertThat(upload(STUDENT, second, "report.", "text/plain", text).name()).isEqualTo("report.txt");
        assertThat(upload(STUDENT, second, "query.sql", "text/plain", text).name()).isEqualTo("query.sql");
        assertThat(upload(STUDENT, second, "cafe\u0301 wifi.log", "text/plain", text).name())
                .as("composed, as every stored text").isEqualTo("caf\u00e9 wifi.log");
    }

    @Test
    void aFormWhoseTypeIsWrittenInCapitalsIsReadAsAForm() throws IOException {
        Ticket ticket = create();
        String boundary = "----Capital-Boundary-Kept-As-Sent";
        byte[] form = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"n.txt\"\r\n"
                + "Content-Type: text/plain\r\n\r\nnotes\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
        HttpResponse<String> response = uploads.notAForm(STUDENT, "/api/tickets/" + ticket.id() + "/attachments",
                "MULTIPART/Form-Data; boundary=" + boundary, form);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        assertThat(list(STUDENT, ticket.id())).extracting(Attachment::name).containsExactly("n.txt");
    }

    @Test
    void aMessageIdThatIsNoWholeNumberIsABadInputNamingIt() throws SQLException {
        Ticket ticket = create();
        for (String messageId : List.of("abc", "1.5", "%D9%A3", "99999999999999999999")) {
            assertProblem(uploads.upload(STUDENT, "/api/tickets/" + ticket.id() + "/attachments?messageId=" + messageId,
                    "n.txt", "text/plain", "x".getBytes()), 400, "\"field\":\"messageId\"");
        }
        assertThat(storedRows(ticket.id())).isZero();
    }

    /**
     * A file that stops arriving holds no database connection: one student's stalled uploads once held a
     * transaction each, and sixteen of them took every connection of the pool until the gateway gave up on them. A
     * caller gets three at a time (429 past that, with Retry-After), others are not held up, and closing the
     * stalled ones gives their slots back.
     */
    @Test
    void stalledUploadsHoldNoConnectionAndOneCallerGetsThreeAtATime() throws Exception {
        Ticket ticket = create();
        String path = "/api/tickets/" + ticket.id() + "/attachments";
        List<java.net.Socket> stalled = new java.util.ArrayList<>();
        try {
            for (int i = 0; i < UploadSlots.PER_CALLER; i++) {
                stalled.add(uploads.stalled(STUDENT, path, 5 * 1024 * 1024, 200 * 1024));
            }
            long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(3);
            while (System.nanoTime() < deadline) {
                assertThat(idleInTransaction()).as("a connection held while the file arrives").isZero();
                Thread.sleep(100);
            }
            HttpResponse<String> fourth = uploads.upload(STUDENT, path, "more.txt", "text/plain", "x".getBytes());
            assertProblem(fourth, 429, "already sending 3 files");
            assertThat(fourth.headers().firstValue("Retry-After")).hasValue("10");
            assertThat(upload(STAFF, ticket.id(), "staff.txt", "text/plain", "y".getBytes()).name())
                    .isEqualTo("staff.txt");
        } finally {
            for (java.net.Socket socket : stalled) {
                socket.close();
            }
        }
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(10);
        HttpResponse<String> again;
        do {
            Thread.sleep(100);
            again = uploads.upload(STUDENT, path, "again.txt", "text/plain", "z".getBytes());
        } while (again.statusCode() == 429 && System.nanoTime() < deadline);
        assertThat(again.statusCode()).as(again.body()).isEqualTo(201);
        assertThat(list(STAFF, ticket.id())).extracting(Attachment::name)
                .containsExactlyInAnyOrder("staff.txt", "again.txt");
    }

    /** Transactions waiting on their client for longer than any request's own work takes between statements. */
    private long idleInTransaction() throws SQLException {
        return count("SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() "
                + "AND state LIKE 'idle in transaction%' AND now() - state_change > interval '500 milliseconds' "
                + "AND pid <> pg_backend_pid()");
    }

    @Test
    void anExecutableRenamedJpgIsRefusedAndNothingIsStored() throws SQLException {
        Ticket ticket = create();
        assertProblem(uploads.upload(STUDENT, "/api/tickets/" + ticket.id() + "/attachments", "cat.jpg",
                "image/jpeg", TestFiles.elfExecutable()), 415, "cannot be attached");
        assertThat(storedRows(ticket.id())).isZero();
    }

    @Test
    void anEmptyFileIsABadInputNamingItNotAnUnknownType() throws SQLException {
        Ticket ticket = create();
        HttpResponse<?> refused = uploads.upload(STUDENT, "/api/tickets/" + ticket.id() + "/attachments", "notes.txt",
                "text/plain", new byte[0]);
        assertProblem(refused, 400, "The file is empty");
        assertProblem(refused, 400, "\"field\":\"file\"");
        assertThat(storedRows(ticket.id())).isZero();
    }

    @Test
    void aFormCutOffInsideItsFileIsRefusedAndNothingIsStored() throws SQLException {
        Ticket ticket = create();
        byte[] half = "line of a long log\n".repeat(1_500).getBytes(StandardCharsets.UTF_8);
        HttpResponse<String> refused = uploads.cutOff(STUDENT, "/api/tickets/" + ticket.id() + "/attachments",
                "log.txt", half);
        assertProblem(refused, 400, "ended before the end of the file");
        assertProblem(refused, 400, "\"field\":\"file\"");
        assertThat(storedRows(ticket.id())).isZero();
    }

    @Test
    void aTextFieldInPlaceOfTheFileIsABadInputNamingIt() throws SQLException {
        Ticket ticket = create();
        HttpResponse<String> refused = uploads.textField(STUDENT, "/api/tickets/" + ticket.id() + "/attachments",
                "just text");
        assertProblem(refused, 400, "\"field\":\"file\"");
        assertThat(storedRows(ticket.id())).isZero();
    }

    @Test
    void aFormTheDecoderCannotReadIsABadInputAndNothingIsStored() throws SQLException {
        Ticket ticket = create();
        String path = "/api/tickets/" + ticket.id() + "/attachments";
        String form = "multipart/form-data; boundary=zz";
        // Each of these made Netty's decoder throw (its own exception, a NullPointerException, an index or charset
        // failure), which was a 500 with a stack trace in the log.
        for (String partHead : List.of(
                "Content-Disposition: form-data; filename=\"a.txt\"\r\nContent-Type: text/plain",
                "Content-Disposition: form-data; name=\"file\"; filename=\"a.txt\"\r\nContent-Type: text/plain; "
                        + "charset=x-bogus",
                "Content-Disposition: form-data; name=\"file\"; filename=\"a.txt\"\r\n"
                        + "Content-Transfer-Encoding: x-bogus",
                "Content-Disposition: form-data; name=\"file\"; filename*=x-bogus''abc.txt",
                "Content-Disposition: form-data; name=\"file\"; filename*=a.txt")) {
            byte[] body = ("--zz\r\n" + partHead + "\r\n\r\nhello\r\n--zz--\r\n").getBytes(StandardCharsets.UTF_8);
            HttpResponse<String> refused = uploads.notAForm(STUDENT, path, form, body);
            assertThat(refused.statusCode()).as(partHead + " -> " + refused.body()).isEqualTo(400);
            assertThat(refused.headers().firstValue("Content-Type").orElseThrow())
                    .startsWith("application/problem+json");
        }
        byte[] any = "--zz\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.txt\"\r\n\r\nhi\r\n--zz--\r\n"
                .getBytes(StandardCharsets.UTF_8);
        assertThat(uploads.notAForm(STUDENT, path, "multipart/form-data; boundary=\"", any).statusCode())
                .isEqualTo(400);
        assertThat(storedRows(ticket.id())).isZero();
    }

    @Test
    void aFileNameOfThousandsOfCharactersIsKeptToItsFirstCharactersAndItsExtension() {
        Ticket ticket = create();
        HttpResponse<String> stored = uploads.notAForm(STUDENT, "/api/tickets/" + ticket.id() + "/attachments",
                "multipart/form-data; boundary=zz", formWithFileName("a".repeat(10_000) + ".txt"));
        assertThat(stored.statusCode()).as(stored.body()).isEqualTo(201);
        assertThat(stored.body()).contains("\"name\":\"" + "a".repeat(FileNames.MAX_LENGTH - 4) + ".txt\"");
    }

    private static byte[] formWithFileName(String name) {
        return ("--zz\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + name
                + "\"\r\nContent-Type: text/plain\r\n\r\nhello\r\n--zz--\r\n").getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void aPhotoSentAsJsonOrAsItselfIsTold415HowFilesAreSent() throws SQLException, IOException {
        Ticket ticket = create();
        String path = "/api/tickets/" + ticket.id() + "/attachments";
        for (String type : List.of("application/json", "image/jpeg")) {
            assertProblem(uploads.notAForm(STUDENT, path, type, TestFiles.image("png", 10, 10)), 415,
                    "multipart/form-data");
        }
        assertThat(storedRows(ticket.id())).isZero();
    }

    @Test
    void aBrokenJpegIsRefusedAndNothingIsStored() throws SQLException, IOException {
        Ticket ticket = create();
        byte[] truncated = Arrays.copyOf(TestFiles.photoWithGps(200, 100, 1), 300);
        assertProblem(uploads.upload(STUDENT, "/api/tickets/" + ticket.id() + "/attachments", "cut.jpg",
                "image/jpeg", truncated), 415, "not a well-formed");
        assertThat(storedRows(ticket.id())).isZero();
    }

    @Test
    void aWebpWithNoPictureInItIsRefusedAndNothingIsStored() throws SQLException {
        Ticket ticket = create();
        byte[] empty = {'R', 'I', 'F', 'F', 4, 0, 0, 0, 'W', 'E', 'B', 'P'};
        assertProblem(uploads.upload(STUDENT, "/api/tickets/" + ticket.id() + "/attachments", "empty.webp",
                "image/webp", empty), 415, "holds no picture");
        byte[] emptyChunk = {'R', 'I', 'F', 'F', 12, 0, 0, 0, 'W', 'E', 'B', 'P', 'V', 'P', '8', 'L', 0, 0, 0, 0};
        assertProblem(uploads.upload(STUDENT, "/api/tickets/" + ticket.id() + "/attachments", "empty.webp",
                "image/webp", emptyChunk), 415, "holds no picture");
        assertThat(storedRows(ticket.id())).isZero();
    }

    @Test
    void officeDocumentsAreTheirOpenXmlTypeAndABareZipIsRefused() throws IOException {
        Ticket ticket = create();
        Attachment docx = upload(STUDENT, ticket.id(), "form.docx", "application/octet-stream", TestFiles.ooxml());
        assertThat(docx.type()).isEqualTo("application/vnd.openxmlformats-officedocument.wordprocessingml.document");
        assertProblem(uploads.upload(STUDENT, "/api/tickets/" + ticket.id() + "/attachments", "form.zip",
                "application/zip", TestFiles.ooxml()), 415, "cannot be attached");
    }

    @Test
    void tenMegabytesPassAndOneByteMoreIs413WithNothingStored() throws SQLException {
        Ticket ticket = create();
        byte[] exactly = new byte[(int) Attachments.MAX_BYTES];
        Arrays.fill(exactly, (byte) 'a');
        Attachment stored = upload(STUDENT, ticket.id(), "big.txt", "text/plain", exactly);
        assertThat(stored.size()).isEqualTo(Attachments.MAX_BYTES);
        assertThat(uploads.download(STUDENT, "/api/attachments/" + stored.id()).body()).isEqualTo(exactly);

        Ticket other = create();
        byte[] tooBig = Arrays.copyOf(exactly, exactly.length + 1);
        tooBig[tooBig.length - 1] = 'a';
        assertProblem(uploads.upload(STUDENT, "/api/tickets/" + other.id() + "/attachments", "big.txt",
                "text/plain", tooBig), 413, "at most 10 MB");
        assertThat(storedRows(other.id())).isZero();
    }

    @Test
    void aSixthFileUnderTheReportIsRefused() throws IOException {
        Ticket ticket = create();
        byte[] png = TestFiles.image("png", 10, 10);
        for (int i = 0; i < Attachments.MAX_PER_MESSAGE; i++) {
            upload(STUDENT, ticket.id(), "p" + i + ".png", "image/png", png);
        }
        assertProblem(uploads.upload(STUDENT, "/api/tickets/" + ticket.id() + "/attachments", "p5.png",
                "image/png", png), 409, "at most 5 files");
        Message message = api.post(STUDENT, "/api/tickets/" + ticket.id() + "/messages", Map.of("body", "More"))
                .as(Message.class);
        upload(STUDENT, ticket.id() + "/attachments?messageId=" + message.id(), png);
        assertThat(list(STUDENT, ticket.id())).hasSize(6).last().extracting(Attachment::messageId)
                .isEqualTo(message.id());
    }

    @Test
    void filesOfInternalNotesAreStaffOnly() throws IOException {
        Ticket ticket = create();
        Message note = api.post(STAFF, "/api/tickets/" + ticket.id() + "/messages",
                Map.of("body", "Looks staged", "internal", true)).as(Message.class);
        Attachment staffOnly = upload(STAFF, ticket.id() + "/attachments?messageId=" + note.id(),
                TestFiles.image("png", 10, 10));
        Attachment report = upload(STUDENT, ticket.id(), "r.png", "image/png", TestFiles.image("png", 10, 10));

        assertThat(list(STAFF, ticket.id())).extracting(Attachment::id).containsExactly(staffOnly.id(), report.id());
        assertThat(list(STUDENT, ticket.id())).extracting(Attachment::id).containsExactly(report.id());
        assertThat(list(ANALYST, ticket.id())).extracting(Attachment::id).containsExactly(report.id());
        assertThat(uploads.download(STUDENT, "/api/attachments/" + staffOnly.id()).statusCode()).isEqualTo(404);
        assertThat(uploads.download(ANALYST, "/api/attachments/" + staffOnly.id()).statusCode()).isEqualTo(404);
        assertThat(uploads.download(STAFF, "/api/attachments/" + staffOnly.id()).statusCode()).isEqualTo(200);
        assertThat(uploads.upload(STUDENT, "/api/tickets/" + ticket.id() + "/attachments?messageId=" + note.id(),
                "x.png", "image/png", TestFiles.image("png", 10, 10)).statusCode()).isEqualTo(404);
    }

    @Test
    void closedTicketsFilesAre404ForStudentsAndReadOnlyForEveryone() throws IOException {
        Ticket ticket = create();
        Attachment file = upload(STUDENT, ticket.id(), "r.png", "image/png", TestFiles.image("png", 10, 10));
        move(ticket.id(), TicketStatus.ACTIVE);
        move(ticket.id(), TicketStatus.CLOSED);

        assertThat(uploads.download(STUDENT, "/api/attachments/" + file.id()).statusCode()).isEqualTo(404);
        assertThat(api.get(STUDENT, "/api/tickets/" + ticket.id() + "/attachments").status).isEqualTo(404);
        assertThat(uploads.download(ANALYST, "/api/attachments/" + file.id()).statusCode()).isEqualTo(200);
        assertThat(uploads.upload(STAFF, "/api/tickets/" + ticket.id() + "/attachments", "s.png", "image/png",
                TestFiles.image("png", 10, 10)).statusCode()).isEqualTo(409);
    }

    @Test
    void whoMayAttachWhere() throws IOException {
        Ticket ticket = create();
        byte[] png = TestFiles.image("png", 10, 10);
        assertThat(uploads.upload(ANALYST, "/api/tickets/" + ticket.id() + "/attachments", "a.png", "image/png", png)
                .statusCode()).isEqualTo(403);
        assertProblem(uploads.upload(OTHER_STUDENT, "/api/tickets/" + ticket.id() + "/attachments", "a.png",
                "image/png", png), 403, "reporter or staff");
        Message mine = api.post(STUDENT, "/api/tickets/" + ticket.id() + "/messages", Map.of("body", "Photo below"))
                .as(Message.class);
        assertProblem(uploads.upload(OTHER_STUDENT, "/api/tickets/" + ticket.id() + "/attachments?messageId="
                + mine.id(), "a.png", "image/png", png), 403, "author or staff");
        upload(STAFF, ticket.id() + "/attachments?messageId=" + mine.id(), png);
        Ticket other = create();
        assertProblem(uploads.upload(STUDENT, "/api/tickets/" + other.id() + "/attachments?messageId="
                + mine.id(), "a.png", "image/png", png), 404, "does not exist under ticket");
    }

    @Test
    void deletingATicketAsSpamHidesItsFiles() throws IOException {
        Ticket ticket = create();
        Attachment file = upload(STUDENT, ticket.id(), "r.png", "image/png", TestFiles.image("png", 10, 10));
        assertThat(api.delete(STAFF, "/api/tickets/" + ticket.id()).status).isEqualTo(204);
        assertProblem(uploads.download(STAFF, "/api/attachments/" + file.id()), 404, "does not exist");
        assertThat(api.get(STAFF, "/api/tickets/" + ticket.id() + "/attachments").status).isEqualTo(404);
    }

    @Test
    void anUploadIsNotAChangeOfTheTicket() throws IOException {
        Ticket ticket = create();
        upload(STUDENT, ticket.id(), "r.png", "image/png", TestFiles.image("png", 10, 10));
        assertThat(api.get(STAFF, "/api/tickets/" + ticket.id()).as(Ticket.class).version())
                .as("no event, no version: attachments stay outside the feed").isEqualTo(ticket.version());
    }

    private Attachment upload(Api.As who, long ticketId, String name, String declared, byte[] content) {
        HttpResponse<String> response = uploads.upload(who, "/api/tickets/" + ticketId + "/attachments", name,
                declared, content);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        Attachment stored = read(response.body(), Argument.of(Attachment.class));
        assertThat(response.headers().firstValue("Location")).hasValue("/api/attachments/" + stored.id());
        return stored;
    }

    /** {@code pathAfterTickets}: "{id}/attachments?messageId=…". */
    private Attachment upload(Api.As who, String pathAfterTickets, byte[] png) {
        HttpResponse<String> response = uploads.upload(who, "/api/tickets/" + pathAfterTickets, "m.png", "image/png",
                png);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return read(response.body(), Argument.of(Attachment.class));
    }

    private List<Attachment> list(Api.As who, long ticketId) {
        return api.get(who, "/api/tickets/" + ticketId + "/attachments").as(Argument.listOf(Attachment.class));
    }

    private <T> T read(String body, Argument<T> type) {
        try {
            return json.readValue(body, type);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static void assertProblem(HttpResponse<?> response, int status, String detailContains) {
        String body = response.body() instanceof byte[] bytes ? new String(bytes, StandardCharsets.UTF_8)
                : String.valueOf(response.body());
        assertThat(response.statusCode()).as(body).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).as(body)
                .startsWith("application/problem+json");
        assertThat(body).contains(detailContains);
    }

    private long storedRows(long ticketId) throws SQLException {
        try (Connection c = sql(); PreparedStatement ps = c.prepareStatement("SELECT (SELECT count(*) FROM attachment "
                + "WHERE ticket_id = ?) + (SELECT count(*) FROM attachment_chunk k JOIN attachment a "
                + "ON a.id = k.attachment_id WHERE a.ticket_id = ?) + (SELECT count(*) FROM attachment_chunk k "
                + "WHERE NOT EXISTS (SELECT FROM attachment a WHERE a.id = k.attachment_id))")) {
            ps.setLong(1, ticketId);
            ps.setLong(2, ticketId);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    /** The APP1 body of a JPEG (the first one), or an empty array. */
    private static byte[] app1(byte[] jpeg) {
        int at = 2;
        while (at + 4 < jpeg.length && (jpeg[at] & 0xFF) == 0xFF) {
            int marker = jpeg[at + 1] & 0xFF;
            int length = ((jpeg[at + 2] & 0xFF) << 8) | (jpeg[at + 3] & 0xFF);
            if (marker == 0xE1) {
                return Arrays.copyOfRange(jpeg, at + 4, at + 2 + length);
            }
            if (marker == 0xDA) {
                break;
            }
            at += 2 + length;
        }
        return new byte[0];
    }
}
