package campus.helpdesk.gateway.session;

import campus.helpdesk.gateway.address.ClientAddresses;
import campus.helpdesk.support.problem.BadInput;
import campus.helpdesk.support.problem.ProblemDocument;
import io.micronaut.http.HttpHeaders;
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

import java.time.Duration;
import java.util.Locale;
import java.util.Optional;

/**
 * Sign-in without accounts (the brief asks for none): a display name and a role. {@code GET} never fails, so the
 * UI can ask it on every page load; {@code signedIn} says whether there is a session.
 */
@Controller("/api/session")
public class SessionController {

    private final Sessions sessions;
    private final SignInThrottle throttle;
    private final SignInsPerAddress signIns;
    private final ClientAddresses addresses;

    public SessionController(Sessions sessions, SignInThrottle throttle, SignInsPerAddress signIns,
                             ClientAddresses addresses) {
        this.sessions = sessions;
        this.throttle = throttle;
        this.signIns = signIns;
        this.addresses = addresses;
    }

    @Post
    public MutableHttpResponse<?> signIn(HttpRequest<?> request, @Body @Valid SignIn signIn) {
        if (signIn.name().strip().isEmpty()) {
            return BadInput.response(HttpStatus.BAD_REQUEST, "name", "Please enter your name.");
        }
        GatewayRole role;
        try {
            role = GatewayRole.valueOf(signIn.role().strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return BadInput.response(HttpStatus.BAD_REQUEST, "role",
                    "Please choose how you use the helpdesk: as a student, as helpdesk staff or as an analyst.");
        }
        if (signIn.name().chars().anyMatch(Character::isISOControl)) {
            return BadInput.response(HttpStatus.BAD_REQUEST, "name",
                    "Your name can only contain ordinary characters, no control characters.");
        }
        if (role.privileged() && sessions.staffCodeRequired()) {
            String address = addresses.clientOf(request);
            Optional<Duration> wait = throttle.retryAfter(address, signIn.name());
            if (wait.isPresent()) {
                long seconds = seconds(wait.get());
                return BadInput.response(HttpStatus.TOO_MANY_REQUESTS, "staffCode", "Too many wrong staff codes. "
                        + "Please wait " + seconds + " seconds and try again.")
                        .header(HttpHeaders.RETRY_AFTER, String.valueOf(seconds));
            }
            if (!sessions.mayTake(role, signIn.staffCode())) {
                throttle.recordFailure(address, signIn.name());
            }
        }
        if (!sessions.mayTake(role, signIn.staffCode())) {
            // A forgotten code and a mistyped one need different help.
            boolean missing = signIn.staffCode() == null || signIn.staffCode().isBlank();
            return BadInput.response(HttpStatus.FORBIDDEN, "staffCode",
                    missing ? "Please enter the staff code." : "That staff code is not right.");
        }
        Optional<Duration> wait = addresses.countedAs(request).flatMap(signIns::take);
        if (wait.isPresent()) {
            // No field: nothing in the form is wrong.
            long seconds = seconds(wait.get());
            return ProblemDocument.response(HttpStatus.TOO_MANY_REQUESTS, "Too many sign-ins from this network "
                    + "address in the last minute. Please wait " + seconds + " seconds and try again.")
                    .header(HttpHeaders.RETRY_AFTER, String.valueOf(seconds));
        }
        Session session = sessions.start(signIn.name(), role);
        return HttpResponse.ok(SessionView.of(session, sessions.staffCodeRequired()))
                .cookie(sessions.cookie(session));
    }

    private static long seconds(Duration wait) {
        return Math.max(1, (wait.toMillis() + 999) / 1000);
    }

    @Get
    public SessionView current(HttpRequest<?> request) {
        if (sessions.ended(request)) {
            return SessionView.ended(sessions.staffCodeRequired());
        }
        return SessionView.of(sessions.of(request).orElse(null), sessions.staffCodeRequired());
    }

    @Delete
    public MutableHttpResponse<?> signOut(HttpRequest<?> request) {
        sessions.signOut(request);
        return HttpResponse.noContent().cookie(sessions.expiredCookie());
    }
}
