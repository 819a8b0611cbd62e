package campus.helpdesk.ticket.problem;

import campus.helpdesk.support.problem.ProblemResponses;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.filter.FilterPatternStyle;

/**
 * Keeps the raw JSON body of API writes (at most 1 MB, see max-request-size) so that, when it cannot be read,
 * {@link ProblemResponses} can name the property at the parser's error position.
 */
@ServerFilter(value = "/api/**", patternStyle = FilterPatternStyle.ANT)
public class RawBodyFilter {

    @RequestFilter
    public void keep(HttpRequest<?> request, @Nullable @Body String body) {
        if (body != null) {
            request.setAttribute(ProblemResponses.RAW_BODY_ATTRIBUTE, body);
        }
    }
}
