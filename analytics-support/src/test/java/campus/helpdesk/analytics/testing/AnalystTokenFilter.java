package campus.helpdesk.analytics.testing;

import campus.helpdesk.support.identity.ServiceRoles;
import campus.helpdesk.support.identity.ServiceTokens;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import io.micronaut.context.env.Environment;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.annotation.ClientFilter;
import io.micronaut.http.annotation.RequestFilter;

/**
 * For the analytics services' own endpoint tests (shipped in this module's test jar): their test client calls as
 * an analyst whom the gateway sent, i.e. with a token minted for this service, unless the test set its own
 * Authorization header. What happens without a token is tested where the whole suite runs.
 */
@ClientFilter("/api/analytics/**")
@Requires(env = Environment.TEST)
public class AnalystTokenFilter {

    private final ServiceTokens tokens;
    private final String self;

    public AnalystTokenFilter(ServiceTokens tokens, @Value("${micronaut.application.name}") String self) {
        this.tokens = tokens;
        this.self = self;
    }

    @RequestFilter
    public void sign(MutableHttpRequest<?> request) {
        if (!request.getHeaders().contains(HttpHeaders.AUTHORIZATION)) {
            request.header(HttpHeaders.AUTHORIZATION, tokens.bearer("Al Analyst", ServiceRoles.ANALYST, self));
        }
    }
}
