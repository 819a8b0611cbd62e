package campus.helpdesk.system;

import campus.helpdesk.client.Credentials;
import campus.helpdesk.client.OnBehalfOf;
import campus.helpdesk.client.TicketService;
import campus.helpdesk.system.trust.GatewayClient;
import io.micronaut.context.annotation.Value;
import io.micronaut.http.HttpHeaders;
import jakarta.inject.Singleton;

import java.net.URI;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiConsumer;

/**
 * What the gateway accepts from a person: the session cookie of a sign-in with that name and role, made once per
 * person and kept. Replaces the service tokens that the clients send when a service calls ticket-service itself.
 */
@Singleton
class GatewaySessions implements Credentials {

    private final URI gateway;
    private final Map<OnBehalfOf, String> cookies = new ConcurrentHashMap<>();

    GatewaySessions(@Value("${micronaut.http.services." + TicketService.ID + ".url}") URI gateway) {
        this.gateway = gateway;
    }

    @Override
    public void present(OnBehalfOf who, BiConsumer<String, String> header) {
        header.accept(HttpHeaders.COOKIE, cookies.computeIfAbsent(who,
                person -> GatewayClient.signIn(gateway, person.name(), person.role())));
    }
}
