package id.sopan.calendar;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The bundled holiday files: readable, in their year, and 2026 exactly as the SKB 3 Menteri sets it. */
class HolidayFileTest {

    static HolidayFile bundled(int year) throws IOException {
        String name = "holidays-" + year + ".yaml";
        try (InputStream in = HolidayFileTest.class.getClassLoader().getResourceAsStream("calendar/" + name)) {
            assertThat(in).as(name).isNotNull();
            return HolidayFile.read(name, new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
    }

    @Test
    void year2026HasTheSeventeenNationalHolidaysAndEightCutiBersamaOfTheSkb() throws IOException {
        HolidayFile file = bundled(2026);
        assertThat(file.year()).isEqualTo(2026);
        assertThat(file.source()).contains("1497 Tahun 2025");
        assertThat(file.uncertain()).isEmpty();
        Map<Holiday.Kind, Long> perKind = file.holidays().stream()
                .collect(Collectors.groupingBy(Holiday::kind, Collectors.counting()));
        assertThat(perKind).containsEntry(Holiday.Kind.NATIONAL_HOLIDAY, 17L).containsEntry(Holiday.Kind.CUTI_BERSAMA, 8L)
                .doesNotContainKey(Holiday.Kind.LOCAL);
        assertThat(file.holidays()).extracting(Holiday::date).isSorted();
        assertThat(file.holidays()).contains(
                new Holiday(LocalDate.of(2026, 8, 17), "Proklamasi Kemerdekaan", Holiday.Kind.NATIONAL_HOLIDAY),
                new Holiday(LocalDate.of(2026, 3, 21), "Idulfitri 1447 Hijriah", Holiday.Kind.NATIONAL_HOLIDAY),
                new Holiday(LocalDate.of(2026, 12, 24), "Cuti Bersama Kelahiran Yesus Kristus", Holiday.Kind.CUTI_BERSAMA));
        assertThat(file.holidays().stream().filter(h -> h.kind() == Holiday.Kind.CUTI_BERSAMA).map(Holiday::date))
                .containsExactly(LocalDate.of(2026, 2, 16), LocalDate.of(2026, 3, 18), LocalDate.of(2026, 3, 20),
                        LocalDate.of(2026, 3, 23), LocalDate.of(2026, 3, 24), LocalDate.of(2026, 5, 15),
                        LocalDate.of(2026, 5, 28), LocalDate.of(2026, 12, 24));
        // Cuti bersama are working days taken off: none falls on a weekend.
        assertThat(file.holidays().stream().filter(h -> h.kind() == Holiday.Kind.CUTI_BERSAMA))
                .allMatch(h -> h.date().getDayOfWeek().getValue() <= DayOfWeek.FRIDAY.getValue());
    }

    @Test
    void year2027MarksItsEstimates() throws IOException {
        HolidayFile file = bundled(2027);
        assertThat(file.year()).isEqualTo(2027);
        assertThat(file.holidays()).hasSize(17).allMatch(h -> h.kind() == Holiday.Kind.NATIONAL_HOLIDAY);
        assertThat(file.holidays()).extracting(Holiday::date).contains(LocalDate.of(2027, 1, 1),
                LocalDate.of(2027, 3, 26), LocalDate.of(2027, 5, 6), LocalDate.of(2027, 8, 17), LocalDate.of(2027, 12, 25));
        // The Islamic holidays, Nyepi and Waisak are estimates until the decree for 2027 is out.
        assertThat(file.uncertain()).hasSize(8).contains(LocalDate.of(2027, 3, 10), LocalDate.of(2027, 5, 17));
        assertThat(file.holidays()).extracting(Holiday::date).containsAll(file.uncertain());
    }

    @Test
    void theServiceFindsEveryBundledYear() {
        assertThat(CalendarService.readBundled()).extracting(HolidayFile::year).containsExactly(2026, 2027);
    }

    @Test
    void brokenFilesAreRefusedNamingFileAndEntry() {
        String head = "year: 2026\nsource: test\nholidays:\n";
        assertThatThrownBy(() -> HolidayFile.read("h.yaml", head + "  - date: 2025-12-31\n    name: x\n    kind: LOCAL\n"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("h.yaml, holiday 1")
                .hasMessageContaining("not in 2026");
        assertThatThrownBy(() -> HolidayFile.read("h.yaml", head + "  - date: 2026-13-01\n    name: x\n    kind: LOCAL\n"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("YYYY-MM-DD");
        assertThatThrownBy(() -> HolidayFile.read("h.yaml", head + "  - date: 2026-01-01\n    name: x\n    kind: LIBUR\n"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("kind \"LIBUR\"");
        assertThatThrownBy(() -> HolidayFile.read("h.yaml", head + "  - date: 2026-01-01\n    kind: LOCAL\n"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("name");
        assertThatThrownBy(() -> HolidayFile.read("h.yaml", head
                + "  - date: 2026-01-01\n    name: a\n    kind: LOCAL\n  - date: 2026-01-01\n    name: b\n    kind: LOCAL\n"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("holiday 2").hasMessageContaining("twice");
        assertThatThrownBy(() -> HolidayFile.read("h.yaml", "source: test\n"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("year");
        assertThatThrownBy(() -> HolidayFile.read("h.yaml", "year: 2026\nsource: test\nextra: 1\n"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("h.yaml");
        assertThat(HolidayFile.read("h.yaml", head + "  - date: 2026-09-01\n    name: Hari Jadi\n    kind: local\n"
                + "    uncertain: true\n    note: test\n").holidays())
                .containsExactly(new Holiday(LocalDate.of(2026, 9, 1), "Hari Jadi", Holiday.Kind.LOCAL));
        assertThat(List.of(Holiday.Kind.values())).hasSize(3);
    }
}
