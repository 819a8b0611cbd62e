package campus.helpdesk.support.identity;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.security.rules.SecurityRuleResult;
import jakarta.inject.Singleton;
import org.reactivestreams.Publisher;
import io.micronaut.core.async.publisher.Publishers;

/**
 * The OpenAPI document and Swagger UI describe the API and hold no data, so they stay readable without a token
 * (every service serves them from the same paths). Everything else needs a token: {@code @Secured} on each
 * controller says which roles, and Micronaut Security refuses what no rule allows.
 */
@Singleton
public class OpenDocuments implements SecurityRule<HttpRequest<?>> {

    @Override
    public Publisher<SecurityRuleResult> check(HttpRequest<?> request, @Nullable Authentication authentication) {
        String path = request.getPath();
        boolean document = path.startsWith("/swagger/") || path.startsWith("/swagger-ui/");
        return Publishers.just(document && request.getMethod() == HttpMethod.GET
                ? SecurityRuleResult.ALLOWED : SecurityRuleResult.UNKNOWN);
    }

    @Override
    public int getOrder() {
        return 0;
    }
}
