package campus.helpdesk.client;

import io.micronaut.core.propagation.PropagatedContext;
import io.micronaut.core.propagation.PropagatedContextElement;

import java.util.function.Supplier;

/**
 * The person a call to ticket-service speaks for. ticket-service believes no name or role a request states, only
 * the credentials {@link CredentialsFilter} presents for this person; it travels to the filter in Micronaut's
 * propagated context, because the operations of the contract have no parameter for it.
 *
 * @param name the person's display name
 * @param role STUDENT or STAFF ({@code campus.helpdesk.support.identity.ServiceRoles})
 */
public record OnBehalfOf(String name, String role) implements PropagatedContextElement {

    public static OnBehalfOf person(String name, String role) {
        return new OnBehalfOf(name, role);
    }

    /** Runs {@code calls} (one or more client calls) on behalf of this person. */
    public <T> T call(Supplier<T> calls) {
        PropagatedContext context = PropagatedContext.getOrEmpty();
        PropagatedContext mine = context.find(OnBehalfOf.class).map(outer -> context.replace(outer, this))
                .orElseGet(() -> context.plus(this));
        try (PropagatedContext.Scope ignored = mine.propagate()) {
            return calls.get();
        }
    }

    public void run(Runnable calls) {
        call(() -> {
            calls.run();
            return null;
        });
    }
}
