package id.sopan.catalog;

import id.sopan.sop.ActorKind;
import id.sopan.sop.Problem;
import id.sopan.sop.ServiceType;
import id.sopan.sop.SopDefinition;
import id.sopan.sop.Step;
import id.sopan.sop.TimeUnit;
import id.sopan.sop.TotalTime;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** The catalog shipped with Sopan: all 48 SOPs of the seed annex, valid, with the figures the source prints. */
class BundledCatalogTest {

    private static CatalogFiles.Result result;
    private static Map<String, SopDefinition> sops;

    @BeforeAll
    static void load() {
        result = CatalogFiles.loadBundled();
        sops = result.offices().get(0).sops().stream().collect(Collectors.toMap(SopDefinition::code, Function.identity()));
    }

    @Test
    void holdsAll48SopsOfTheSeedWithoutAProblem() {
        assertThat(result.problems()).extracting(Problem::key).isEmpty();
        assertThat(result.offices()).singleElement().satisfies(o -> {
            assertThat(o.office().code()).isEqualTo("DKUKM");
            assertThat(o.regulation()).contains("Nomor 22 Tahun 2016");
        });
        assertThat(sops).hasSize(48);
        assertThat(sops.keySet()).containsAll(SeedManifest.TABLES.stream().map(SeedManifest.Entry::code).toList());
        assertThat(sops.values().stream().mapToInt(s -> s.steps().size()).sum()).isEqualTo(373);
        assertThat(sops.values().stream().flatMap(s -> s.steps().stream()).filter(Step::isDecision).count()).isEqualTo(47);
    }

    @Test
    void groupsTheSopsByTheServiceTypesOfPasal6() {
        Map<ServiceType, Long> perType = sops.values().stream()
                .collect(Collectors.groupingBy(SopDefinition::serviceType, Collectors.counting()));
        assertThat(perType).containsEntry(ServiceType.KESEKRETARIATAN, 26L)
                .containsEntry(ServiceType.PERENCANAAN, 4L)
                .containsEntry(ServiceType.EVALUASI_DAN_PELAPORAN, 7L)
                .containsEntry(ServiceType.KELEMBAGAAN_KOPERASI, 4L)
                .containsEntry(ServiceType.PEMBERDAYAAN_KOPERASI, 1L)
                .containsEntry(ServiceType.PEMBERDAYAAN_UKM, 6L);
    }

    @Test
    void cutiTahunanHasItsTenStepsTwoChecksAndTheBkdHandOff() {
        SopDefinition cuti = sops.get("UMM-06");
        assertThat(cuti.title()).isEqualTo("Pembuatan Usulan Permohonan Cuti Tahunan");
        assertThat(cuti.titleInferred()).isFalse();
        assertThat(cuti.steps()).hasSize(10);
        assertThat(cuti.totalTime()).isEqualTo(new TotalTime(225, 0, 0, 0));
        assertThat(decisions(cuti)).containsExactly(Map.entry(2, 1), Map.entry(4, 3));
        assertThat(cuti.actors()).extracting(a -> a.name() + ":" + a.kind()).containsExactly(
                "Pemohon:PEMOHON", "Staf Kepegawaian:INTERNAL", "Kasubbag Umum:INTERNAL", "Sekretaris Dinas:INTERNAL",
                "Kepala Dinas:INTERNAL", "BKD:EXTERNAL");
        assertThat(cuti.step(7).orElseThrow().actors()).containsExactly("BKD");
        assertThat(cuti.firstStep().actors()).containsExactly("Pemohon");
        assertThat(cuti.lastStep().actors()).containsExactly("Pemohon");
    }

    @Test
    void renstraSumsItsWorkingMinutesAndKeepsTheTwoActorStep() {
        SopDefinition renstra = sops.get("PRG-01");
        assertThat(renstra.steps()).hasSize(12);
        assertThat(renstra.totalTime().workingMinutes()).isEqualTo(4105);
        assertThat(renstra.step(3).orElseThrow().waktu().text()).isEqualTo("1.320 menit");
        assertThat(renstra.step(3).orElseThrow().waktu().amount()).isEqualTo(1320);
        assertThat(renstra.step(2).orElseThrow().actors()).containsExactly("Sekretaris Dinas", "Kepala Bidang");
        assertThat(decisions(renstra)).containsExactly(Map.entry(7, 6));
        assertThat(renstra.actor("Bappeda").orElseThrow().kind()).isEqualTo(ActorKind.EXTERNAL);
    }

