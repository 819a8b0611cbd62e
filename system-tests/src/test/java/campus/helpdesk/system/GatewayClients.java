package campus.helpdesk.system;

import campus.helpdesk.client.TicketService;
import io.micronaut.context.ApplicationContext;

import java.net.URI;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * ticket-service's API as people reach it, through the gateway (which routes the contract's paths to ticket-service
 * unchanged): ticket-client's declarative clients pointed at a gateway, every call made as the signed-in person of
 * its {@code OnBehalfOf} ({@link GatewaySessions}). One client context per gateway, kept for the test JVM.
 */
public final class GatewayClients {

    private static final Map<URI, ApplicationContext> CONTEXTS = new ConcurrentHashMap<>();

    private GatewayClients() {
    }

    /** A client of ticket-client ({@code TicketClient}, {@code MessageClient}, ...) that calls {@code gateway}. */
    public static <T> T at(URI gateway, Class<T> client) {
        return CONTEXTS.computeIfAbsent(gateway, GatewayClients::start).getBean(client);
    }

    private static ApplicationContext start(URI gateway) {
        ApplicationContext context = ApplicationContext.builder().deduceEnvironment(false).properties(Map.of(
                "micronaut.application.name", "system-tests",
                "micronaut.http.services." + TicketService.ID + ".url", gateway.toString(),
                "micronaut.http.services." + TicketService.ID + ".read-timeout", "30s",
                // service-support refuses to start without a key; these clients sign nothing with it.
                "helpdesk.service-key", SharedSuite.SECRETS.serviceKey())).start();
        Runtime.getRuntime().addShutdownHook(new Thread(context::close, "gateway-clients-stop"));
        return context;
    }
}
