package campus.helpdesk.ticket.feed;

import campus.helpdesk.api.ChangePage;
import campus.helpdesk.ticket.Api;
import campus.helpdesk.ticket.ApiTest;
import io.micronaut.context.annotation.Property;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * With the sequencer stopped (as if its replica hung), the feed says so: a long poll answers early, empty, with
 * the moment the feed was last complete, so followers turn stale instead of waiting on a quiet-looking feed.
 */
@MicronautTest(transactional = false)
@Property(name = "helpdesk.feed.sequencer.enabled", value = "false")
class StalledSequencerTest extends ApiTest {

    @Inject
    FeedSequencer sequencer;

    @Test
    void aLongPollOnAStalledFeedAnswersEarlyAndSaysSinceWhenItIsComplete() throws Exception {
        sequencer.sweep();
        Instant completeBefore = sequencer.completeAsOf();
        String head = page("0", 1000, 0).next();
        create();
        Thread.sleep(ChangeFeedController.BEHIND_MS + 100);

        long started = System.nanoTime();
        ChangePage page = page(head, 100, 20_000);
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        assertThat(page.events()).as("the new ticket's event has no place yet").isEmpty();
        assertThat(took).isLessThan(Duration.ofSeconds(2));
        assertThat(page.completeAsOf()).isEqualTo(completeBefore);

        sequencer.sweep();
        ChangePage after = page(head, 100, 0);
        assertThat(after.events()).hasSize(1);
        assertThat(after.completeAsOf()).isAfter(completeBefore);
    }

    private ChangePage page(String after, int limit, int waitMs) {
        Api.Answer answer = api.get(FEED, "/api/changes?after=" + after + "&limit=" + limit + "&waitMs=" + waitMs);
        assertThat(answer.status).as(answer.toString()).isEqualTo(200);
        return answer.as(ChangePage.class);
    }
}
