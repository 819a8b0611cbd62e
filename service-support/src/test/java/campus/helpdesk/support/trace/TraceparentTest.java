package campus.helpdesk.support.trace;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TraceparentTest {

    @Test
    void parsesAWellFormedVersion00Header() {
        var tp = Traceparent.parse("00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01").orElseThrow();
        assertThat(tp.traceId()).isEqualTo("4bf92f3577b34da6a3ce929d0e0e4736");
        assertThat(tp.parentId()).isEqualTo("00f067aa0ba902b7");
        assertThat(tp.flags()).isEqualTo("01");
        assertThat(tp.header()).isEqualTo("00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01");
    }

    @Test
    void rejectsMalformedAllZeroAndForbiddenVersionHeaders() {
        assertThat(Traceparent.parse(null)).isEmpty();
        assertThat(Traceparent.parse("")).isEmpty();
        assertThat(Traceparent.parse("hello")).isEmpty();
        assertThat(Traceparent.parse("00-4BF92F3577B34DA6A3CE929D0E0E4736-00f067aa0ba902b7-01")).isEmpty();
        assertThat(Traceparent.parse("00-00000000000000000000000000000000-00f067aa0ba902b7-01")).isEmpty();
        assertThat(Traceparent.parse("00-4bf92f3577b34da6a3ce929d0e0e4736-0000000000000000-01")).isEmpty();
        assertThat(Traceparent.parse("ff-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01")).isEmpty();
        assertThat(Traceparent.parse("00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01-extra")).isEmpty();
    }

    @Test
    void acceptsAFutureVersionWithExtraFields() {
        assertThat(Traceparent.parse("01-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01-what-comes")).isPresent();
    }

    @Test
    void newRootsAreValidAndDistinct() {
        var a = Traceparent.newRoot();
        var b = Traceparent.newRoot();
        assertThat(Traceparent.parse(a.header())).contains(a);
        assertThat(a.traceId()).isNotEqualTo(b.traceId());
        assertThat(a.header()).matches("00-[0-9a-f]{32}-[0-9a-f]{16}-01");
    }

    @Test
    void outgoingCallsKeepTheTraceIdAndUseThisServicesSpanAsParent() {
        var inbound = Traceparent.parse("00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01").orElseThrow();
        var out = new CurrentTrace(inbound, "1111111111111111").outgoing();
        assertThat(out.header()).isEqualTo("00-4bf92f3577b34da6a3ce929d0e0e4736-1111111111111111-01");
    }
}
