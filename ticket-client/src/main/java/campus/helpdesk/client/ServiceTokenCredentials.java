package campus.helpdesk.client;

import campus.helpdesk.support.identity.ServiceTokens;
import io.micronaut.context.annotation.Secondary;
import io.micronaut.http.HttpHeaders;
import jakarta.inject.Singleton;

import java.util.function.BiConsumer;

/** A fresh service token per call, for ticket-service ({@code aud}), signed with the deployment's service key. */
@Singleton
@Secondary
public class ServiceTokenCredentials implements Credentials {

    private final ServiceTokens tokens;

    public ServiceTokenCredentials(ServiceTokens tokens) {
        this.tokens = tokens;
    }

    @Override
    public void present(OnBehalfOf who, BiConsumer<String, String> header) {
        header.accept(HttpHeaders.AUTHORIZATION, tokens.bearer(who.name(), who.role(), TicketService.ID));
    }
}
