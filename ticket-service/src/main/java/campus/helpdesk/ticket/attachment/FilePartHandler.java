package campus.helpdesk.ticket.attachment;

import campus.helpdesk.support.problem.BadInput;
import campus.helpdesk.support.problem.FailureHandler;
import campus.helpdesk.support.problem.ProblemDocument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import jakarta.inject.Singleton;

import java.util.Arrays;

/**
 * A form whose part {@code file} is a text field rather than a file: Micronaut's streaming binder casts it to a file
 * upload regardless (4.10) and fails before the controller runs. That is the client's mistake, said as one; any
 * other failed cast is left to the service's {@link FailureHandler}.
 */
@Singleton
@Produces(ProblemDocument.PROBLEM_JSON)
public class FilePartHandler implements ExceptionHandler<ClassCastException, HttpResponse<?>> {

    private static final String STREAMING_BINDER = "NettyStreamingFileUploadBinder";

    private final FailureHandler failures;

    public FilePartHandler(FailureHandler failures) {
        this.failures = failures;
    }

    @Override
    public HttpResponse<?> handle(HttpRequest request, ClassCastException exception) {
        boolean fromTheBinder = Arrays.stream(exception.getStackTrace())
                .anyMatch(frame -> frame.getClassName().endsWith(STREAMING_BINDER));
        if (!fromTheBinder) {
            return failures.handle(request, exception);
        }
        return BadInput.response(HttpStatus.BAD_REQUEST, "file",
                "file: must be a file chosen for upload, not a text field");
    }
}
