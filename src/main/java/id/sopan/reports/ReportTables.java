package id.sopan.reports;

import id.sopan.reports.ReportMetrics.Bottleneck;
import id.sopan.reports.ReportMetrics.MonthMetrics;
import id.sopan.reports.ReportMetrics.OnTime;
import id.sopan.reports.ReportMetrics.Report;
import id.sopan.reports.ReportMetrics.Revisions;
import id.sopan.reports.ReportMetrics.SopMetrics;
import id.sopan.reports.ReportMetrics.WorkerMetrics;
import id.sopan.reports.ReportTable.Type;
import id.sopan.sop.Messages;

import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The report's records as {@link ReportTable}s for export, with headers and words in the reader's language (the
 * messages files). One method per table: the figures per SOP, per jabatan, per employee and per month, the monitoring
 * form (Tabel 7), the evaluation, its recommendations and the finance lines. Plain Java.
 */
public final class ReportTables {

    /** The months a figures table covers, inclusive. */
    public record Months(YearMonth first, YearMonth last) {
        public Months {
            if (last.isBefore(first)) {
                throw new IllegalArgumentException("last month before first: " + first + " .. " + last);
            }
        }

        public static Months half(int year, int half) {
            YearMonth first = YearMonth.of(year, half == 1 ? 1 : 7);
            return new Months(first, first.plusMonths(5));
        }

        public static Months year(int year) {
            return new Months(YearMonth.of(year, 1), YearMonth.of(year, 12));
        }

        /** {@code 2026-03} or {@code 2026-01-2026-06}. */
        public String fileName() {
            return first.equals(last) ? first.toString() : first + "-" + last;
        }
    }

    private static final DateTimeFormatter MOMENT = DateTimeFormatter.ofPattern("dd-MM-yyyy HH:mm");

    private final Messages messages;
    private final ZoneId zone;

    /** @param zone the office's, for the times of paraf and evaluation */
    public ReportTables(Messages messages, ZoneId zone) {
        this.messages = messages;
        this.zone = zone;
    }

    /** "Maret 2026", "Januari–Juni 2026", "Desember 2025–Maret 2026" in the reader's language. */
    public String label(Months months) {
        YearMonth a = months.first();
        YearMonth b = months.last();
        if (a.equals(b)) {
            return monthName(a) + " " + a.getYear();
        }
        if (a.getYear() == b.getYear()) {
            return monthName(a) + "–" + monthName(b) + " " + b.getYear();
        }
        return monthName(a) + " " + a.getYear() + "–" + monthName(b) + " " + b.getYear();
    }

    /** "Semester I tahun 2026" / "first half of 2026". */
    public String semester(int year, int half) {
        return messages.get("report.semester." + half, year);
    }

    public ReportTable bySop(Report report, Months months, Function<String, String> sopTitle) {
        ReportTable.Builder t = ReportTable.builder(report.officeCode() + "-kinerja-sop-" + months.fileName(),
                        word("report.table.sop.sheet"), messages.get("report.table.sop.title", label(months)))
                .column(word("report.column.code"), Type.TEXT)
                .column(word("report.column.sopTitle"), Type.TEXT)
                .column(word("report.column.casesStarted"), Type.INTEGER)
                .column(word("report.column.casesFinished"), Type.INTEGER);
        onTimeColumns(t)
                .column(word("report.column.returns"), Type.INTEGER)
                .column(word("report.column.bottlenecks"), Type.TEXT)
                .column(word("report.column.median"), Type.MINUTES)
                .column(word("report.column.p90"), Type.MINUTES)
                .column(word("report.column.standard"), Type.MINUTES);
        for (SopMetrics m : report.bySop()) {
            OnTime o = m.tasks();
            ReportMetrics.Durations d = m.durations();
            t.row(m.sopCode(), sopTitle.apply(m.sopCode()), m.casesStarted(), m.casesFinished(),
                    o.done(), o.withDeadline(), o.onTime(), o.share(),
                    m.revisions().stream().mapToLong(Revisions::returns).sum(), bottlenecks(m.bottlenecks()),
                    d == null ? null : d.medianMinutes(), d == null ? null : d.p90Minutes(),
                    d == null ? null : d.standardMinutes());
        }
        return t.build();
    }

