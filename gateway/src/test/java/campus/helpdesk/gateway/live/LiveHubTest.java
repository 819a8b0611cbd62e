package campus.helpdesk.gateway.live;

import campus.helpdesk.api.EventType;
import campus.helpdesk.api.TicketStatus;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static campus.helpdesk.gateway.live.VisibilityTest.event;
import static org.assertj.core.api.Assertions.assertThat;

class LiveHubTest {

    private static final Duration WAIT = Duration.ofSeconds(2);

    @Test
    void aReconnectingBrowserGetsExactlyTheEventsAfterItsLastEventId() {
        LiveHub hub = new LiveHub(10);
        for (int i = 1; i <= 5; i++) {
            hub.publish(event("c" + i, EventType.EDITED, TicketStatus.OPEN, false));
        }
        List<String> cursors = hub.subscribe("c3").take(2).map(item -> item.event().cursor()).collectList()
                .block(WAIT);
        assertThat(cursors).containsExactly("c4", "c5");
    }

    @Test
    void anIdThatIsNoLongerKnownGivesAResetFirst() {
        LiveHub hub = new LiveHub(2);
        for (int i = 1; i <= 5; i++) {
            hub.publish(event("c" + i, EventType.EDITED, TicketStatus.OPEN, false));
        }
        assertThat(hub.subscribe("c1").blockFirst(WAIT).reset()).isTrue();
    }

    @Test
    void aBrowserThatMissedMoreThanItsStreamHoldsGetsAResetNotAPartOfThem() {
        LiveHub hub = new LiveHub(5000);
        int missed = 1110;
        for (int i = 0; i <= missed; i++) {
            hub.publish(event("c" + i, EventType.EDITED, TicketStatus.OPEN, false));
        }
        assertThat(hub.subscribe("c0").blockFirst(WAIT).reset()).isTrue();

        String fewerAgo = "c" + (missed - LiveHub.REPLAY_AT_MOST);
        List<LiveHub.Item> replayed = hub.subscribe(fewerAgo).take(LiveHub.REPLAY_AT_MOST).collectList().block(WAIT);
        assertThat(replayed).hasSize(LiveHub.REPLAY_AT_MOST).noneMatch(LiveHub.Item::reset);
        assertThat(replayed.getLast().event().cursor()).isEqualTo("c" + missed);
    }

    @Test
    void aNewBrowserGetsOnlyWhatHappensFromNowOn() {
        LiveHub hub = new LiveHub(10);
        hub.publish(event("old", EventType.EDITED, TicketStatus.OPEN, false));
        var stream = hub.subscribe(null);
        hub.publish(event("new", EventType.EDITED, TicketStatus.OPEN, false));
        assertThat(stream.blockFirst(WAIT).event().cursor()).isEqualTo("new");
    }

    @Test
    void aBrowserThatLeavesIsForgotten() {
        LiveHub hub = new LiveHub(10);
        hub.subscribe(null).take(1).subscribe();
        hub.publish(event("a", EventType.EDITED, TicketStatus.OPEN, false));
        assertThat(hub.browsers()).isZero();
    }
}
