package id.sopan.reports;

import id.sopan.reports.ReportMetrics.Durations;
import id.sopan.reports.ReportMetrics.MonthMetrics;
import id.sopan.reports.ReportMetrics.OnTime;
import id.sopan.reports.ReportMetrics.SopMetrics;
import id.sopan.reports.ReportMetrics.WorkerMetrics;
import id.sopan.sop.Messages;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The report charts: well-formed, self-contained SVG holding their labels and figures, the same bytes every time. */
class ReportChartsTest {

    static final Messages ID = Messages.forLocale(Messages.INDONESIAN);
    static final Messages EN = Messages.forLocale(Locale.ENGLISH);

    /** The controlled history's semester: three cases in March, 31 of 32 steps on time. */
    static final List<MonthMetrics> MONTHS = List.of(
            new MonthMetrics(YearMonth.of(2026, 1), 0, 0, new OnTime(0, 0, 0)),
            new MonthMetrics(YearMonth.of(2026, 2), 0, 0, new OnTime(0, 0, 0)),
            new MonthMetrics(YearMonth.of(2026, 3), 3, 3, new OnTime(32, 32, 31)),
            new MonthMetrics(YearMonth.of(2026, 4), 5, 2, new OnTime(20, 20, 10)),
            new MonthMetrics(YearMonth.of(2026, 5), 0, 0, new OnTime(0, 0, 0)),
            new MonthMetrics(YearMonth.of(2026, 6), 0, 0, new OnTime(0, 0, 0)));

    @Test
    void monthlyCasesAreGroupedBarsWithMonthsAndCounts() throws Exception {
        String svg = ReportCharts.monthlyCases(MONTHS, ID);
        Element root = parse(svg);
        assertThat(root.getTagName()).isEqualTo("svg");
        assertThat(root.getAttribute("width")).isEqualTo("640");
        assertThat(root.getAttribute("viewBox")).isEqualTo("0 0 640 " + root.getAttribute("height"));
        assertThat(root.getAttribute("font-family")).startsWith("DejaVu Sans");
        assertThat(texts(root)).contains("Kasus dimulai dan selesai per bulan", "Dimulai", "Selesai", "Jan", "Mar",
                "Jun", "2026", "3", "5", "2", "Jumlah kasus");
        assertThat(titles(root)).contains("Mar 2026: Dimulai 3", "Mar 2026: Selesai 3", "Apr 2026: Dimulai 5");
        // Same figures, same bytes.
        assertThat(ReportCharts.monthlyCases(MONTHS, ID)).isEqualTo(svg);
        assertThat(texts(parse(ReportCharts.monthlyCases(MONTHS, EN))))
                .contains("Cases started and finished per month", "Started", "Finished", "May");
    }

    @Test
    void theOnTimeShareIsAPercentScaleWithTheThresholdAndMonthsWithoutData() throws Exception {
        Element root = parse(ReportCharts.monthlyOnTime(MONTHS, ID));
        assertThat(texts(root)).contains("0%", "50%", "100%", "96,9%", "50%", "Batas 80%", "tanpa data");
        assertThat(titles(root)).contains("Mar 2026: 96,9% (31/32)", "Apr 2026: 50% (10/20)");
        // The late month's bar is red, the good one green.
        assertThat(rectFill(root, "Apr 2026: 50% (10/20)")).isEqualTo(ReportCharts.BAD);
        assertThat(rectFill(root, "Mar 2026: 96,9% (31/32)")).isEqualTo(ReportCharts.GOOD);
        assertThat(texts(parse(ReportCharts.monthlyOnTime(MONTHS, EN)))).contains("96.9%", "Threshold 80%", "no data");
    }

    @Test
    void durationsShowMedianAndP90AgainstTheStandardSlowestFirst() throws Exception {
        SopMetrics cuti = sop("UMM-06", new Durations(3, 114, 138, 225L));
        SopMetrics slow = sop("KEU-01", new Durations(4, 1980, 2640, 660L));
        SopMetrics months = sop("PRG-01", new Durations(1, 5000, 5000, null));
        SopMetrics open = sop("UMM-01", null);
        Element root = parse(ReportCharts.durations(List.of(cuti, slow, months, open), ID));
        List<String> texts = texts(root);
        assertThat(texts).contains("Lama penyelesaian kasus terhadap standar per SOP", "Median", "P90", "Standar",
                "114 (p90 138) / 225 menit", "1.980 (p90 2.640) / 660 menit", "5.000 (p90 5.000) / – menit",
                "tanpa standar dalam menit kerja", "0%", "100%", "300%", "»");
        assertThat(texts).doesNotContain("UMM-01");
        // Slowest first: KEU-01 (300%), UMM-06 (51%), then the one without a standard.
        assertThat(texts.stream().filter(t -> t.matches("[A-Z]{3}-\\d\\d")).toList())
                .containsExactly("KEU-01", "UMM-06", "PRG-01");
        assertThat(rectFill(root, "KEU-01: 1.980 (p90 2.640) / 660 menit")).isEqualTo(ReportCharts.BAD);
        assertThat(rectFill(root, "UMM-06: 114 (p90 138) / 225 menit")).isEqualTo(ReportCharts.GOOD);
    }

