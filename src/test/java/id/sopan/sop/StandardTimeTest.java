package id.sopan.sop;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class StandardTimeTest {

    private static StandardTime parsed(String text) {
        return StandardTime.parse(text).orElseThrow(() -> new AssertionError("not parsed: " + text));
    }

    @Test
    void minutesAsPrinted() {
        StandardTime t = parsed("30 menit");
        assertThat(t.amount()).isEqualTo(30);
        assertThat(t.unit()).isEqualTo(TimeUnit.WORKING_MINUTES);
        assertThat(t.text()).isEqualTo("30 menit");
        assertThat(t.workingMinutes()).hasValue(30);
    }

    @Test
    void unitIsCaseInsensitive() {
        assertThat(parsed("120 Menit").workingMinutes()).hasValue(120);
        assertThat(parsed("  45 MENIT ").workingMinutes()).hasValue(45);
    }

    @Test
    void dotIsAThousandsSeparator() {
        StandardTime t = parsed("1.320 menit");
        assertThat(t.amount()).isEqualTo(1320);
        assertThat(t.workingMinutes()).hasValue(1320);
        assertThat(t.text()).isEqualTo("1.320 menit");
    }

    @Test
    void hoursBecomeWorkingMinutes() {
        StandardTime t = parsed("2 jam");
        assertThat(t.unit()).isEqualTo(TimeUnit.WORKING_MINUTES);
        assertThat(t.amount()).isEqualTo(120);
        assertThat(t.workingMinutes()).hasValue(120);
        assertThat(t.display()).isEqualTo("2 jam");
    }

    @Test
    void daysAreWorkingDays() {
        StandardTime t = parsed("3 hari");
        assertThat(t.unit()).isEqualTo(TimeUnit.WORKING_DAYS);
        assertThat(t.amount()).isEqualTo(3);
        assertThat(parsed("3 hari kerja")).extracting(StandardTime::unit, StandardTime::amount)
                .containsExactly(TimeUnit.WORKING_DAYS, 3);
    }

    @Test
    void aWeekIsFiveWorkingDays() {
        StandardTime t = parsed("1 minggu");
        assertThat(t.unit()).isEqualTo(TimeUnit.WORKING_DAYS);
        assertThat(t.amount()).isEqualTo(5);
    }

    @Test
    void monthsAreCalendarMonths() {
        StandardTime t = parsed("1 bulan");
        assertThat(t.unit()).isEqualTo(TimeUnit.CALENDAR_MONTHS);
        assertThat(t.amount()).isEqualTo(1);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"3:30 menit", "menit", "abc", "   ", "30", "30 detik", "tiga menit", "1,5 jam"})
    void rejectsWhatIsNotATime(String text) {
        assertThat(StandardTime.parse(text)).isEmpty();
        assertThat(StandardTime.looksLikeTime(text)).isFalse();
    }

    @Test
    void workingMinutesOnlyForMinutes() {
        assertThat(parsed("3 hari").workingMinutes()).isEmpty();
        assertThat(parsed("1 minggu").workingMinutes()).isEmpty();
        assertThat(parsed("2 bulan").workingMinutes()).isEmpty();
        assertThat(StandardTime.unknown("3:30 menit").workingMinutes()).isEmpty();
    }

    @Test
    void unknownHasNoAmount() {
        StandardTime unknown = StandardTime.unknown(null);
        assertThat(unknown.isKnown()).isFalse();
        assertThat(unknown.amount()).isZero();
        assertThat(unknown.display()).isEmpty();
        assertThatThrownBy(() -> new StandardTime(5, TimeUnit.UNKNOWN, "5"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void displayWithoutPrintedText() {
        assertThat(StandardTime.minutes(30, null).display()).isEqualTo("30 menit");
        assertThat(new StandardTime(3, TimeUnit.WORKING_DAYS, "").display()).isEqualTo("3 hari kerja");
        assertThat(new StandardTime(1, TimeUnit.CALENDAR_MONTHS, null).display()).isEqualTo("1 bulan");
    }

    @Test
    void totalTimeKeepsUnitsApart() {
        List<StandardTime> times = List.of(parsed("30 menit"), parsed("2 jam"), parsed("1.320 menit"),
                parsed("3 hari"), parsed("1 minggu"), parsed("1 bulan"), StandardTime.unknown("3:30 menit"));
        Actor staf = new Actor("Staf", ActorKind.INTERNAL);
        List<Step> steps = new java.util.ArrayList<>();
        for (int i = 0; i < times.size(); i++) {
            steps.add(new Step(i + 1, "Staf bekerja", List.of(staf.name()), null, times.get(i), null, null, null, null));
        }
        SopDefinition sop = new SopDefinition("UMM-01", "Contoh", false, ServiceType.KESEKRETARIATAN, null, null,
                List.of(staf), steps, null);

        TotalTime total = sop.totalTime();

        assertThat(total.workingMinutes()).isEqualTo(30 + 120 + 1320);
        assertThat(total.workingDays()).isEqualTo(3 + 5);
        assertThat(total.calendarMonths()).isEqualTo(1);
        assertThat(total.unknownSteps()).isEqualTo(1);
        assertThat(total.display()).isEqualTo("1.470 menit + 8 hari kerja + 1 bulan");
    }

    @Test
    void totalTimeOfNothingDisplaysADash() {
        assertThat(TotalTime.of(List.of()).display()).isEqualTo("-");
        assertThat(TotalTime.of(List.of(StandardTime.unknown(null))).unknownSteps()).isEqualTo(1);
    }
}
