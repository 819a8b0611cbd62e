package campus.helpdesk.client;

/**
 * ticket-service as its callers name it: the service id of every client here, so its address and timeouts are
 * {@code micronaut.http.services.ticket-service.*}, and the audience of the tokens they carry.
 */
public final class TicketService {

    public static final String ID = "ticket-service";

    private TicketService() {
    }
}