    public ReportTable byJabatan(Report report, Months months, Function<String, String> jabatanName) {
        return workers(report.officeCode() + "-kinerja-jabatan-" + months.fileName(), "report.table.jabatan",
                months, "report.column.jabatanCode", "report.column.jabatanName", report.byJabatan(), jabatanName);
    }

    public ReportTable byEmployee(Report report, Months months, Function<String, String> fullName) {
        return workers(report.officeCode() + "-kinerja-pegawai-" + months.fileName(), "report.table.pegawai",
                months, "report.column.username", "report.column.fullName", report.byEmployee(), fullName);
    }

    public ReportTable monthly(String officeCode, List<MonthMetrics> monthly) {
        Months months = new Months(monthly.get(0).month(), monthly.get(monthly.size() - 1).month());
        ReportTable.Builder t = ReportTable.builder(officeCode + "-kinerja-bulanan-" + months.fileName(),
                        word("report.table.bulanan.sheet"), messages.get("report.table.bulanan.title", label(months)))
                .column(word("report.column.month"), Type.TEXT)
                .column(word("report.column.casesStarted"), Type.INTEGER)
                .column(word("report.column.casesFinished"), Type.INTEGER);
        onTimeColumns(t);
        for (MonthMetrics m : monthly) {
            OnTime o = m.tasks();
            t.row(m.month().toString(), m.casesStarted(), m.casesFinished(), o.done(), o.withDeadline(), o.onTime(),
                    o.share());
        }
        return t.build();
    }

    /** Tabel 7 of PermenPAN-RB 35/2012, with the verdict the figures suggest and why (in the reader's language). */
    public ReportTable monitoring(MonitoringForm form, Function<String, String> fullName) {
        ReportTable.Builder t = ReportTable.builder(
                        form.officeCode() + "-monitoring-" + form.year() + "-" + form.half(),
                        word("report.table.monitoring.sheet"),
                        messages.get("report.table.monitoring.title", semester(form.year(), form.half())))
                .column(word("report.column.no"), Type.INTEGER)
                .column(word("report.column.code"), Type.TEXT)
                .column(word("report.column.procedure"), Type.TEXT)
                .column(word("report.column.verdict"), Type.TEXT)
                .column(word("report.column.catatan"), Type.TEXT)
                .column(word("report.column.tindakan"), Type.TEXT)
                .column(word("report.column.paraf"), Type.TEXT)
                .column(word("report.column.parafAt"), Type.TEXT)
                .column(word("report.column.suggested"), Type.TEXT)
                .column(word("report.column.suggestedReason"), Type.TEXT);
        int no = 1;
        for (MonitoringForm.Row r : form.rows()) {
            t.row(no++, r.sopCode(), r.title(), word(r.verdict().key()), r.catatan(), r.tindakan(),
                    r.parafBy() == null ? null : fullName.apply(r.parafBy()), moment(r.parafAt()),
                    word(r.suggestion().verdict().key()), r.suggestion().reason(messages));
        }
        return t.build();
    }

    /** The seven criteria per SOP: Ya, Tidak, or "–" while unanswered. */
    public ReportTable evaluation(EvaluationForm form, Function<String, String> fullName) {
        ReportTable.Builder t = ReportTable.builder(form.officeCode() + "-evaluasi-" + form.year(),
                        word("report.table.evaluasi.sheet"), messages.get("report.table.evaluasi.title", form.year()))
                .column(word("report.column.no"), Type.INTEGER)
                .column(word("report.column.code"), Type.TEXT)
                .column(word("report.column.sopTitle"), Type.TEXT);
        for (Criterion c : Criterion.values()) {
            t.column(messages.get("report.column.criterion", c.number(), word(c.key())), Type.TEXT);
        }
        t.column(word("report.column.evaluationNote"), Type.TEXT)
                .column(word("report.column.evaluatedBy"), Type.TEXT)
                .column(word("report.column.evaluatedAt"), Type.TEXT);
        int no = 1;
        for (EvaluationForm.Row r : form.rows()) {
            List<Object> cells = new ArrayList<>(List.of(no++, r.sopCode(), r.title()));
            for (Criterion c : Criterion.values()) {
                cells.add(answer(r.answer(c)));
            }
            cells.add(r.catatan());
            cells.add(r.evaluatedBy() == null ? null : fullName.apply(r.evaluatedBy()));
            cells.add(moment(r.evaluatedAt()));
            t.row(cells.toArray());
        }
        return t.build();
    }

