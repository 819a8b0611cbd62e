package campus.helpdesk.sla;

import campus.helpdesk.api.Priority;
import org.junit.jupiter.api.Test;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.EnumSet;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BusinessHoursTest {

    private static final ZoneId ROME = ZoneId.of("Europe/Rome");
    private static final BusinessHours WEEKDAYS = new BusinessHours(ROME,
            EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY), LocalTime.of(8, 0), LocalTime.of(18, 0), Set.of());

    @Test
    void countsOnlyTheOpeningHours() {
        // Monday 17:00 + 2 working hours: one hour on Monday, one on Tuesday from 08:00.
        assertThat(WEEKDAYS.plus(rome("2026-03-02T17:00"), Duration.ofHours(2))).isEqualTo(rome("2026-03-03T09:00"));
        // Filed at night: the clock starts when the desk opens.
        assertThat(WEEKDAYS.plus(rome("2026-03-02T22:30"), Duration.ofMinutes(30))).isEqualTo(rome("2026-03-03T08:30"));
        // Friday 17:00 + 8 h: one hour on Friday, seven on Monday.
        assertThat(WEEKDAYS.plus(rome("2026-03-06T17:00"), Duration.ofHours(8))).isEqualTo(rome("2026-03-09T15:00"));
        // A target ending exactly at closing time is due at closing, not the next morning.
        assertThat(WEEKDAYS.plus(rome("2026-03-02T08:00"), Duration.ofHours(10))).isEqualTo(rome("2026-03-02T18:00"));
    }

    @Test
    void skipsHolidays() {
        BusinessHours christmas = new BusinessHours(ROME, EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY),
                LocalTime.of(8, 0), LocalTime.of(18, 0),
                Set.of(LocalDate.parse("2026-12-24"), LocalDate.parse("2026-12-25")));
        // Wednesday 23 Dec 17:00 + 2 h: one hour that day; Thursday and Friday are holidays; Monday 28th 09:00.
        assertThat(christmas.plus(rome("2026-12-23T17:00"), Duration.ofHours(2))).isEqualTo(rome("2026-12-28T09:00"));
    }

    @Test
    void aDaylightSavingChangeKeepsTheDeskHoursOnTheLocalClock() {
        BusinessHours everyDay = new BusinessHours(ROME, EnumSet.allOf(DayOfWeek.class), LocalTime.of(8, 0),
                LocalTime.of(18, 0), Set.of());
        // Italy moves to summer time on Sunday 29 March 2026 at 02:00. Saturday 17:00 + 3 working hours: one hour on
        // Saturday (UTC+1), two on Sunday from 08:00 (UTC+2) → 10:00 local, which is 08:00 UTC.
        Instant due = everyDay.plus(rome("2026-03-28T17:00"), Duration.ofHours(3));
        assertThat(due).isEqualTo(rome("2026-03-29T10:00")).isEqualTo(Instant.parse("2026-03-29T08:00:00Z"));
        // In calendar hours the same target is simply three hours later, on Saturday...
        assertThat(WorkingTime.CALENDAR.plus(rome("2026-03-28T17:00"), Duration.ofHours(3)))
                .isEqualTo(rome("2026-03-28T20:00"));
        // ...and across the change a calendar target counts real hours, not wall-clock ones: 24 h from Saturday
        // 12:00 is Sunday 13:00 local.
        assertThat(WorkingTime.CALENDAR.plus(rome("2026-03-28T12:00"), Duration.ofHours(24)))
                .isEqualTo(rome("2026-03-29T13:00"));
        // Back to winter time on 25 October: an open window over the change keeps ten real hours on the local clock.
        assertThat(everyDay.plus(rome("2026-10-25T08:00"), Duration.ofHours(10))).isEqualTo(rome("2026-10-25T18:00"));
    }

    @Test
    void aPriorityChangeUnderBusinessHoursCountsFromTheOpeningAgain() {
        ServiceLevels levels = new ServiceLevels(ServiceLevels.defaultTargets(), WEEKDAYS);
        Instant friday = rome("2026-03-06T17:30");
        assertThat(levels.deadlines(Priority.MEDIUM, friday).firstResponseDue()).isEqualTo(rome("2026-03-09T15:30"));
        assertThat(levels.deadlines(Priority.HIGH, friday).firstResponseDue()).isEqualTo(rome("2026-03-09T08:30"));
        // At risk with a fifth of the working time left: 48 of 60 minutes, so Monday 08:18.
        assertThat(levels.deadlines(Priority.HIGH, friday).firstResponseAtRisk()).isEqualTo(rome("2026-03-09T08:18"));
    }

    @Test
    void refusesCalendarsThatCannotCount() {
        assertThatThrownBy(() -> new BusinessHours(ROME, Set.of(), LocalTime.of(8, 0), LocalTime.of(18, 0), Set.of()))
                .hasMessageContaining("working day");
        assertThatThrownBy(() -> new BusinessHours(ROME, Set.of(DayOfWeek.MONDAY), LocalTime.of(18, 0),
                LocalTime.of(8, 0), Set.of())).hasMessageContaining("open before");
    }

    private static Instant rome(String local) {
        return ZonedDateTime.of(java.time.LocalDateTime.parse(local), ROME).toInstant();
    }
}
