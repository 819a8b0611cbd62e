package campus.helpdesk.sla;

import campus.helpdesk.api.Priority;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ServiceLevelSettingsTest {

    private static final Instant MONDAY_NIGHT = Instant.parse("2026-03-02T21:00:00Z");

    @Test
    void nothingSetMeansTheDefaultsInCalendarHours() {
        ServiceLevels levels = ServiceLevelSettings.read(Map.<String, String>of()::get);
        assertThat(levels.deadlines(Priority.HIGH, MONDAY_NIGHT).firstResponseDue())
                .isEqualTo(MONDAY_NIGHT.plus(Duration.ofHours(1)));
    }

    @Test
    void targetsBusinessHoursHolidaysAndZoneFromTheEnvironment() {
        ServiceLevels levels = ServiceLevelSettings.read(Map.of(
                "HELPDESK_SLA_TARGETS", "high=30m/4h, LOW=2d/10d",
                "HELPDESK_BUSINESS_HOURS", "MON-FRI 09:00-17:00",
                "HELPDESK_HOLIDAYS", "2026-03-03",
                "HELPDESK_ZONE", "UTC")::get);
        assertThat(levels.target(Priority.HIGH).firstResponse()).isEqualTo(Duration.ofMinutes(30));
        assertThat(levels.target(Priority.LOW).resolution()).isEqualTo(Duration.ofDays(10));
        assertThat(levels.target(Priority.MEDIUM).firstResponse()).as("left out: default").isEqualTo(Duration.ofHours(8));
        // Monday night, Tuesday a holiday: due Wednesday 09:30.
        assertThat(levels.deadlines(Priority.HIGH, MONDAY_NIGHT).firstResponseDue())
                .isEqualTo(Instant.parse("2026-03-04T09:30:00Z"));
    }

    @Test
    void aMalformedSettingStopsTheServiceNamingIt() {
        assertThatThrownBy(() -> ServiceLevelSettings.read(Map.of("HELPDESK_SLA_TARGETS", "HIGH=soon")::get))
                .hasMessageContaining("HELPDESK_SLA_TARGETS");
        assertThatThrownBy(() -> ServiceLevelSettings.read(Map.of("HELPDESK_SLA_TARGETS", "URGENT=1h/2h")::get))
                .hasMessageContaining("HELPDESK_SLA_TARGETS");
        assertThatThrownBy(() -> ServiceLevelSettings.read(Map.of("HELPDESK_SLA_TARGETS", "HIGH=0h/2h")::get))
                .hasMessageContaining("HELPDESK_SLA_TARGETS");
        assertThatThrownBy(() -> ServiceLevelSettings.read(Map.of("HELPDESK_BUSINESS_HOURS", "weekdays")::get))
                .hasMessageContaining("HELPDESK_BUSINESS_HOURS");
        assertThatThrownBy(() -> ServiceLevelSettings.read(Map.of("HELPDESK_BUSINESS_HOURS", "MON-FRI 18:00-08:00")::get))
                .hasMessageContaining("HELPDESK_BUSINESS_HOURS");
        assertThatThrownBy(() -> ServiceLevelSettings.read(Map.of("HELPDESK_BUSINESS_HOURS", "MON-FRI 08:00-18:00",
                "HELPDESK_HOLIDAYS", "Christmas")::get)).hasMessageContaining("HELPDESK_HOLIDAYS");
        assertThatThrownBy(() -> ServiceLevelSettings.read(Map.of("HELPDESK_BUSINESS_HOURS", "MON-FRI 08:00-18:00",
                "HELPDESK_ZONE", "Mars/Olympus")::get)).hasMessageContaining("HELPDESK_ZONE");
    }
}
