package campus.helpdesk.gateway.live;

import campus.helpdesk.gateway.caller.Caller;
import campus.helpdesk.gateway.session.GatewayRole;
import campus.helpdesk.support.limit.Places;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** The places of live streams: per session, per address and in all, each refusal saying which. */
class LiveStreamsTest {

    private static Caller session(String id) {
        return new Caller("Ann", GatewayRole.STUDENT, id, null, Instant.now().plusSeconds(3600));
    }

    @Test
    void aSessionsRefusalGivesTheAddressPlaceBackAndEachRefusalSaysWhose() {
        LiveStreams streams = new LiveStreams(10, 1, 2);
        Optional<String> here = Optional.of("198.51.100.9");
        Places.Place first = streams.take(session("a"), here);
        LiveStreams.NoPlace own = catchThrowableOfType(LiveStreams.NoPlace.class,
                () -> streams.take(session("a"), here));
        assertThat(own.getMessage()).startsWith("This session has 1");
        assertThat(streams.heldBy("198.51.100.9")).as("the address place of the refused stream came back").isEqualTo(1);
        streams.take(session("b"), here);
        LiveStreams.NoPlace address = catchThrowableOfType(LiveStreams.NoPlace.class,
                () -> streams.take(session("c"), here));
        assertThat(address.getMessage()).startsWith("This network address has 2");
        first.release();
        first.release();
        assertThat(streams.heldBy("198.51.100.9")).as("released once, however often").isEqualTo(1);
    }

    @Test
    void withoutALimitPerAddressAFullDeskSaysSoEvenWhenEveryoneSharesOneAddress() {
        LiveStreams streams = new LiveStreams(3, 2, 0);
        Optional<String> ingress = Optional.of("10.0.0.7");
        for (String id : new String[] {"a", "b", "c"}) {
            streams.take(session(id), ingress);
        }
        LiveStreams.NoPlace full = catchThrowableOfType(LiveStreams.NoPlace.class,
                () -> streams.take(session("d"), ingress));
        assertThat(full.status().getCode()).isEqualTo(503);
        assertThat(full.getMessage()).startsWith("The desk has all the live pages open");
        assertThat(streams.heldBy("10.0.0.7")).as("not counted by address").isZero();
    }
}
