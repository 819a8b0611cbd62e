package campus.helpdesk.sla;

import campus.helpdesk.api.Priority;
import campus.helpdesk.api.ServiceLevel;
import campus.helpdesk.api.SlaStatus;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class ServiceLevelsTest {

    private static final Instant OPENED = Instant.parse("2026-03-02T09:00:00Z");
    private final ServiceLevels levels = ServiceLevels.defaults();

    @Test
    void defaultTargetsAreCalendarHoursPerPriority() {
        Deadlines high = levels.deadlines(Priority.HIGH, OPENED);
        assertThat(high.firstResponseDue()).isEqualTo(OPENED.plus(Duration.ofHours(1)));
        assertThat(high.resolutionDue()).isEqualTo(OPENED.plus(Duration.ofHours(8)));
        assertThat(levels.deadlines(Priority.MEDIUM, OPENED).firstResponseDue()).isEqualTo(OPENED.plusSeconds(8 * 3600));
        assertThat(levels.deadlines(Priority.MEDIUM, OPENED).resolutionDue()).isEqualTo(OPENED.plusSeconds(72 * 3600));
        assertThat(levels.deadlines(Priority.LOW, OPENED).firstResponseDue()).isEqualTo(OPENED.plusSeconds(24 * 3600));
        assertThat(levels.deadlines(Priority.LOW, OPENED).resolutionDue()).isEqualTo(OPENED.plusSeconds(168 * 3600));
    }

    @Test
    void atRiskWhenLessThanAFifthOfTheTargetIsLeft() {
        Deadlines high = levels.deadlines(Priority.HIGH, OPENED);
        assertThat(high.firstResponseAtRisk()).isEqualTo(OPENED.plus(Duration.ofMinutes(48)));
        assertThat(status(high, OPENED.plus(Duration.ofMinutes(47)))).isEqualTo(SlaStatus.PENDING);
        assertThat(status(high, OPENED.plus(Duration.ofMinutes(48)))).isEqualTo(SlaStatus.AT_RISK);
        assertThat(status(high, OPENED.plus(Duration.ofMinutes(60)))).as("exactly due is not late")
                .isEqualTo(SlaStatus.AT_RISK);
        assertThat(status(high, OPENED.plus(Duration.ofMinutes(60)).plusMillis(1))).isEqualTo(SlaStatus.BREACHED);
    }

    @Test
    void doneOnTimeIsMetAndLateIsBreachedWhateverTheTimeNow() {
        Deadlines high = levels.deadlines(Priority.HIGH, OPENED);
        Instant muchLater = OPENED.plus(Duration.ofDays(30));
        ServiceLevel onTime = ServiceLevels.evaluate(high, OPENED.plus(Duration.ofMinutes(59)),
                OPENED.plus(Duration.ofHours(8)), muchLater);
        assertThat(onTime).isEqualTo(new ServiceLevel(SlaStatus.MET, SlaStatus.MET));
        ServiceLevel late = ServiceLevels.evaluate(high, OPENED.plus(Duration.ofMinutes(61)),
                OPENED.plus(Duration.ofHours(9)), muchLater);
        assertThat(late).isEqualTo(new ServiceLevel(SlaStatus.BREACHED, SlaStatus.BREACHED));
    }

    @Test
    void aTicketClosedWithoutAReplyHadItsFirstResponseInTheClosing() {
        Deadlines high = levels.deadlines(Priority.HIGH, OPENED);
        assertThat(ServiceLevels.evaluate(high, null, OPENED.plus(Duration.ofMinutes(10)), OPENED.plus(Duration.ofDays(1))))
                .isEqualTo(new ServiceLevel(SlaStatus.MET, SlaStatus.MET));
        assertThat(ServiceLevels.evaluate(high, null, null, OPENED.plus(Duration.ofHours(2))))
                .isEqualTo(new ServiceLevel(SlaStatus.BREACHED, SlaStatus.PENDING));
    }

    @Test
    void aPriorityChangeRecomputesTheTargetsFromTheOpeningTime() {
        Instant now = OPENED.plus(Duration.ofHours(2));
        Deadlines asMedium = levels.deadlines(Priority.MEDIUM, OPENED);
        assertThat(ServiceLevels.evaluate(asMedium, null, null, now).firstResponse()).isEqualTo(SlaStatus.PENDING);
        // Raised to HIGH two hours after opening: due one hour after opening, so already breached, not due at now+1h.
        Deadlines asHigh = levels.deadlines(Priority.HIGH, OPENED);
        assertThat(asHigh.firstResponseDue()).isEqualTo(OPENED.plus(Duration.ofHours(1)));
        assertThat(ServiceLevels.evaluate(asHigh, null, null, now).firstResponse()).isEqualTo(SlaStatus.BREACHED);
        // Lowered back to LOW: a response at now is within 24 h of opening again.
        Deadlines asLow = levels.deadlines(Priority.LOW, OPENED);
        assertThat(ServiceLevels.evaluate(asLow, now, null, now).firstResponse()).isEqualTo(SlaStatus.MET);
    }

    private static SlaStatus status(Deadlines deadlines, Instant now) {
        return ServiceLevels.status(deadlines.firstResponseDue(), deadlines.firstResponseAtRisk(), null, now);
    }
}
