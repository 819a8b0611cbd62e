package campus.helpdesk.client;

import io.micronaut.aop.MethodInvocationContext;
import io.micronaut.context.annotation.Value;
import io.micronaut.core.propagation.PropagatedContext;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.annotation.ClientFilter;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.client.ClientAttributes;

import java.util.Optional;
import java.util.function.BiConsumer;

/**
 * The one place where calls to ticket-service get their credentials: every request of every client with the id
 * {@link TicketService#ID}. An operation marked {@link SpeaksForItself} speaks for this application in that role,
 * wherever it is called from; any other for the person of the surrounding {@link OnBehalfOf}. A call that names
 * neither fails here, before anything is sent.
 */
@ClientFilter(serviceId = TicketService.ID)
public class CredentialsFilter {

    private final Credentials credentials;
    private final String self;

    public CredentialsFilter(Credentials credentials, @Value("${micronaut.application.name}") String self) {
        this.credentials = credentials;
        this.self = self;
    }

    @RequestFilter
    public void present(MutableHttpRequest<?> request) {
        OnBehalfOf who = ownRole(request).map(role -> new OnBehalfOf(self, role))
                .or(() -> PropagatedContext.getOrEmpty().find(OnBehalfOf.class))
                .orElseThrow(() -> new IllegalStateException(request.getMethod() + " " + request.getPath()
                        + " speaks for a person: make the call inside OnBehalfOf.person(name, role).call(...)"));
        credentials.present(who, request::header);
    }

    /** For a request that does not go through a Micronaut client (a streamed download): this application's own. */
    public void presentItself(String role, BiConsumer<String, String> header) {
        credentials.present(new OnBehalfOf(self, role), header);
    }

    private static Optional<String> ownRole(MutableHttpRequest<?> request) {
        return ClientAttributes.getInvocationContext(request).map(MethodInvocationContext::getAnnotationMetadata)
                .flatMap(metadata -> metadata.stringValue(SpeaksForItself.class));
    }
}
