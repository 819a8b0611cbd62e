package campus.helpdesk.ticket.classify;

import campus.helpdesk.api.Category;
import campus.helpdesk.api.Ticket;
import campus.helpdesk.ticket.Api;
import campus.helpdesk.ticket.ApiTest;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntFunction;

import static org.assertj.core.api.Assertions.assertThat;

/** Staff's retrain is judged on held-back corrections: applied when it helps, refused when it would hurt. */
@MicronautTest(transactional = false)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class JudgedRetrainTest extends ApiTest {

    /** Kinds of text the shipped corpus cannot know. */
    private static final String ZORBLAX = "the zorblax quuxifier in the vorpal annex glimmers";
    private static final String FROBNITZ = "the frobnitz gargleblaster of the quibble wing hums";
    private static final String WIBBLE = "the wibbleton snarfcatcher by the plonk stair rattles";

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = new HashMap<>(super.getProperties());
        properties.put("helpdesk.classifier.retrain-every", "0");
        return properties;
    }

    @Test
    @Order(1)
    void aRetrainWithTooFewCorrectionsToJudgeIsRefusedSayingHowManyAreNeeded() {
        correctByStaff(ZORBLAX, zorblaxWanted(), 2);
        Api.Answer answer = api.post(STAFF, "/api/classifier/retrain", Map.of());
        assertProblem(answer, 422, "at least 46 corrected tickets, there are 2");
        assertThat(status().get("shipped")).isEqualTo(true);
        assertThat(status().get("accuracy")).isNull();
    }

    /**
     * The tester's case: one ticket's category set FACILITY, IT, FACILITY, … seven times counted as seven corrections,
     * and the retrain was judged on two held-back copies of it with contradicting labels (0 % before, 50 % after)
     * and applied.
     */
    @Test
    @Order(2)
    void aTicketSetBackAndForthCountsOnceAndJudgesNothing() {
        Ticket ticket = create(STUDENT, "Wibble", WIBBLE);
        long version = ticket.version();
        for (int i = 0; i < 7; i++) {
            Category to = i % 2 == 0 ? Category.FACILITY : Category.IT;
            Api.Answer answer = api.patch(STAFF, "/api/tickets/" + ticket.id(),
                    Map.of("category", to.name(), "version", version));
            assertThat(answer.status).as(answer.toString()).isEqualTo(200);
            version = answer.as(Ticket.class).version();
        }
        assertThat(status()).containsEntry("corrections", 3);

        Api.Answer answer = api.post(STAFF, "/api/classifier/retrain", Map.of());
        assertProblem(answer, 422, "at least 46 corrected tickets, there are 3");
        assertThat(status().get("shipped")).isEqualTo(true);
    }

    @Test
    @Order(3)
    void aRetrainThatImprovesTheHeldBackAccuracyIsApplied() {
        Category wanted = zorblaxWanted();
        correctByStaff(ZORBLAX, wanted, 50);

        Api.Answer answer = api.post(STAFF, "/api/classifier/retrain", Map.of());
        assertThat(answer.status).as(answer.toString()).isEqualTo(200);
        Map<String, Object> retrain = answer.map();
        assertThat(retrain).containsEntry("applied", true).containsEntry("heldBack", 11).containsEntry("used", 42)
                .containsEntry("corrections", 53);
        assertThat(number(retrain, "after")).isGreaterThan(number(retrain, "before"));
        assertThat(classify(ZORBLAX + " today")).isEqualTo(wanted);

        Map<String, Object> status = status();
        assertThat(status).containsEntry("shipped", false).containsEntry("modelCorrections", 42)
                .containsEntry("corrections", 53).containsEntry("heldBack", 11);
        assertThat(number(status, "accuracy")).isEqualTo(number(retrain, "after"));
    }

    @Test
    @Order(4)
    void aRetrainWithPoisonedCorrectionsIsRefusedAndTheModelStays() throws Exception {
        Category right = other(classify(FROBNITZ));
        storeCorrections(position -> right, 10);
        Api.Answer taught = api.post(STAFF, "/api/classifier/retrain", Map.of());
        assertThat(taught.status).as(taught.toString()).isEqualTo(200);
        assertThat(classify(FROBNITZ)).isEqualTo(right);
        Object trainedAt = status().get("trainedAt");

        // A careless run of corrections: every one that trains says the wrong thing, the held-back ones stay right.
        Category wrong = Arrays.stream(Category.values()).filter(c -> c != right)
                .findFirst().orElseThrow();
        storeCorrections(position -> position % HeldBack.EVERY == 0 ? right : wrong, 30);

        Api.Answer refused = api.post(STAFF, "/api/classifier/retrain", Map.of());
        assertProblem(refused, 409, "would lower the accuracy");
        Map<String, Object> problem = refused.map();
        assertThat(number(problem, "after")).isLessThan(number(problem, "before"));
        assertThat(problem).containsEntry("applied", false);
        assertThat(classify(FROBNITZ)).isEqualTo(right);
        assertThat(status().get("trainedAt")).isEqualTo(trainedAt);
    }

    /** Six staff pressing Retrain at once: one retrain runs, the others are told so at once instead of queueing. */
    @Test
    @Order(5)
    void retrainsAskedForAtOnceRunOneAtATime() throws Exception {
        int asked = 6;
        CountDownLatch go = new CountDownLatch(1);
        List<Future<Api.Answer>> answers = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(asked)) {
            for (int i = 0; i < asked; i++) {
                answers.add(pool.submit(() -> {
                    go.await();
                    return api.post(STAFF, "/api/classifier/retrain", Map.of());
                }));
            }
            go.countDown();
            int alreadyRunning = 0;
            int judged = 0;
            for (Future<Api.Answer> future : answers) {
                Api.Answer answer = future.get();
                if (answer.status == 409 && answer.toString().contains("already running")) {
                    assertThat(answer.map()).containsEntry("running", true);
                    alreadyRunning++;
                } else {
                    // Order 4 left careless corrections: the retrain that ran is judged and refused.
                    assertProblem(answer, 409, "would lower the accuracy");
                    judged++;
                }
            }
            assertThat(judged).isGreaterThanOrEqualTo(1);
            assertThat(alreadyRunning).isGreaterThanOrEqualTo(1);
        }
    }

    @Test
    void onlyStaffSeeTheClassifierOrRetrainIt() {
        assertProblem(api.get(STUDENT, "/api/classifier"), 403, "Only staff");
        assertProblem(api.post(STUDENT, "/api/classifier/retrain", Map.of()), 403, "Only staff");
    }

    private void correctByStaff(String text, Category wanted, int times) {
        for (int i = 0; i < times; i++) {
            Ticket ticket = create(STUDENT, "Zorblax problem " + i, text + " again, number " + i);
            Api.Answer answer = api.patch(STAFF, "/api/tickets/" + ticket.id(),
                    Map.of("category", wanted.name(), "version", ticket.version()));
            assertThat(answer.status).as(answer.toString()).isEqualTo(200);
        }
    }

    /**
     * Corrections as the category change stores them, one per new ticket, written directly so their positions in
     * the held-back cut (the order tickets were first corrected) are known.
     */
    private void storeCorrections(IntFunction<Category> labelAt, int times) throws Exception {
        try (Connection c = sql(); Statement count = c.createStatement();
             ResultSet stored = count.executeQuery("SELECT count(DISTINCT ticket_id) FROM category_correction");
             PreparedStatement insert = c.prepareStatement("INSERT INTO category_correction "
                     + "(ticket_id, text, predicted, corrected, actor) VALUES (?, ?, 'IT', ?::ticket_category, 'Carla')")) {
            stored.next();
            long first = stored.getLong(1);
            for (int i = 0; i < times; i++) {
                String text = FROBNITZ + ", note " + (first + i);
                insert.setLong(1, create(STUDENT, "Frobnitz " + i, text).id());
                insert.setString(2, text);
                insert.setString(3, labelAt.apply((int) (first + i)).name());
                insert.executeUpdate();
            }
        }
    }

    private Map<String, Object> status() {
        Api.Answer answer = api.get(STAFF, "/api/classifier");
        assertThat(answer.status).as(answer.toString()).isEqualTo(200);
        return answer.map();
    }

    private Category classify(String text) {
        return Category.valueOf((String) api.post(STAFF, "/api/tickets/classify", Map.of("text", text)).map()
                .get("category"));
    }

    /** A category the shipped model does not give the tickets {@link #correctByStaff} files. */
    private Category zorblaxWanted() {
        return other(classify("Zorblax problem 0\n" + ZORBLAX + " again, number 0"));
    }

    private static Category other(Category category) {
        return category == Category.SERVICES ? Category.FACILITY : Category.SERVICES;
    }

    private static double number(Map<String, Object> map, String key) {
        return ((Number) map.get(key)).doubleValue();
    }
}
