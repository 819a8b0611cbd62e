package campus.helpdesk.ticket.token;

import campus.helpdesk.api.ApiToken;
import campus.helpdesk.api.ApiTokenOperations;
import campus.helpdesk.api.IssuedApiToken;
import campus.helpdesk.api.NewApiToken;
import campus.helpdesk.api.TokenCheck;
import campus.helpdesk.support.identity.ServiceRoles;
import campus.helpdesk.ticket.db.Database;
import campus.helpdesk.ticket.identity.Identity;
import campus.helpdesk.ticket.problem.Problems;
import campus.helpdesk.tokens.ApiTokens;
import campus.helpdesk.tokens.IssuedToken;
import campus.helpdesk.tokens.TokenException;
import campus.helpdesk.tokens.TokenInfo;
import campus.helpdesk.tokens.TokenRole;
import campus.helpdesk.support.problem.BadInput;
import campus.helpdesk.support.problem.HelpdeskProblem;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Controller;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;

import java.net.URI;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** Staff's side of the API tokens, and the gateway's check of each token; the rules live in {@link ApiTokens}. */
@Controller
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured(ServiceRoles.STAFF)
public class ApiTokenController implements ApiTokenOperations {

    private final Database db;

    public ApiTokenController(Database db) {
        this.db = db;
    }

    @Override
    public List<ApiToken> tokens() {
        Instant now = Instant.now();
        return db.autoCommit(ApiTokens::list).stream().map(t -> view(t, now)).toList();
    }

    @Override
    public HttpResponse<IssuedApiToken> issue(NewApiToken request) {
        TokenRole role = role(request.role());
        int days = request.days() == null ? ApiTokens.DEFAULT_DAYS : request.days();
        String owner = Identity.current().user();
        IssuedToken issued = refusing(db, c -> ApiTokens.create(c, request.name(), role, owner, days));
        return HttpResponse.created(new IssuedApiToken(view(issued.info(), Instant.now()), issued.token()),
                URI.create("/api/tokens/" + issued.info().name()));
    }

    @Override
    public ApiToken revoke(String name) {
        String by = Identity.current().user();
        return view(refusing(db, c -> ApiTokens.revoke(c, name, by)), Instant.now());
    }

    @Override
    @Secured(ServiceRoles.GATEWAY)
    public ApiToken verify(TokenCheck check) {
        return db.autoCommit(c -> ApiTokens.verify(c, check.token()))
                .map(t -> view(t, Instant.now()))
                .orElseThrow(() -> Problems.of(HttpStatus.UNAUTHORIZED,
                        "This API token is unknown, revoked or expired"));
    }

    /** Runs token or integration work, its refusals ({@link TokenException}) as the problem the caller gets. */
    public static <T> T refusing(Database db, Database.Work<T> work) {
        try {
            return db.autoCommit(work);
        } catch (TokenException e) {
            throw problem(e);
        }
    }

    private static HelpdeskProblem problem(TokenException e) {
        return switch (e.kind()) {
            // The token rules write sentences for the staff member at the form; the field is named apart.
            case INVALID -> BadInput.problemWithDetail(e.field(), e.getMessage());
            case CONFLICT -> Problems.conflict(e.getMessage());
            case NOT_FOUND -> Problems.of(HttpStatus.NOT_FOUND, e.getMessage());
        };
    }

    private static TokenRole role(String role) {
        try {
            return TokenRole.valueOf(role.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw Problems.badInput("role", "must be one of " + Arrays.toString(TokenRole.values()));
        }
    }

    private static ApiToken view(TokenInfo t, Instant now) {
        return new ApiToken(t.name(), t.role().name(), t.owner(), t.createdAt(), t.expiresAt(), t.lastUsedAt(),
                t.revokedAt(), t.isActive(now));
    }
}