    @Test
    void verdictsCountTheMonitoringFormAndSayWhetherItIsSigned() throws Exception {
        Suggestion good = new Suggestion(Verdict.BAIK, List.of());
        Suggestion bad = new Suggestion(Verdict.TIDAK_BAIK, List.of(new Finding("notRun", Finding.Weight.SERIOUS,
                List.of())));
        List<MonitoringForm.Row> rows = List.of(
                new MonitoringForm.Row("UMM-06", "Cuti Tahunan", null, good, Verdict.BAIK, "", "", "", null, null, null),
                new MonitoringForm.Row("UMM-01", "Surat Masuk", null, bad, Verdict.TIDAK_BAIK, "", "", "", null, null,
                        null),
                new MonitoringForm.Row("UMM-02", "Surat Keluar", null, bad, Verdict.TIDAK_BAIK, "", "", "", null, null,
                        null));
        MonitoringForm draft = new MonitoringForm("DKUKM", 2026, 1, null, null, FormStatus.DRAFT, null, null, -1, 330,
                rows);
        List<String> texts = texts(parse(ReportCharts.verdicts(draft, ID)));
        assertThat(texts).contains("Hasil monitoring: penilaian penerapan SOP (usulan, belum disahkan)",
                "Berjalan dengan baik", "Tidak berjalan dengan baik", "1 (33,3%)", "2 (66,7%)");
        MonitoringForm signed = new MonitoringForm("DKUKM", 2026, 1, null, 1L, FormStatus.SIGNED, "inspektorat",
                Instant.parse("2026-07-10T01:00:00Z"), 3, 330, rows);
        assertThat(texts(parse(ReportCharts.verdicts(signed, EN))))
                .contains("Monitoring result: how each SOP is applied", "Working well", "2 (66.7%)");
    }

    @Test
    void jabatanTasksShowTheBusiestStackedByTimelinessWithNamesEscaped() throws Exception {
        List<WorkerMetrics> workers = List.of(
                new WorkerMetrics("KADIS", new OnTime(3, 3, 2), 1, 24L),
                new WorkerMetrics("STAF-KEPEGAWAIAN", new OnTime(14, 14, 14), 0, null),
                new WorkerMetrics("ARSIPARIS", new OnTime(5, 2, 2), 0, null),
                new WorkerMetrics("IDLE", new OnTime(0, 0, 0), 0, null));
        Map<String, String> names = Map.of("KADIS", "Kepala Dinas", "STAF-KEPEGAWAIAN", "Staf <Kepegawaian> & Umum",
                "ARSIPARIS", "Arsiparis");
        String svg = ReportCharts.jabatanTasks(workers, names, 2, ID);
        assertThat(svg).contains("Staf &lt;Kepegawaian&gt; &amp; Umum");
        Element root = parse(svg);
        List<String> texts = texts(root);
        assertThat(texts).contains("Tugas selesai per jabatan (2 teratas)", "Staf <Kepegawaian> & Umum", "Arsiparis",
                "14 · 100%", "5 · 100%", "Tepat waktu", "Terlambat", "Tanpa Waktu");
        assertThat(texts).doesNotContain("Kepala Dinas", "IDLE");
        assertThat(titles(root)).contains("Arsiparis: Tepat waktu 2", "Arsiparis: Tanpa Waktu 3");
        assertThat(titles(parse(ReportCharts.jabatanTasks(workers, names, 5, ID))))
                .contains("Kepala Dinas: Tepat waktu 2", "Kepala Dinas: Terlambat 1");
    }

    @Test
    void withoutDataEachChartSaysSo() throws Exception {
        MonitoringForm none = new MonitoringForm("DKUKM", 2026, 1, null, null, FormStatus.DRAFT, null, null, -1, 330,
                List.of());
        for (String svg : List.of(ReportCharts.monthlyCases(List.of(), ID), ReportCharts.monthlyOnTime(List.of(), ID),
                ReportCharts.durations(List.of(sop("UMM-01", null)), ID), ReportCharts.verdicts(none, ID),
                ReportCharts.jabatanTasks(List.of(), Map.of(), 10, ID))) {
            assertThat(texts(parse(svg))).contains("Tidak ada data pada periode ini.");
        }
    }

    static SopMetrics sop(String code, Durations durations) {
        return new SopMetrics(code, 1, durations == null ? 0 : durations.closedCases(), new OnTime(10, 10, 9),
                List.of(), List.of(), durations);
    }

    static Element parse(String svg) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        Document doc = factory.newDocumentBuilder().parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
        Element root = doc.getDocumentElement();
        assertThat(root.getNamespaceURI()).isEqualTo("http://www.w3.org/2000/svg");
        return root;
    }

    static List<String> texts(Element root) {
        return contents(root.getElementsByTagNameNS("*", "text"));
    }

    /** The tooltips: each bar's {@code <title>}. */
    static List<String> titles(Element root) {
        return contents(root.getElementsByTagNameNS("*", "title"));
    }

    static String rectFill(Element root, String title) {
        NodeList titles = root.getElementsByTagNameNS("*", "title");
        for (int i = 0; i < titles.getLength(); i++) {
            if (titles.item(i).getTextContent().equals(title)) {
                return ((Element) titles.item(i).getParentNode()).getAttribute("fill");
            }
        }
        throw new AssertionError("no bar titled " + title);
    }

    private static List<String> contents(NodeList nodes) {
        List<String> result = new ArrayList<>();
        for (int i = 0; i < nodes.getLength(); i++) {
            result.add(nodes.item(i).getTextContent());
        }
        return result;
    }
}
