package campus.helpdesk.support.problem;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import org.junit.jupiter.api.Test;

import java.net.URISyntaxException;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class MalformedUriHandlerTest {

    @Test
    void aTargetThatIsNoUriIsA400ProblemNamingWhereItBroke() {
        String target = "/api/analytics/open-period?hours=%ZZ";
        HttpResponse<?> answer = new MalformedUriHandler().handle(HttpRequest.GET("/"),
                new URISyntaxException(target, "Malformed escape pair", target.indexOf('%')));
        assertThat(answer.getStatus().getCode()).isEqualTo(400);
        assertThat(answer.getContentType()).hasValue(ProblemDocument.PROBLEM_JSON_TYPE);
        assertThat(answer.getBody(Map.class).orElseThrow()).containsEntry("field", "hours")
                .containsEntry("detail", "hours: the query string is not valid percent-encoding");
    }

    @Test
    void namesTheQueryParameterWhoseValueBrokeTheUri() {
        String target = "/api/analytics/open-period?days=1&hours=%ZZ";
        assertThat(MalformedUriHandler.offendingInput(target, target.indexOf('%'))).isEqualTo("hours");
    }

    @Test
    void namesThePathOrTheWholeQueryWhenNoParameterCanBeNamed() {
        assertThat(MalformedUriHandler.offendingInput("/api/tickets/%ZZ?x=1", 13)).isEqualTo("path");
        assertThat(MalformedUriHandler.offendingInput("/api/tickets?%ZZ=1", 13)).isEqualTo("query");
        assertThat(MalformedUriHandler.offendingInput("/api/tickets?q=%", -1)).isEqualTo("query");
        assertThat(MalformedUriHandler.offendingInput(null, 3)).isEqualTo("path");
    }

    @Test
    void aCharacterSentRawIsNamedWithItsEscapeNotCalledABrokenEscape() {
        String target = "/api/tickets?size=5&q=(wifi|vpn)";
        HttpResponse<?> answer = new MalformedUriHandler().handle(HttpRequest.GET("/"),
                new URISyntaxException(target, "Illegal character in query", target.indexOf('|')));
        assertThat(answer.getBody(Map.class).orElseThrow()).containsEntry("field", "q").containsEntry("detail",
                "q: the query string holds '|', which must be percent-encoded (as %7C)");
        assertThat(MalformedUriHandler.fault("/api/tickets/a^b", 14, "the path"))
                .isEqualTo("the path holds '^', which must be percent-encoded (as %5E)");
        assertThat(MalformedUriHandler.fault("/api/tickets?q=%", -1, "the query string"))
                .isEqualTo("the query string is not valid percent-encoding");
    }
}