    /** Ya / Tidak / – in the reader's language. */
    public String answer(Boolean answer) {
        return word(answer == null ? "report.answer.none" : answer ? "report.answer.yes" : "report.answer.no");
    }

    public ReportTable recommendations(EvaluationForm form) {
        ReportTable.Builder t = ReportTable.builder(form.officeCode() + "-rekomendasi-" + form.year(),
                        word("report.table.rekomendasi.sheet"),
                        messages.get("report.table.rekomendasi.title", form.year()))
                .column(word("report.column.no"), Type.INTEGER)
                .column(word("report.column.area"), Type.TEXT)
                .column(word("report.column.subject"), Type.TEXT)
                .column(word("report.column.recommendation"), Type.TEXT);
        int no = 1;
        for (Recommendation r : form.recommendations()) {
            t.row(no++, word(r.area().key()), r.subject(), r.text(messages));
        }
        return t.build();
    }

    /** e. Laporan Keuangan: the lines and their sums. */
    public ReportTable finance(String officeCode, int year, int half, SemesterInput input) {
        ReportTable.Builder t = ReportTable.builder(officeCode + "-keuangan-" + year + "-" + half,
                        word("report.table.keuangan.sheet"),
                        messages.get("report.table.keuangan.title", semester(year, half)))
                .column(word("report.column.no"), Type.INTEGER)
                .column(word("report.column.uraian"), Type.TEXT)
                .column(word("report.column.anggaran"), Type.RUPIAH)
                .column(word("report.column.realisasi"), Type.RUPIAH)
                .column(word("report.column.realisasiShare"), Type.PERCENT)
                .column(word("report.column.keterangan"), Type.TEXT);
        int no = 1;
        for (SemesterInput.FinanceLine l : input.finance()) {
            t.row(no++, l.uraian(), l.anggaran(), l.realisasi(), l.share(), l.keterangan());
        }
        SemesterInput.FinanceLine sum = new SemesterInput.FinanceLine("", input.totalAnggaran(),
                input.totalRealisasi(), "");
        t.total(null, word("report.column.total"), sum.anggaran(), sum.realisasi(), sum.share(), null);
        return t.build();
    }

    private ReportTable workers(String name, String table, Months months, String keyColumn, String nameColumn,
                                List<WorkerMetrics> workers, Function<String, String> names) {
        ReportTable.Builder t = ReportTable.builder(name, word(table + ".sheet"),
                        messages.get(table + ".title", label(months)))
                .column(word(keyColumn), Type.TEXT)
                .column(word(nameColumn), Type.TEXT);
        onTimeColumns(t)
                .column(word("report.column.late"), Type.INTEGER)
                .column(word("report.column.medianLateness"), Type.MINUTES);
        for (WorkerMetrics w : workers) {
            OnTime o = w.tasks();
            t.row(w.key(), names.apply(w.key()), o.done(), o.withDeadline(), o.onTime(), o.share(), w.lateTasks(),
                    w.medianLatenessMinutes());
        }
        return t.build();
    }

    private ReportTable.Builder onTimeColumns(ReportTable.Builder t) {
        return t.column(word("report.column.tasksDone"), Type.INTEGER)
                .column(word("report.column.withDeadline"), Type.INTEGER)
                .column(word("report.column.onTime"), Type.INTEGER)
                .column(word("report.column.onTimeShare"), Type.PERCENT);
    }

    private String bottlenecks(List<Bottleneck> bottlenecks) {
        return bottlenecks.isEmpty() ? null : bottlenecks.stream().map(b -> messages.get("report.table.bottleneck", b.step(), b.lateTasks(),
                b.tasks(), b.averageOverrunMinutes())).collect(Collectors.joining("; "));
    }

    private String moment(Instant at) {
        return at == null ? null : MOMENT.format(at.atZone(zone));
    }

    private String monthName(YearMonth month) {
        return month.getMonth().getDisplayName(TextStyle.FULL, messages.locale());
    }

    private String word(String key) {
        return messages.get(key);
    }
}
