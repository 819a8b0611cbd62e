package campus.helpdesk.ticket.classify;

import campus.helpdesk.api.Category;
import campus.helpdesk.api.Certainty;
import campus.helpdesk.api.Classification;
import campus.helpdesk.api.Ticket;
import campus.helpdesk.api.TicketPage;
import campus.helpdesk.ticket.Api;
import campus.helpdesk.ticket.ApiTest;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.Statement;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

@MicronautTest(transactional = false)
class ClassifierTest extends ApiTest {

    /** A made-up kind of text the shipped corpus cannot know. */
    private static final String ODD_TEXT = "the zorblax quuxifier in the vorpal annex glimmers";

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = new HashMap<>(super.getProperties());
        properties.put("helpdesk.classifier.retrain-every", "0");
        return properties;
    }

    @Test
    void classifyAnswersACategoryWithItsProbabilityAndEveryCategorysScore() {
        Classification answer = api.post(STUDENT, "/api/tickets/classify",
                Map.of("text", "eduroam keeps dropping in the library")).as(Classification.class);
        assertThat(answer.category()).isNotNull();
        assertThat(answer.confidence()).isBetween(0.0, 1.0);
        assertThat(answer.scores()).containsOnlyKeys(Category.values());
        assertProblem(api.post(STUDENT, "/api/tickets/classify", Map.of("text", "")), 400, "text");
    }

    @Test
    void aCreatedTicketGetsTheClassifiersCategoryAndReviewFlag() {
        String text = "Water is leaking from the ceiling of the canteen kitchen";
        Classification expected = api.post(STUDENT, "/api/tickets/classify",
                Map.of("text", "Leak in canteen\n" + text)).as(Classification.class);
        Ticket ticket = create(STUDENT, "Leak in canteen", text);
        assertThat(ticket.category()).isEqualTo(expected.category());
        assertThat(ticket.categoryConfidence()).isEqualTo(expected.confidence());
        assertThat(ticket.needsReview()).isEqualTo(expected.needsReview());
    }

    /** The tester's report: title "a", description "e" was filed SERVICES at 0.99 without review. */
    @Test
    void aTicketOfLoneLettersIsNotSureAndWaitsForReview() {
        Ticket ticket = create(STUDENT, "a", "e");
        assertThat(ticket.needsReview()).isTrue();
        assertThat(ticket.categoryConfidence()).isLessThan(Certainty.NOT_SURE_BELOW);
        for (String text : List.of("a", "e", "i", "o", "x")) {
            Classification answer = classify(text);
            assertThat(answer.certainty()).as(text).isEqualTo(Certainty.NOT_SURE);
            assertThat(answer.needsReview()).as(text).isTrue();
        }
        assertThat(classify("wifi down").certainty()).isEqualTo(Certainty.VERY_LIKELY);
    }

    @Test
    void theStaffQueueFiltersTicketsThatNeedReview() throws Exception {
        Ticket unsure = create(STUDENT, "Something", "Something odd happened");
        Ticket sure = create(STUDENT, "Eduroam down", "The wifi eduroam is down in the library");
        try (Connection c = sql(); Statement s = c.createStatement()) {
            s.executeUpdate("UPDATE tickets SET needs_review = (id = " + unsure.id() + ") WHERE id IN ("
                    + unsure.id() + ", " + sure.id() + ")");
        }
        TicketPage page = api.get(STAFF, "/api/tickets?needsReview=true&size=100").as(TicketPage.class);
        assertThat(page.items()).extracting(Ticket::id).contains(unsure.id()).doesNotContain(sure.id());
        assertThat(page.items()).allSatisfy(t -> assertThat(t.needsReview()).isTrue());
    }

    @Test
    void onlyStaffMayRetrain() {
        assertProblem(api.post(STUDENT, "/api/classifier/retrain", Map.of()), 403, "Only staff");
    }

    @Test
    void correctionsFollowedByARetrainChangeThePredictionForThatKindOfText() {
        Category before = classify(ODD_TEXT).category();
        Category wanted = before == Category.SERVICES ? Category.FACILITY : Category.SERVICES;
        for (int i = 0; i < HeldBack.CORRECTIONS_NEEDED; i++) {
            Ticket ticket = create(STUDENT, "Zorblax problem " + i, ODD_TEXT + " again, number " + i);
            Api.Answer answer = api.patch(STAFF, "/api/tickets/" + ticket.id(),
                    Map.of("category", wanted.name(), "version", ticket.version()));
            assertThat(answer.status).as(answer.toString()).isEqualTo(200);
        }
        Api.Answer retrain = api.post(STAFF, "/api/classifier/retrain", Map.of());
        assertThat(retrain.status).as(retrain.toString()).isEqualTo(200);
        assertThat(((Number) retrain.map().get("corrections")).intValue()).isEqualTo(HeldBack.CORRECTIONS_NEEDED);
        assertThat(retrain.map()).containsKey("trainedAt");

        assertThat(classify(ODD_TEXT + " today").category()).isEqualTo(wanted);
        Ticket fresh = create(STUDENT, "Zorblax again", ODD_TEXT + " once more");
        assertThat(fresh.category()).isEqualTo(wanted);
    }

    private Classification classify(String text) {
        Api.Answer answer = api.post(STAFF, "/api/tickets/classify", Map.of("text", text));
        assertThat(answer.status).as(answer.toString()).isEqualTo(200);
        return answer.as(Classification.class);
    }
}
