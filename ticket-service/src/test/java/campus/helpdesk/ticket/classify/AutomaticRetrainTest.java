package campus.helpdesk.ticket.classify;

import campus.helpdesk.api.Category;
import campus.helpdesk.api.Classification;
import campus.helpdesk.api.Ticket;
import campus.helpdesk.ticket.ApiTest;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

@MicronautTest(transactional = false)
class AutomaticRetrainTest extends ApiTest {

    private static final String ODD_TEXT = "the blorptastic wumbler of the glimmer hall sputters";

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = new HashMap<>(super.getProperties());
        properties.put("helpdesk.classifier.retrain-every", "4");
        return properties;
    }

    @Test
    void everyNthCorrectionRetrainsTheClassifierWithoutBeingAsked() throws Exception {
        Category before = classify(ODD_TEXT).category();
        Category wanted = before == Category.IT ? Category.FACILITY : Category.IT;
        for (int i = 0; i < 4; i++) {
            Ticket ticket = create(STUDENT, "Wumbler " + i, ODD_TEXT + ", report " + i);
            assertThat(api.patch(STAFF, "/api/tickets/" + ticket.id(),
                    Map.of("category", wanted.name(), "version", ticket.version())).status).isEqualTo(200);
        }
        long deadline = System.currentTimeMillis() + 30_000;
        while (classify(ODD_TEXT + " today").category() != wanted && System.currentTimeMillis() < deadline) {
            Thread.sleep(200);
        }
        assertThat(classify(ODD_TEXT + " today").category()).isEqualTo(wanted);
    }

    private Classification classify(String text) {
        return api.post(STAFF, "/api/tickets/classify", Map.of("text", text)).as(Classification.class);
    }
}
