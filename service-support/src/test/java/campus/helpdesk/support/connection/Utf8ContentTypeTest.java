package campus.helpdesk.support.connection;

import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** A client's Accept parameters never relabel the UTF-8 a service writes. */
@MicronautTest
class Utf8ContentTypeTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @Inject
    EmbeddedServer server;

    @Test
    void theAnswerIsLabelledAsTheUtf8ItIs() throws Exception {
        for (String accept : List.of("application/json; charset=latin1", "application/json;charset=foo-bar",
                "application/json; charset=utf-16", "application/json; level=1", "*/*; charset=iso-8859-1")) {
            HttpResponse<byte[]> r = HTTP.send(HttpRequest.newBuilder(URI.create(server.getURI() + "/words"))
                    .header("Accept", accept).build(), HttpResponse.BodyHandlers.ofByteArray());

            assertThat(r.statusCode()).as(accept).isEqualTo(200);
            assertThat(r.headers().firstValue("Content-Type")).as(accept).hasValue("application/json");
            assertThat(new String(r.body(), StandardCharsets.UTF_8)).contains("bibliothèque");
        }
    }

    @Secured(SecurityRule.IS_ANONYMOUS)
    @Controller
    static class WordsController {
        @Get("/words")
        Map<String, String> words() {
            return Map.of("place", "bibliothèque");
        }
    }
}
