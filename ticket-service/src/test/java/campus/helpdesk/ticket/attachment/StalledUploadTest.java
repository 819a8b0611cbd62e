package campus.helpdesk.ticket.attachment;

import campus.helpdesk.api.Attachment;
import campus.helpdesk.api.Ticket;
import campus.helpdesk.ticket.ApiTest;
import io.micronaut.context.annotation.Property;
import io.micronaut.core.type.Argument;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An upload whose bytes stop coming gives its slot back within the stall timeout (2 s here, 20 s in production),
 * with nothing stored, while one that keeps sending, however slowly, is not cut.
 */
@MicronautTest(transactional = false)
@Property(name = "helpdesk.uploads.stall-timeout", value = "2s")
class StalledUploadTest extends ApiTest {

    private Uploads uploads;

    @BeforeAll
    void connectUploads() {
        uploads = new Uploads(server.getURI(), tokens);
    }

    @Test
    void uploadsThatStopArrivingAreClosedAndTheirSlotsFreedWithNothingStored() throws Exception {
        Ticket ticket = create();
        String path = "/api/tickets/" + ticket.id() + "/attachments";
        List<Socket> stalled = new ArrayList<>();
        try {
            // The sender's side stays open and says nothing more, as behind a gateway whose client went away.
            for (int i = 0; i < UploadSlots.PER_CALLER; i++) {
                stalled.add(uploads.stalled(STUDENT, path, 5 * 1024 * 1024, 64 * 1024));
            }
            for (Socket socket : stalled) {
                assertThat(closedByTheServerWithin(socket, 10_000)).as("closed by the service").isTrue();
            }
            // The connection is closed first; the slot follows as soon as the upload's thread has seen it.
            long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(5);
            HttpResponse<String> next;
            do {
                next = uploads.upload(STUDENT, path, "next.txt", "text/plain", "x".getBytes());
            } while (next.statusCode() == 429 && System.nanoTime() < deadline);
            assertThat(next.statusCode()).as(next.body()).isEqualTo(201);
        } finally {
            for (Socket socket : stalled) {
                socket.close();
            }
        }
        assertThat(list(ticket.id())).extracting(Attachment::name).containsExactly("next.txt");
    }

    @Test
    void aSlowUploadThatKeepsSendingIsNotCut() throws Exception {
        Ticket ticket = create();
        String path = "/api/tickets/" + ticket.id() + "/attachments";
        // Four seconds in all, each piece well within the 2 s limit of the one before.
        String status = uploads.trickled(STUDENT, path, "a slow line\n".getBytes(StandardCharsets.US_ASCII), 10, 400);
        assertThat(status).isEqualTo("HTTP/1.1 201");
        assertThat(list(ticket.id())).extracting(Attachment::name).containsExactly("slow.txt");
    }

    private List<Attachment> list(long ticketId) {
        return api.get(STUDENT, "/api/tickets/" + ticketId + "/attachments").as(Argument.listOf(Attachment.class));
    }

    /** True once the server has closed its side (an answer, then the end of the stream, or a reset). */
    private static boolean closedByTheServerWithin(Socket socket, int millis) throws IOException {
        socket.setSoTimeout(millis);
        try {
            while (socket.getInputStream().read() >= 0) {
                // An answer may come before the end; read past it.
            }
            return true;
        } catch (SocketTimeoutException e) {
            return false;
        } catch (IOException reset) {
            return true;
        }
    }
}
