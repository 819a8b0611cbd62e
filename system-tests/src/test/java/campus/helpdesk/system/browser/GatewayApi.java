package campus.helpdesk.system.browser;

import campus.helpdesk.api.NewTicket;
import campus.helpdesk.api.StatusChange;
import campus.helpdesk.api.TicketStatus;
import campus.helpdesk.client.OnBehalfOf;
import campus.helpdesk.client.TicketClient;
import campus.helpdesk.system.GatewayClients;
import campus.helpdesk.system.trust.GatewayClient;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * The gateway's HTTP API as one signed-in person, for the steps of a scenario that happen "somewhere else"
 * (another person closing a ticket while the dashboard is watched). Goes through the gateway like the browser:
 * tickets with the contract's declarative client, the analytics answers (no contract of ticket-api) as JSON.
 */
final class GatewayApi {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final URI base;
    private final OnBehalfOf person;
    private final TicketClient tickets;
    private final String cookie;

    private GatewayApi(URI base, OnBehalfOf person, String cookie) {
        this.base = base;
        this.person = person;
        this.tickets = GatewayClients.at(base, TicketClient.class);
        this.cookie = cookie;
    }

    static GatewayApi signIn(URI base, String name, String role) {
        return new GatewayApi(base, OnBehalfOf.person(name, role), GatewayClient.signIn(base, name, role));
    }

    JsonNode get(String path) {
        return ok(fetch(path));
    }

    long createTicket(String title, String description) {
        return person.call(() -> tickets.create(new NewTicket(title, description, null, null, null), null)).body().id();
    }

    long createTicket(String title, String description, String location) {
        return person.call(() -> tickets.create(new NewTicket(title, description, location, null, null), null))
                .body().id();
    }

    void move(long id, String status) {
        person.run(() -> {
            long version = tickets.get(id).version();
            tickets.changeStatus(id, new StatusChange(TicketStatus.valueOf(status), version), null);
        });
    }

    /** The raw "Cookie" header value of this session, for a second connection such as /api/live. */
    String cookie() {
        return cookie;
    }

    private JsonNode ok(HttpResponse<String> r) {
        if (r.statusCode() / 100 != 2) {
            throw new IllegalStateException(r.request().method() + " " + r.request().uri() + " -> " + r.statusCode()
                    + " " + r.body());
        }
        try {
            return JSON.readTree(r.body());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private HttpResponse<String> fetch(String path) {
        try {
            HttpRequest.Builder b = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(10))
                    .header("Accept", "application/json").header("Cookie", cookie).GET();
            return client.send(b.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
