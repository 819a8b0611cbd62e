package campus.helpdesk.support.lifecycle;

import io.micronaut.context.ApplicationContext;
import io.micronaut.context.BeanProvider;
import io.micronaut.context.annotation.Requires;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import jakarta.inject.Singleton;
import org.junit.jupiter.api.Test;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A service being stopped (Ctrl-C, the supervisor's restart, a container's SIGTERM) finishes the requests it has
 * begun. Without the shared graceful-shutdown setting, a request still running when the stop began lost the beans
 * it needed next and got a 500 with a stack trace in the log: at every stop of the desk, the followers' long polls.
 */
class GracefulStopTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @Test
    void aRequestInFlightWhenTheServiceStopsIsAnsweredInFull() throws Exception {
        SlowController.entered = new CountDownLatch(1);
        EmbeddedServer server = ApplicationContext.run(EmbeddedServer.class, Map.of("spec.name", "GracefulStopTest"));
        CompletableFuture<HttpResponse<String>> answer = HTTP.sendAsync(
                HttpRequest.newBuilder(server.getURI().resolve("/slow")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(SlowController.entered.await(20, TimeUnit.SECONDS)).as("the request is being served").isTrue();

        server.getApplicationContext().close(); // what the JVM's shutdown hook does on SIGTERM

        HttpResponse<String> response = answer.get(20, TimeUnit.SECONDS);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("done");
    }

    @Requires(property = "spec.name", value = "GracefulStopTest")
    @Secured(SecurityRule.IS_ANONYMOUS)
    @Controller("/slow")
    static class SlowController {

        static volatile CountDownLatch entered;

        private final BeanProvider<Finisher> finisher;

        SlowController(BeanProvider<Finisher> finisher) {
            this.finisher = finisher;
        }

        /** Needs a bean only after the stop has begun, as a long poll needs its database pool when it wakes. */
        @Get
        @ExecuteOn(TaskExecutors.BLOCKING)
        String slow() throws InterruptedException {
            entered.countDown();
            Thread.sleep(800);
            return finisher.get().finish();
        }
    }

    @Requires(property = "spec.name", value = "GracefulStopTest")
    @Singleton
    static class Finisher {

        String finish() {
            return "done";
        }
    }
}
