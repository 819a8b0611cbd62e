package campus.helpdesk.feed;

import campus.helpdesk.api.ChangeFeedOperations;
import campus.helpdesk.support.identity.ServiceRoles;
import campus.helpdesk.support.identity.ServiceTokens;
import io.micronaut.context.annotation.Value;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.annotation.ClientFilter;
import io.micronaut.http.annotation.RequestFilter;

/**
 * A follower reads the change feed as itself: every feed request carries a fresh FEED token under this
 * application's name, which lets it read the feed and nothing else (not a ticket, not a message).
 */
@ClientFilter(serviceId = TicketServiceClient.SERVICE_ID, patterns = {ChangeFeedOperations.PATH,
        ChangeFeedOperations.PATH + "/**"})
public class FeedTokenFilter {

    private final ServiceTokens tokens;
    private final String self;

    public FeedTokenFilter(ServiceTokens tokens, @Value("${micronaut.application.name}") String self) {
        this.tokens = tokens;
        this.self = self;
    }

    @RequestFilter
    public void sign(MutableHttpRequest<?> request) {
        request.header(HttpHeaders.AUTHORIZATION, authorization());
    }

    /** The header value; the snapshot download, which goes through the JDK client, sets it itself. */
    public String authorization() {
        return tokens.bearer(self, ServiceRoles.FEED, TicketServiceClient.SERVICE_ID);
    }
}
