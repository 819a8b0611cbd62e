package campus.helpdesk.system.analytics;

import campus.helpdesk.launcher.Service;
import campus.helpdesk.launcher.Suite;
import campus.helpdesk.system.SharedSuite;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Random;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

/** ticket-service goes away and comes back; an analytics service restarts. Answers never stop. */
class AnalyticsOutageTest {

    private static final List<Supplier<JsonNode>> ANSWERS = List.of(
            Answers::activeByCategoryJson,
            () -> Answers.get(Service.OPEN_PERIOD, "/api/analytics/open-period?days=1"),
            () -> Answers.get(Service.RESOLUTION_TIME, "/api/analytics/resolution-time"));

    @Test
    void whileTicketServiceIsDownAnswersKeepComingStaleWithGrowingLagThenRecoverAndAreCorrect() throws Exception {
        Suite suite = SharedSuite.get();
        TicketTraffic traffic = new TicketTraffic(suite.uri(Service.GATEWAY));
        traffic.run(2, 15, 7L);
        Questions.awaitAllEqual();
        Object categoriesBefore = Questions.activeByCategory().actual();

        suite.stop(Service.TICKET_SERVICE);
        try {
            long[] firstLag = new long[ANSWERS.size()];
            for (int i = 0; i < ANSWERS.size(); i++) {
                JsonNode answer = awaitStale(ANSWERS.get(i));
                firstLag[i] = answer.get("lagMs").asLong();
            }
            Thread.sleep(1_500);
            for (int i = 0; i < ANSWERS.size(); i++) {
                JsonNode answer = ANSWERS.get(i).get();
                assertThat(answer.get("stale").asBoolean()).isTrue();
                assertThat(answer.get("lagMs").asLong()).as("lag grows in %s", answer).isGreaterThan(firstLag[i]);
            }
            assertThat(Answers.activeByCategory(Answers.activeByCategoryJson()))
                    .as("the read model still answers what it knew").isEqualTo(categoriesBefore);
        } finally {
            suite.start(Service.TICKET_SERVICE);
        }

        traffic.run(2, 10, 8L);
        Questions.awaitAllEqual();
        for (Supplier<JsonNode> answer : ANSWERS) {
            assertThat(awaitFresh(answer).get("stale").asBoolean()).isFalse();
        }
    }

    @Test
    void aRestartedAnalyticsServiceRebuildsTheSameAnswersFromTheFeed() throws Exception {
        Suite suite = SharedSuite.get();
        new TicketTraffic(suite.uri(Service.GATEWAY)).create(new Random(3), "restart-probe");
        Questions.awaitAllEqual();
        Object categories = Questions.activeByCategory().actual();
        Object resolution = Questions.resolutionTime(null).actual();
        Object openPeriod = Questions.openPeriod("hours=8760").actual();

        for (Service service : List.of(Service.CATEGORY, Service.RESOLUTION_TIME, Service.OPEN_PERIOD)) {
            suite.stop(service);
            suite.start(service);
        }

        assertThat(Questions.activeByCategory().actual()).isEqualTo(categories);
        assertThat(Questions.resolutionTime(null).actual()).isEqualTo(resolution);
        assertThat(Questions.openPeriod("hours=8760").actual()).isEqualTo(openPeriod);
        Questions.awaitAllEqual();
    }

    private static JsonNode awaitStale(Supplier<JsonNode> question) throws InterruptedException {
        return await(question, true);
    }

    private static JsonNode awaitFresh(Supplier<JsonNode> question) throws InterruptedException {
        return await(question, false);
    }

    private static JsonNode await(Supplier<JsonNode> question, boolean stale) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 15_000;
        JsonNode answer = question.get();
        while (answer.get("stale").asBoolean() != stale && System.currentTimeMillis() < deadline) {
            Thread.sleep(50);
            answer = question.get();
        }
        assertThat(answer.get("stale").asBoolean()).as("stale in %s", answer).isEqualTo(stale);
        return answer;
    }
}
