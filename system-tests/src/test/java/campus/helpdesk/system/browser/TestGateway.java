package campus.helpdesk.system.browser;

import campus.helpdesk.launcher.Service;
import campus.helpdesk.system.SharedSuite;

import java.net.URI;

/** Where the browser tests find the gateway. */
final class TestGateway {

    private TestGateway() {
    }

    /** -Dhelpdesk.gatewayUrl=http://localhost:8080 runs against a suite that is already up; else the shared one. */
    static URI uri() {
        String running = System.getProperty("helpdesk.gatewayUrl");
        return running != null && !running.isBlank() ? URI.create(running) : SharedSuite.uri(Service.GATEWAY);
    }
}
