package campus.helpdesk.gateway;

import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Prototype;
import io.micronaut.runtime.server.EmbeddedServer;

/** Gives a gateway test its client for the server of its own context: {@code @Inject GatewayHttp http}. */
@Factory
class GatewayHttpFactory {

    @Prototype
    GatewayHttp gatewayHttp(EmbeddedServer server) {
        return new GatewayHttp(server.getURI());
    }
}
