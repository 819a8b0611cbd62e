package campus.helpdesk.gateway.session;

import campus.helpdesk.support.problem.ProblemDocument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import jakarta.validation.Valid;

import java.util.Arrays;
import java.util.Locale;
import java.util.Map;

/**
 * Sign-in without accounts (the brief asks for none): a display name and a role. {@code GET} never fails, so the
 * UI can ask it on every page load; {@code signedIn} says whether there is a session.
 */
@Controller("/api/session")
public class SessionController {

    private final Sessions sessions;

    public SessionController(Sessions sessions) {
        this.sessions = sessions;
    }

    @Post
    public MutableHttpResponse<?> signIn(@Body @Valid SignIn signIn) {
        if (signIn.name().strip().isEmpty()) {
            return ProblemDocument.response(HttpStatus.BAD_REQUEST, "name: must not be blank", Map.of("field", "name"));
        }
        GatewayRole role;
        try {
            role = GatewayRole.valueOf(signIn.role().strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return ProblemDocument.response(HttpStatus.BAD_REQUEST, "role: must be one of " + Arrays.toString(GatewayRole.values()),
                    Map.of("field", "role"));
        }
        if (!sessions.mayTake(role, signIn.staffCode())) {
            return ProblemDocument.response(HttpStatus.FORBIDDEN,
                    "staffCode: the " + role.name().toLowerCase(Locale.ROOT) + " role needs the staff access code",
                    Map.of("field", "staffCode"));
        }
        Session session = sessions.start(signIn.name(), role);
        return HttpResponse.ok(SessionView.of(session, sessions.staffCodeRequired()))
                .cookie(sessions.cookie(session));
    }

    @Get
    public SessionView current(HttpRequest<?> request) {
        return SessionView.of(sessions.of(request).orElse(null), sessions.staffCodeRequired());
    }

    @Delete
    public MutableHttpResponse<?> signOut() {
        return HttpResponse.noContent().cookie(sessions.expiredCookie());
    }
}
