package campus.helpdesk.ticket.attachment;

import campus.helpdesk.api.Attachment;
import campus.helpdesk.support.identity.ServiceRoles;
import campus.helpdesk.support.limit.Places;
import campus.helpdesk.support.problem.BadInput;
import campus.helpdesk.support.problem.Digits;
import campus.helpdesk.ticket.identity.Identity;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.multipart.StreamingFileUpload;
import io.micronaut.http.server.types.files.StreamedFile;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.media.Schema;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.List;

/**
 * Photos and files under a ticket. The upload's body is read as a stream ({@link StreamingFileUpload}, never a
 * completed upload, which buffers it). {@code messageId} is a query parameter rather than a form field: it is known
 * before the file's first byte, whatever order a client writes its parts in. Analysts read, never upload.
 */
@Secured({ServiceRoles.STUDENT, ServiceRoles.STAFF})
@Controller
@ExecuteOn(TaskExecutors.BLOCKING)
public class AttachmentController {

    /**
     * Even an image or a PDF opened directly is a document of its own: no script, no plugin, no form, nothing but
     * itself and its inline styles (browsers style a lone image with some).
     */
    static final String SANDBOX = "sandbox; default-src 'none'; img-src 'self' data:; style-src 'unsafe-inline'";

    private final Attachments attachments;
    private final UploadSlots slots;
    private final UploadStall stall;

    public AttachmentController(Attachments attachments, UploadSlots slots, UploadStall stall) {
        this.attachments = attachments;
        this.slots = slots;
        this.stall = stall;
    }

    /**
     * {@code messageId} is read from the request rather than bound as an argument: a nullable argument the query
     * leaves out might still come as a form field, so the framework held the route back until the whole form had
     * arrived, buffering the file in memory, and a file that stopped arriving never reached this method at all.
     */
    @Post(value = "/api/tickets/{id}/attachments", consumes = MediaType.MULTIPART_FORM_DATA)
    @Parameter(name = "messageId", in = ParameterIn.QUERY, description = "the message the file belongs to; none: the "
            + "report itself", schema = @Schema(type = "integer", format = "int64"))
    public HttpResponse<Attachment> upload(@PathVariable long id, HttpRequest<?> request, StreamingFileUpload file) {
        Long messageId = messageId(request.getParameters().get("messageId"));
        Identity who = Identity.current();
        try (Places.Place slot = slots.take(who);
             InputStream body = new WholePart(stall.watch(request, file.asInputStream()), file::isComplete)) {
            Attachment stored = attachments.upload(who, id, messageId, file.getFilename(), body);
            return HttpResponse.created(stored, URI.create("/api/attachments/" + stored.id()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static @Nullable Long messageId(@Nullable String given) {
        if (given == null || given.isEmpty()) {
            return null;
        }
        if (!Digits.plain(given) || given.length() > 18) {
            throw BadInput.problemWithDetail("messageId", "messageId: must be the id of a message under this ticket, "
                    + "a whole number such as 42, or left out for a file of the report itself");
        }
        return Long.parseLong(given);
    }

    @Get("/api/tickets/{id}/attachments")
    @Secured({ServiceRoles.STUDENT, ServiceRoles.STAFF, ServiceRoles.ANALYST})
    public List<Attachment> list(@PathVariable long id) {
        return attachments.of(Identity.current(), id);
    }

    @Get("/api/attachments/{id}")
    @Secured({ServiceRoles.STUDENT, ServiceRoles.STAFF, ServiceRoles.ANALYST})
    // A file is its own type, whatever it is: without this the route made only JSON, and Accept: image/png got 406.
    @Produces(MediaType.ALL)
    public HttpResponse<?> download(
            @PathVariable long id,
            @Parameter(description = "true: the JPEG thumbnail; false or empty: the file; any other value is a 400",
                    schema = @Schema(type = "boolean", defaultValue = "false"))
            @Nullable @QueryValue String thumbnail) {
        Identity who = Identity.current();
        if (Boolean.TRUE.equals(BadInput.trueOrFalse("thumbnail", thumbnail))) {
            byte[] jpeg = attachments.thumbnail(who, id);
            return guarded(HttpResponse.ok(jpeg).contentType(MediaType.IMAGE_JPEG_TYPE), "thumbnail-" + id + ".jpg",
                    true);
        }
        Attachments.Download download = attachments.open(who, id);
        Attachment a = download.attachment();
        StreamedFile file = new StreamedFile(download.content(), MediaType.of(a.type()),
                a.createdAt().toEpochMilli(), a.size());
        return guarded(HttpResponse.ok(file), a.name(), AttachmentTypes.isInline(a.type()));
    }

    /**
     * What keeps a stored file from being anything but itself in the browser, whoever uploaded it, and out of the
     * disk cache of a library PC once its student has signed out.
     */
    private static MutableHttpResponse<?> guarded(MutableHttpResponse<?> response, String name, boolean inline) {
        return response.header("Content-Disposition", FileNames.contentDisposition(name, inline))
                .header("X-Content-Type-Options", "nosniff")
                .header("Content-Security-Policy", SANDBOX)
                .header("Cache-Control", "private, no-store");
    }
}