    @Test
    void flawsOfTheSourceAreResolvedExplicitly() {
        SopDefinition spp = sops.get("KEU-01");
        assertThat(spp.titleInferred()).isTrue();
        assertThat(spp.totalTime()).isEqualTo(new TotalTime(230, 0, 0, 2));
        assertThat(spp.step(2).orElseThrow().waktu().unit()).isEqualTo(TimeUnit.UNKNOWN);
        assertThat(spp.step(2).orElseThrow().notes()).isNotEmpty();

        SopDefinition absensi = sops.get("UMM-04");
        Step month = absensi.step(2).orElseThrow();
        assertThat(month.waktu().unit()).isEqualTo(TimeUnit.CALENDAR_MONTHS);
        assertThat(month.waktu().workingMinutes()).isEmpty();
        assertThat(absensi.totalTime()).isEqualTo(new TotalTime(215, 0, 1, 0));

        Step colon = sops.get("KOP-04").step(2).orElseThrow();
        assertThat(colon.waktu().text()).isEqualTo("3:30 menit");
        assertThat(colon.waktu().amount()).isEqualTo(210);
        assertThat(colon.notes()).anyMatch(n -> n.contains("3:30"));

        SopDefinition triwulan = sops.get("PRG-12");
        assertThat(triwulan.steps()).extracting(Step::number).containsExactly(1, 2, 3, 4, 5, 6);
        assertThat(triwulan.step(6).orElseThrow().notes()).anyMatch(n -> n.contains("7"));

        SopDefinition taspen = sops.get("UMM-12");
        assertThat(taspen.actor("PT. TASPEN").orElseThrow().sourceName()).isEqualTo("PT. ASKES");
        assertThat(taspen.notes()).anyMatch(n -> n.contains("PT. ASKES"));

        SopDefinition pengawasan = sops.get("UKM-03");
        assertThat(pengawasan.actors()).extracting(a -> a.name()).contains("Kasi Distribusi dan Kemitraan");
        assertThat(pengawasan.notes()).anyMatch(n -> n.contains("Kemnitraan"));

        Step empty = sops.get("KOP-02").step(10).orElseThrow();
        assertThat(empty.kegiatan()).isNotBlank();
        assertThat(empty.notes()).anyMatch(n -> n.contains("kosong"));
    }

    @Test
    void everyInferredTitleAndEveryUnknownTimeCarriesANote() {
        for (SopDefinition sop : sops.values()) {
            if (sop.titleInferred()) {
                assertThat(sop.notes()).as(sop.code()).anyMatch(n -> n.contains("Judul"));
            }
            for (Step step : sop.steps()) {
                if (!step.waktu().isKnown()) {
                    assertThat(step.notes()).as(sop.code() + " step " + step.number()).isNotEmpty();
                }
            }
        }
    }

    @Test
    void identityFieldsComeFromTheRegulationWhereTheSeedHasNone() {
        SopDefinition sop = sops.get("UMM-06");
        assertThat(sop.identity().disahkanOleh().jabatan()).isEqualTo("Bupati Kuningan");
        assertThat(sop.identity().disahkanOleh().nama()).isEqualTo("ASAP PURNAMA");
        assertThat(sop.identity().dasarHukum()).hasSize(14)
                .contains("Undang-Undang Nomor 25 Tahun 2009 tentang Pelayanan Publik");
        // The seed leaves the dates and the SOP numbers blank: they stay visibly empty.
        assertThat(sop.identity().nomor()).isNull();
        assertThat(sop.identity().tanggalEfektif()).isNull();
    }

    private static List<Map.Entry<Integer, Integer>> decisions(SopDefinition sop) {
        return sop.steps().stream().filter(Step::isDecision)
                .map(s -> Map.entry(s.number(), s.decision().returnsTo())).toList();
    }
}
