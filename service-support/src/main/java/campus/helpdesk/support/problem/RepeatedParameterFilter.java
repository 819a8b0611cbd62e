package campus.helpdesk.support.problem;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.filter.ServerFilterPhase;

import java.util.List;
import java.util.Map;

/**
 * Refuses an API query parameter given more than once ({@code q=printer&q=scanner}), in every service. The framework
 * would join the values with a comma and the route would answer a question nobody asked: a search for
 * "printer,scanner", or the similar reports of two texts run together. A parameter that takes several values takes
 * them in one, comma-separated ({@code status=OPEN,ACTIVE}), which is what the refusal says.
 */
@ServerFilter("/api/**")
public class RepeatedParameterFilter implements Ordered {

    @Override
    public int getOrder() {
        // After the control-character check (which names a broken encoding first), still before security.
        return ServerFilterPhase.FIRST.after() + 1;
    }

    /** A 400 to answer at once, or null to let the request go on. */
    @RequestFilter
    public @Nullable MutableHttpResponse<?> check(HttpRequest<?> request) {
        try {
            for (Map.Entry<String, List<String>> parameter : request.getParameters()) {
                if (parameter.getValue().size() > 1) {
                    String name = ControlCharacterFilter.printable(parameter.getKey());
                    return BadInput.response(HttpStatus.BAD_REQUEST, name, name + ": is given "
                            + parameter.getValue().size() + " times; give it once (where it takes several values, "
                            + "separate them with commas in that one value)");
                }
            }
        } catch (IllegalArgumentException e) {
            return null; // a broken encoding: ControlCharacterFilter refuses it, naming the query
        }
        return null;
    }
}
