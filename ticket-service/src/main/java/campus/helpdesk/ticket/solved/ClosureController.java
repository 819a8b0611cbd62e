package campus.helpdesk.ticket.solved;

import campus.helpdesk.api.Closure;
import campus.helpdesk.api.ClosureOperations;
import campus.helpdesk.support.problem.BadInput;
import io.micronaut.core.annotation.Nullable;
import campus.helpdesk.support.identity.ServiceRoles;
import campus.helpdesk.ticket.identity.Identity;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.context.ServerRequestContext;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;

import java.util.List;

/**
 * Thin, like the ticket controller: the rules are {@link Identity}'s and {@link Closures}'. The gateway may read a
 * closure as itself (GATEWAY) to tell the open browsers of the reporter and the followers, the only caller that is
 * not a person.
 */
@Controller
@ExecuteOn(TaskExecutors.BLOCKING)
public class ClosureController implements ClosureOperations {

    private final Closures closures;

    public ClosureController(Closures closures) {
        this.closures = closures;
    }

    /** Analysts report nothing and keep no read marks: the list is not theirs (403). */
    @Override
    @Secured({ServiceRoles.STUDENT, ServiceRoles.STAFF})
    public List<Closure> solved(@Nullable String recent) {
        return Boolean.TRUE.equals(BadInput.trueOrFalse("recent", recent)) ? closures.recent(Identity.current())
                : closures.unacknowledged(Identity.current());
    }

    @Override
    @Secured({ServiceRoles.STUDENT, ServiceRoles.STAFF, ServiceRoles.ANALYST, ServiceRoles.GATEWAY})
    public Closure closure(long id) {
        return gatewayItself() ? closures.toTell(id) : closures.of(Identity.current(), id);
    }

    /** The gateway reads any closure, followers named: it decides itself whom to tell (reporter and followers). */
    private static boolean gatewayItself() {
        return ServerRequestContext.currentRequest()
                .flatMap(request -> request.getUserPrincipal(Authentication.class))
                .map(a -> a.getRoles().contains(ServiceRoles.GATEWAY))
                .orElse(false);
    }
}
