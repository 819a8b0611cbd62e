package campus.helpdesk.ticket.problem;

import campus.helpdesk.support.problem.FilterBody;
import campus.helpdesk.support.problem.ProblemResponses;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.filter.ConditionalFilter;
import io.micronaut.http.filter.FilterContinuation;
import io.micronaut.http.filter.FilterPatternStyle;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Mono;

import java.nio.charset.StandardCharsets;

/**
 * Keeps the raw JSON body of API writes (bounded by max-request-size) so that, when it cannot be read,
 * {@link ProblemResponses} can name the property at the parser's error position. Not for uploads (multipart): their
 * body is a file streamed into the database, which this filter would otherwise read whole into a string.
 */
@ServerFilter(value = "/api/**", patternStyle = FilterPatternStyle.ANT)
public class RawBodyFilter implements ConditionalFilter {

    @Override
    public boolean isEnabled(HttpRequest<?> request) {
        return request.getContentType().map(type -> !type.matches(MediaType.MULTIPART_FORM_DATA_TYPE)).orElse(true);
    }

    @RequestFilter
    public Publisher<MutableHttpResponse<?>> keep(HttpRequest<?> request,
                                                  FilterContinuation<Publisher<MutableHttpResponse<?>>> next) {
        // Asked again here: the framework does not always ask isEnabled first (FilterBody says when).
        if (!isEnabled(request)) {
            return next.proceed();
        }
        return Mono.fromFuture(FilterBody.bytes(request))
                .doOnNext(body -> request.setAttribute(ProblemResponses.RAW_BODY_ATTRIBUTE,
                        new String(body, StandardCharsets.UTF_8)))
                .then(Mono.defer(() -> Mono.from(next.proceed())));
    }
}
