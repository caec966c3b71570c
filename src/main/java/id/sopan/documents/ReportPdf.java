package id.sopan.documents;

import id.sopan.organization.Jabatan;
import id.sopan.organization.Office;
import id.sopan.organization.OrgUnit;
import id.sopan.reports.Criterion;
import id.sopan.reports.EvaluationForm;
import id.sopan.reports.MonitoringForm;
import id.sopan.reports.Recommendation;
import id.sopan.reports.ReportCharts;
import id.sopan.reports.ReportMetrics.Durations;
import id.sopan.reports.ReportMetrics.MonthMetrics;
import id.sopan.reports.ReportMetrics.OnTime;
import id.sopan.reports.ReportMetrics.Period;
import id.sopan.reports.ReportMetrics.Revisions;
import id.sopan.reports.ReportMetrics.SopMetrics;
import id.sopan.reports.ReportMetrics.WorkerMetrics;
import id.sopan.reports.SemesterInput;
import id.sopan.reports.SemesterReport;
import id.sopan.reports.Verdict;
import id.sopan.sop.Messages;
import id.sopan.sop.ServiceType;
import id.sopan.sop.SopDefinition;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The report documents of Perbup Pasal 10 and 11 as PDF (A4 portrait), rendered from one XHTML page through
 * openhtmltopdf with the charts of {@link ReportCharts} inline as SVG: the six-monthly report of the Kepala Dinas to
 * the Bupati (cover, sections a–e, signature) and the yearly evaluation (the seven criteria per SOP, the
 * recommendations in the three areas of Pasal 10(3), the sign-off). Every text comes from {@link Messages}; page
 * numbers are CSS margin boxes and each section has a bookmark.
 */
public final class ReportPdf {

    /** The reports' dates and times: the office calendars of the Pemda are in WIB. */
    static final ZoneId WIB = ZoneId.of("Asia/Jakarta");
    /** How many SOPs "a. Gambaran Umum" lists by volume, and how many jabatan the chart of "c. Organisasi" shows. */
    static final int TOP_SOPS = 5;
    static final int TOP_JABATAN = 10;

    private ReportPdf() {
    }

    // ================================================================ the six-monthly report (Pasal 11)

    public static byte[] semester(SemesterReport report, Messages messages) {
        return PdfRenderer.render(new Semester(report, messages).html());
    }

    private static final class Semester {
        private final SemesterReport r;
        private final Messages m;
        private final Format f;
        private final Html h;
        private final Map<String, SopMetrics> bySop;
        private final Map<String, String> titles = new HashMap<>();

        Semester(SemesterReport report, Messages messages) {
            this.r = report;
            this.m = messages;
            this.f = new Format(messages);
            this.h = new Html();
            this.bySop = report.metrics().bySop().stream()
                    .collect(Collectors.toMap(SopMetrics::sopCode, Function.identity()));
            report.sops().forEach(s -> titles.put(s.code(), s.title()));
            report.monitoring().rows().forEach(row -> titles.putIfAbsent(row.sopCode(), row.title()));
        }

        String html() {
            String semester = m.get("report.pdf.semester.name", roman(r.half()), r.year());
            String footer = r.office().name() + " · " + semester;
            List<String[]> bookmarks = List.of(
                    new String[] {m.get("report.pdf.cover.bookmark"), "cover"},
                    new String[] {m.get("report.pdf.section.a"), "a"},
                    new String[] {m.get("report.pdf.section.b"), "b"},
                    new String[] {m.get("report.pdf.section.c"), "c"},
                    new String[] {m.get("report.pdf.section.d"), "d"},
                    new String[] {m.get("report.pdf.section.e"), "e"});
            h.open(m, footer, bookmarks);
            cover(semester);
            gambaranUmum();
            rencanaKerja();
            organisasi();
            kinerja();
            keuangan();
            signature();
            return h.close();
        }

        private void cover(String semester) {
            Period p = r.period();
            LocalDate first = p.from().atZone(WIB).toLocalDate();
            LocalDate last = p.to().atZone(WIB).toLocalDate().minusDays(1);
            h.raw("<div class=\"cover\" id=\"cover\">");
            h.el("p", "pemda", upper(r.office().pemda()));
            h.el("p", "office", upper(r.office().name()));
            h.el("h1", null, m.get("report.pdf.semester.title"));
            h.el("p", "period", upper(semester));
            h.el("p", null, m.get("report.pdf.period", f.date(first), f.date(last)));
            h.el("p", "to", m.get("report.pdf.semester.to", bupati(r.office().pemda())));
            h.el("p", "basis", m.get("report.pdf.semester.basis"));
            h.raw("<div class=\"contents\">");
            h.el("p", "strong", m.get("report.pdf.contents"));
            h.raw("<ol class=\"plain\">");
            for (String s : List.of("a", "b", "c", "d", "e")) {
                h.el("li", null, m.get("report.pdf.section." + s));
            }
            h.raw("</ol></div>");
            h.el("p", "generated", m.get("report.pdf.generated", f.date(r.generated()), f.time(r.generated())));
            h.raw("</div>");
        }

        // ---------------------------------------------------------------- a. Gambaran Umum

        private void gambaranUmum() {
            h.section("a", m.get("report.pdf.section.a"));
            long started = r.metrics().bySop().stream().mapToLong(SopMetrics::casesStarted).sum();
            long finished = r.metrics().bySop().stream().mapToLong(SopMetrics::casesFinished).sum();
            OnTime tasks = total(r.metrics().bySop().stream().map(SopMetrics::tasks).toList());
            Map<ServiceType, List<SopDefinition>> byType = new EnumMap<>(ServiceType.class);
            for (SopDefinition sop : r.sops()) {
                byType.computeIfAbsent(sop.serviceType() == null ? ServiceType.KESEKRETARIATAN : sop.serviceType(),
                        t -> new ArrayList<>()).add(sop);
            }
            h.el("p", null, m.get("report.pdf.a.summary", m.get("report.pdf.semester.name", roman(r.half()), r.year()),
                    r.office().name(), r.sops().size(), byType.size(), started, finished));
            h.el("p", null, tasks.withDeadline() == 0 ? m.get("report.pdf.a.noTasks", tasks.done())
                    : m.get("report.pdf.a.tasks", tasks.done(), tasks.withDeadline(), f.percent(tasks.share())));

            h.el("h3", null, m.get("report.pdf.a.byType"));
            h.table(new String[] {m.get("report.pdf.col.serviceType"), m.get("report.pdf.col.sops"),
                    m.get("report.pdf.col.started"), m.get("report.pdf.col.finished")}, new int[] {52, 16, 16, 16},
                    new boolean[] {false, true, true, true});
            for (Map.Entry<ServiceType, List<SopDefinition>> e : byType.entrySet()) {
                long s = 0;
                long d = 0;
                for (SopDefinition sop : e.getValue()) {
                    SopMetrics x = bySop.get(sop.code());
                    s += x == null ? 0 : x.casesStarted();
                    d += x == null ? 0 : x.casesFinished();
                }
                h.row(m.get("serviceType." + e.getKey().name()), f.integer(e.getValue().size()), f.integer(s),
                        f.integer(d));
            }
            h.totalRow(m.get("report.pdf.total"), f.integer(r.sops().size()), f.integer(started), f.integer(finished));
            h.endTable();

            h.el("h3", null, m.get("report.pdf.a.monthly"));
            h.chart(ReportCharts.monthlyCases(r.months(), m));
            h.table(new String[] {m.get("report.pdf.col.month"), m.get("report.pdf.col.started"),
                    m.get("report.pdf.col.finished"), m.get("report.pdf.col.tasksDone"),
                    m.get("report.pdf.col.onTime")}, new int[] {28, 18, 18, 18, 18},
                    new boolean[] {false, true, true, true, true});
            for (MonthMetrics month : r.months()) {
                h.row(f.month(month.month().getMonthValue(), month.month().getYear()), f.integer(month.casesStarted()),
                        f.integer(month.casesFinished()), f.integer(month.tasks().done()),
                        f.share(month.tasks()));
            }
            h.endTable();

            h.el("h3", null, m.get("report.pdf.a.top", TOP_SOPS));
            List<SopMetrics> top = r.metrics().bySop().stream().filter(x -> x.casesStarted() > 0)
                    .sorted(Comparator.comparingLong((SopMetrics x) -> -x.casesStarted())
                            .thenComparing(SopMetrics::sopCode))
                    .limit(TOP_SOPS).toList();
            if (top.isEmpty()) {
                h.note(m.get("report.pdf.a.noCases"));
            } else {
                h.table(new String[] {m.get("report.pdf.col.no"), m.get("report.pdf.col.code"),
                        m.get("report.pdf.col.sop"), m.get("report.pdf.col.started"),
                        m.get("report.pdf.col.finished")}, new int[] {6, 12, 50, 16, 16},
                        new boolean[] {true, false, false, true, true});
                int n = 0;
                for (SopMetrics x : top) {
                    h.row(Integer.toString(++n), x.sopCode(), title(x.sopCode()), f.integer(x.casesStarted()),
                            f.integer(x.casesFinished()));
                }
                h.endTable();
            }
        }

        // ---------------------------------------------------------------- b. Rencana Kerja

        private void rencanaKerja() {
            h.section("b", m.get("report.pdf.section.b"));
            String text = r.input().rencanaKerja();
            if (text == null || text.isBlank()) {
                h.note(m.get("report.pdf.notFilled", m.get("report.pdf.section.b")));
                return;
            }
            h.paragraphs(text);
            lastChange(r.input());
        }

        private void lastChange(SemesterInput input) {
            if (input.updatedAt() != null) {
                h.el("p", "small", m.get("report.pdf.b.updated", input.updatedBy(), f.date(input.updatedAt()),
                        f.time(input.updatedAt())));
            }
        }

        // ---------------------------------------------------------------- c. Organisasi

        private void organisasi() {
            h.section("c", m.get("report.pdf.section.c"));
            Map<String, List<Jabatan>> jabatanByUnit = new HashMap<>();
            r.jabatan().forEach(j -> jabatanByUnit.computeIfAbsent(j.unitCode(), k -> new ArrayList<>()).add(j));
            long holders = r.holders().values().stream().mapToLong(Long::longValue).sum();
            long vacant = r.jabatan().stream().filter(j -> r.holders().getOrDefault(j.code(), 0L) == 0).count();
            h.el("p", null, m.get("report.pdf.c.summary", r.units().size(), r.jabatan().size(), holders, vacant));

            h.el("h3", null, m.get("report.pdf.c.units"));
            h.table(new String[] {m.get("report.pdf.col.unit"), m.get("report.pdf.col.jabatanCount"),
                    m.get("report.pdf.col.holders")}, new int[] {64, 18, 18}, new boolean[] {false, true, true});
            Map<String, String> unitNames = new HashMap<>();
            r.units().forEach(u -> unitNames.put(u.code(), u.name()));
            for (OrgUnit u : unitsInTreeOrder()) {
                List<Jabatan> js = jabatanByUnit.getOrDefault(u.code(), List.of());
                long held = js.stream().mapToLong(j -> r.holders().getOrDefault(j.code(), 0L)).sum();
                h.rowIndented(depth(u), u.name(), f.integer(js.size()), f.integer(held));
            }
            h.endTable();

            h.el("h3", null, m.get("report.pdf.c.jabatan"));
            Map<String, WorkerMetrics> work = r.metrics().byJabatan().stream()
                    .collect(Collectors.toMap(WorkerMetrics::key, Function.identity()));
            h.table(new String[] {m.get("report.pdf.col.no"), m.get("report.pdf.col.jabatan"),
                    m.get("report.pdf.col.unit"), m.get("report.pdf.col.holders"), m.get("report.pdf.col.tasksDone"),
                    m.get("report.pdf.col.onTime"), m.get("report.pdf.col.lateness")},
                    new int[] {5, 28, 22, 11, 11, 11, 12}, new boolean[] {true, false, false, true, true, true, true});
            int n = 0;
            for (Jabatan j : r.jabatan()) {
                WorkerMetrics w = work.get(j.code());
                h.row(Integer.toString(++n), j.name(), unitNames.getOrDefault(j.unitCode(), j.unitCode()),
                        f.integer(r.holders().getOrDefault(j.code(), 0L)),
                        w == null ? "0" : f.integer(w.tasks().done()), w == null ? "–" : f.share(w.tasks()),
                        w == null || w.medianLatenessMinutes() == null ? "–" : f.minutes(w.medianLatenessMinutes()));
            }
            h.endTable();
            h.el("p", "small", m.get("report.pdf.c.note"));
            Map<String, String> names = new LinkedHashMap<>();
            r.jabatan().forEach(j -> names.put(j.code(), j.name()));
            h.chart(ReportCharts.jabatanTasks(r.metrics().byJabatan(), names, TOP_JABATAN, m));
        }

        private List<OrgUnit> unitsInTreeOrder() {
            List<OrgUnit> result = new ArrayList<>();
            Map<String, List<OrgUnit>> children = new LinkedHashMap<>();
            List<OrgUnit> roots = new ArrayList<>();
            for (OrgUnit u : r.units()) {
                if (u.parentCode() == null || r.units().stream().noneMatch(p -> p.code().equals(u.parentCode()))) {
                    roots.add(u);
                } else {
                    children.computeIfAbsent(u.parentCode(), k -> new ArrayList<>()).add(u);
                }
            }
            roots.forEach(u -> visit(u, children, result));
            return result;
        }

        private static void visit(OrgUnit u, Map<String, List<OrgUnit>> children, List<OrgUnit> result) {
            if (result.contains(u)) {
                return;
            }
            result.add(u);
            children.getOrDefault(u.code(), List.of()).forEach(c -> visit(c, children, result));
        }

        private int depth(OrgUnit u) {
            Map<String, String> parents = new HashMap<>();
            r.units().forEach(unit -> parents.put(unit.code(), unit.parentCode()));
            int depth = 0;
            for (String p = u.parentCode(); p != null && parents.containsKey(p) && depth < 10; p = parents.get(p)) {
                depth++;
            }
            return depth;
        }

        // ---------------------------------------------------------------- d. Kinerja Pelayanan

        private void kinerja() {
            h.section("d", m.get("report.pdf.section.d"));
            List<SopMetrics> active = r.metrics().bySop().stream()
                    .sorted(Comparator.comparing(SopMetrics::sopCode)).toList();
            int perDay = r.monitoring().minutesPerDay();
            h.el("p", null, m.get("report.pdf.d.summary", active.size(), r.sops().size(), perDay));
            h.el("h3", null, m.get("report.pdf.d.perSop"));
            if (active.isEmpty()) {
                h.note(m.get("report.pdf.a.noCases"));
            } else {
                h.table(new String[] {m.get("report.pdf.col.code"), m.get("report.pdf.col.sop"),
                        m.get("report.pdf.col.startedFinished"), m.get("report.pdf.col.onTime"),
                        m.get("report.pdf.col.median"), m.get("report.pdf.col.p90"), m.get("report.pdf.col.standard"),
                        m.get("report.pdf.col.returns")}, new int[] {9, 25, 10, 9, 11, 11, 11, 14},
                        new boolean[] {false, false, true, true, true, true, true, true});
                for (SopMetrics x : active) {
                    Durations d = x.durations();
                    long returns = x.revisions().stream().mapToLong(Revisions::returns).sum();
                    h.rowHtml(Html.esc(x.sopCode()), Html.esc(title(x.sopCode())),
                            Html.esc(f.integer(x.casesStarted()) + " / " + f.integer(x.casesFinished())),
                            Html.esc(f.share(x.tasks())),
                            d == null ? "–" : f.duration(d.medianMinutes(), perDay, d.medianOverStandard()),
                            d == null ? "–" : f.duration(d.p90Minutes(), perDay, d.p90OverStandard()),
                            d == null || d.standardMinutes() == null ? "–"
                                    : f.duration(d.standardMinutes(), perDay, false),
                            Html.esc(f.integer(returns)));
                }
                h.endTable();
                h.el("p", "small", m.get("report.pdf.d.note", perDay));
            }
            h.chart(ReportCharts.durations(r.metrics().bySop(), m));
            h.chart(ReportCharts.monthlyOnTime(r.months(), m));

            MonitoringForm form = r.monitoring();
            h.el("h3", null, m.get("report.pdf.d.monitoring"));
            h.el("p", null, m.get("report.pdf.d.verdicts", form.rows().size(), form.count(Verdict.BAIK),
                    form.count(Verdict.TIDAK_BAIK)));
            h.el("p", form.signed() ? "status" : "status draft", form.signed()
                    ? m.get("report.pdf.signedBy", form.signedBy(), f.date(form.signedAt()), f.time(form.signedAt()))
                    : m.get("report.pdf.d.draft"));
            h.chart(ReportCharts.verdicts(form, m));
            // The form is long (a row per SOP): it starts its own page.
            h.el("h3", "break", m.get("report.pdf.d.tabel7"));
            h.table(new String[] {m.get("report.pdf.col.no"), m.get("report.pdf.col.sop"),
                    m.get("report.pdf.col.verdict"), m.get("report.pdf.col.catatan"), m.get("report.pdf.col.tindakan"),
                    m.get("report.pdf.col.paraf")}, new int[] {5, 20, 13, 28, 22, 12},
                    new boolean[] {true, false, false, false, false, false});
            int n = 0;
            for (MonitoringForm.Row row : form.rows()) {
                h.rowHtml(Integer.toString(++n),
                        "<b>" + Html.esc(row.sopCode()) + "</b><br/>" + Html.esc(row.title()),
                        "<span class=\"" + (row.verdict() == Verdict.BAIK ? "good" : "bad") + "\">"
                                + Html.esc(m.get(row.verdict().key())) + "</span>",
                        Html.esc(row.catatan()), Html.esc(row.tindakan()),
                        row.parafBy() == null ? "–" : Html.esc(row.parafBy()) + "<br/>" + Html.esc(f.date(row.parafAt())));
            }
            h.endTable();
        }

        // ---------------------------------------------------------------- e. Laporan Keuangan

        private void keuangan() {
            h.section("e", m.get("report.pdf.section.e"));
            SemesterInput input = r.input();
            if (input.finance().isEmpty()) {
                h.note(m.get("report.pdf.notFilled", m.get("report.pdf.section.e")));
                return;
            }
            h.table(new String[] {m.get("report.pdf.col.no"), m.get("report.pdf.col.uraian"),
                    m.get("report.pdf.col.anggaran"), m.get("report.pdf.col.realisasi"),
                    m.get("report.pdf.col.percent"), m.get("report.pdf.col.keterangan")},
                    new int[] {5, 30, 19, 19, 8, 19}, new boolean[] {true, false, true, true, true, false});
            int n = 0;
            for (SemesterInput.FinanceLine line : input.finance()) {
                h.row(Integer.toString(++n), line.uraian(), f.rupiah(line.anggaran()), f.rupiah(line.realisasi()),
                        line.share() == null ? "–" : f.percent(line.share()), blankDash(line.keterangan()));
            }
            BigDecimal anggaran = input.totalAnggaran();
            BigDecimal realisasi = input.totalRealisasi();
            h.totalRow("", m.get("report.pdf.total"), f.rupiah(anggaran), f.rupiah(realisasi),
                    anggaran.signum() == 0 ? "–"
                            : f.percent(realisasi.divide(anggaran, 6, RoundingMode.HALF_UP).doubleValue()), "");
            h.endTable();
            lastChange(input);
        }

        private void signature() {
            SemesterReport.Signer head = r.head();
            h.signature(m.get("report.pdf.placeDate", place(r.office().pemda()), f.date(r.generated())),
                    m.get("report.pdf.signature.role", r.office().name()),
                    head == null ? null : head.name(), head == null ? null : head.nip(), true, m);
        }

        private String title(String code) {
            String t = titles.get(code);
            return t == null ? code : t;
        }
    }

    // ================================================================ the yearly evaluation (Pasal 10)

    public static byte[] evaluation(EvaluationForm form, Office office, Messages messages) {
        return evaluation(form, office, Function.identity(), messages);
    }

    /** @param people username to the person's name, for the sign-off */
    public static byte[] evaluation(EvaluationForm form, Office office, Function<String, String> people,
                                    Messages messages) {
        Messages m = messages;
        Format f = new Format(messages);
        Html h = new Html();
        String title = m.get("report.pdf.evaluation.name", form.year());
        List<String[]> bookmarks = new ArrayList<>();
        bookmarks.add(new String[] {m.get("report.pdf.evaluation.criteria"), "criteria"});
        bookmarks.add(new String[] {m.get("report.pdf.evaluation.recommendations"), "recommendations"});
        for (Recommendation.Area area : Recommendation.Area.values()) {
            bookmarks.add(new String[] {areaTitle(area, m), "area-" + area.name()});
        }
        bookmarks.add(new String[] {m.get("report.pdf.evaluation.signOff"), "signoff"});
        h.open(m, office.name() + " · " + title, bookmarks);

        h.raw("<div class=\"head\">");
        h.el("p", "pemda", upper(office.pemda()));
        h.el("p", "office", upper(office.name()));
        h.el("h1", null, m.get("report.pdf.evaluation.title"));
        h.el("p", "period", upper(m.get("report.pdf.evaluation.year", form.year())));
        h.el("p", "basis", m.get("report.pdf.evaluation.basis"));
        h.raw("</div>");
        h.el("p", form.signed() ? "status" : "status draft", form.signed()
                ? m.get("report.pdf.signedBy", people.apply(form.signedBy()), f.date(form.signedAt()),
                f.time(form.signedAt()))
                : m.get("report.pdf.evaluation.draft", form.completeRows(), form.rows().size()));

        h.raw("<h2 id=\"criteria\">").text(m.get("report.pdf.evaluation.criteria")).raw("</h2>");
        h.el("p", null, m.get("report.pdf.evaluation.criteriaIntro"));
        // Numbered in the text itself: the numbers head the table's columns.
        h.raw("<ol class=\"plain\">");
        for (Criterion c : Criterion.values()) {
            h.el("li", null, c.number() + ". " + m.get(c.key()));
        }
        h.raw("</ol>");
        // No | SOP | criteria 1..7 | cases | on time | median / standard
        int k = 2 + Criterion.values().length;
        String[] heads = new String[k + 3];
        int[] widths = new int[heads.length];
        boolean[] right = new boolean[heads.length];
        heads[0] = m.get("report.pdf.col.no");
        widths[0] = 4;
        right[0] = true;
        heads[1] = m.get("report.pdf.col.sop");
        widths[1] = 25;
        for (Criterion c : Criterion.values()) {
            heads[1 + c.number()] = Integer.toString(c.number());
            widths[1 + c.number()] = 6;
        }
        heads[k] = m.get("report.pdf.col.cases");
        widths[k] = 7;
        heads[k + 1] = m.get("report.pdf.col.onTime");
        widths[k + 1] = 9;
        heads[k + 2] = m.get("report.pdf.col.medianStandard");
        widths[k + 2] = 13;
        right[k] = right[k + 1] = right[k + 2] = true;
        h.table(heads, widths, right, "criteria-table");
        int n = 0;
        int perDay = form.minutesPerDay();
        for (EvaluationForm.Row row : form.rows()) {
            String[] cells = new String[heads.length];
            cells[0] = Integer.toString(++n);
            cells[1] = "<b>" + Html.esc(row.sopCode()) + "</b><br/>" + Html.esc(row.title());
            for (Criterion c : Criterion.values()) {
                Boolean a = row.answer(c);
                cells[1 + c.number()] = a == null ? "<span class=\"muted\">–</span>"
                        : a ? "<span class=\"good\">" + Html.esc(m.get("report.pdf.yes")) + "</span>"
                        : "<span class=\"bad\">" + Html.esc(m.get("report.pdf.no")) + "</span>";
            }
            SopMetrics x = row.metrics();
            Durations d = x == null ? null : x.durations();
            cells[k] = x == null ? "0" : Html.esc(f.integer(x.casesStarted()));
            cells[k + 1] = x == null ? "–" : Html.esc(f.share(x.tasks()));
            cells[k + 2] = d == null ? "–" : Html.esc(f.integer(d.medianMinutes()) + (d.medianOverStandard() ? " !" : "")
                    + " / " + (d.standardMinutes() == null ? "–" : f.integer(d.standardMinutes())));
            h.rowHtml(cells);
        }
        h.endTable();
        h.el("p", "small", m.get("report.pdf.evaluation.legend", m.get("report.pdf.yes"), m.get("report.pdf.no"),
                perDay));
        List<EvaluationForm.Row> noted = form.rows().stream().filter(row -> row.catatan() != null
                && !row.catatan().isBlank()).toList();
        if (!noted.isEmpty()) {
            h.el("h3", null, m.get("report.pdf.evaluation.notes"));
            h.raw("<ul>");
            for (EvaluationForm.Row row : noted) {
                h.raw("<li><b>").text(row.sopCode()).raw("</b>: ").text(row.catatan()).raw("</li>");
            }
            h.raw("</ul>");
        }

        h.raw("<h2 id=\"recommendations\" class=\"break\">").text(m.get("report.pdf.evaluation.recommendations"))
                .raw("</h2>");
        h.el("p", null, m.get("report.pdf.evaluation.recommendationsIntro"));
        for (Recommendation.Area area : Recommendation.Area.values()) {
            h.raw("<h3 id=\"area-" + area.name() + "\">").text(areaTitle(area, m)).raw("</h3>");
            h.raw("<ol>");
            for (Recommendation rec : form.recommendations(area)) {
                h.el("li", null, rec.text(m));
            }
            h.raw("</ol>");
        }

        h.raw("<h2 id=\"signoff\">").text(m.get("report.pdf.evaluation.signOff")).raw("</h2>");
        if (form.signed()) {
            h.signature(m.get("report.pdf.placeDate", place(office.pemda()), f.date(form.signedAt())),
                    m.get("report.pdf.evaluation.evaluator"), people.apply(form.signedBy()), null, false, m);
        } else {
            h.note(m.get("report.pdf.evaluation.notSigned"));
        }
        return PdfRenderer.render(h.close());
    }

    private static String areaTitle(Recommendation.Area area, Messages m) {
        return m.get("report.pdf.area.letter." + area.name()) + " " + m.get(area.key());
    }

    // ================================================================ shared

    private static OnTime total(List<OnTime> parts) {
        long done = 0;
        long withDeadline = 0;
        long onTime = 0;
        for (OnTime t : parts) {
            done += t.done();
            withDeadline += t.withDeadline();
            onTime += t.onTime();
        }
        return new OnTime(done, withDeadline, onTime);
    }

    static String roman(int half) {
        return half == 1 ? "I" : "II";
    }

    private static String upper(String s) {
        return s == null ? "" : s.toUpperCase(Messages.INDONESIAN);
    }

    private static String blankDash(String s) {
        return s == null || s.isBlank() ? "–" : s;
    }

    /** "Pemerintah Kabupaten Kuningan" → "Kuningan": where the documents are signed. */
    static String place(String pemda) {
        String s = pemda == null ? "" : pemda.strip();
        for (String prefix : List.of("Pemerintah ", "Kabupaten ", "Kota ")) {
            if (s.startsWith(prefix)) {
                s = s.substring(prefix.length());
            }
        }
        return s;
    }

    /** The head of the Pemda the report goes to: "Bupati Kuningan", "Wali Kota Cirebon". */
    static String bupati(String pemda) {
        String s = pemda == null ? "" : pemda.strip();
        return (s.contains("Kota ") && !s.contains("Kabupaten ") ? "Wali Kota " : "Bupati ") + place(s);
    }

    /** Numbers, dates and amounts in the reader's language. */
    private static final class Format {
        private final Messages m;
        private final Locale locale;

        Format(Messages messages) {
            this.m = messages;
            this.locale = messages.locale();
        }

        String integer(long value) {
            return new DecimalFormat("#,##0", DecimalFormatSymbols.getInstance(locale)).format(value);
        }

        String percent(double share) {
            return new DecimalFormat("#.#%", DecimalFormatSymbols.getInstance(locale)).format(share);
        }

        String share(OnTime t) {
            return t.share() == null ? "–" : percent(t.share());
        }

        String minutes(long minutes) {
            return m.get("report.pdf.minutes", integer(minutes));
        }

        /**
         * Working minutes as table cell HTML, with working days below them from a day on; a figure over the standard
         * is marked "!" and in red.
         */
        String duration(long minutes, int perDay, boolean over) {
            String text = Html.esc(integer(minutes) + (over ? " !" : ""));
            if (over) {
                text = "<span class=\"bad\">" + text + "</span>";
            }
            if (minutes >= perDay) {
                text += "<br/><span class=\"days\">" + Html.esc(m.get("report.pdf.days", new DecimalFormat("#,##0.#",
                        DecimalFormatSymbols.getInstance(locale)).format((double) minutes / perDay))) + "</span>";
            }
            return text;
        }

        String rupiah(BigDecimal amount) {
            boolean whole = amount.stripTrailingZeros().scale() <= 0;
            return new DecimalFormat(whole ? "#,##0" : "#,##0.00", DecimalFormatSymbols.getInstance(locale))
                    .format(amount);
        }

        String date(Instant instant) {
            return instant == null ? "–" : date(instant.atZone(WIB).toLocalDate());
        }

        String date(LocalDate date) {
            return DateTimeFormatter.ofPattern("d MMMM yyyy", locale).format(date);
        }

        String time(Instant instant) {
            return instant == null ? "–"
                    : DateTimeFormatter.ofPattern(m.get("report.pdf.timePattern"), locale).format(instant.atZone(WIB));
        }

        String month(int month, int year) {
            return m.get("report.pdf.month." + month) + " " + year;
        }
    }

    /** The XHTML page: the frame (styles, page margins with numbers, bookmarks) and its building blocks. */
    private static final class Html {
        private final StringBuilder out = new StringBuilder(64 * 1024);
        private boolean[] right;

        static String esc(String s) {
            return BpmnExport.esc(s);
        }

        void open(Messages m, String footer, List<String[]> bookmarks) {
            out.append("<!DOCTYPE html><html lang=\"").append(esc(m.locale().getLanguage()))
                    .append("\"><head><meta charset=\"utf-8\"/><title>").append(esc(footer)).append("</title>");
            out.append("<bookmarks>");
            for (String[] b : bookmarks) {
                out.append("<bookmark name=\"").append(esc(b[0])).append("\" href=\"#").append(b[1]).append("\"/>");
            }
            out.append("</bookmarks><style>").append(css(m, footer)).append("</style></head><body>");
        }

        String close() {
            return out.append("</body></html>").toString();
        }

        Html raw(String html) {
            out.append(html);
            return this;
        }

        Html text(String text) {
            out.append(esc(text));
            return this;
        }

        void el(String tag, String cls, String text) {
            out.append('<').append(tag);
            if (cls != null) {
                out.append(" class=\"").append(cls).append('"');
            }
            out.append('>').append(esc(text)).append("</").append(tag).append('>');
        }

        void section(String id, String title) {
            out.append("<h2 class=\"break\" id=\"").append(id).append("\">").append(esc(title)).append("</h2>");
        }

        void note(String text) {
            el("p", "note", text);
        }

        void paragraphs(String text) {
            for (String p : text.strip().split("\\R\\s*\\R")) {
                out.append("<p class=\"entered\">");
                String[] lines = p.strip().split("\\R");
                for (int i = 0; i < lines.length; i++) {
                    out.append(i == 0 ? "" : "<br/>").append(esc(lines[i].strip()));
                }
                out.append("</p>");
            }
        }

        void chart(String svg) {
            out.append("<div class=\"chart\">").append(svg).append("</div>");
        }

        void table(String[] heads, int[] widths, boolean[] right) {
            table(heads, widths, right, null);
        }

        void table(String[] heads, int[] widths, boolean[] right, String cls) {
            this.right = right;
            out.append("<table").append(cls == null ? "" : " class=\"" + cls + "\"").append("><thead><tr>");
            for (int i = 0; i < heads.length; i++) {
                out.append("<th style=\"width: ").append(widths[i]).append("%\"")
                        .append(right[i] ? " class=\"num\"" : "").append('>').append(esc(heads[i])).append("</th>");
            }
            out.append("</tr></thead><tbody>");
        }

        void row(String... cells) {
            String[] html = new String[cells.length];
            for (int i = 0; i < cells.length; i++) {
                html[i] = esc(cells[i]);
            }
            rowHtml(html);
        }

        void rowIndented(int depth, String first, String... rest) {
            String[] html = new String[rest.length + 1];
            html[0] = "<span style=\"padding-left: " + (depth * 10) + "pt\">" + esc(first) + "</span>";
            for (int i = 0; i < rest.length; i++) {
                html[i + 1] = esc(rest[i]);
            }
            rowHtml(html);
        }

        void rowHtml(String... cells) {
            out.append("<tr>");
            for (int i = 0; i < cells.length; i++) {
                out.append(right != null && i < right.length && right[i] ? "<td class=\"num\">" : "<td>")
                        .append(cells[i]).append("</td>");
            }
            out.append("</tr>");
        }

        void totalRow(String... cells) {
            out.append("<tr class=\"total\">");
            for (int i = 0; i < cells.length; i++) {
                out.append(right != null && i < right.length && right[i] ? "<td class=\"num\">" : "<td>")
                        .append(esc(cells[i])).append("</td>");
            }
            out.append("</tr>");
        }

        void endTable() {
            out.append("</tbody></table>");
            right = null;
        }

        /** The signature block at the right: place and date, role, room to sign, name and NIP. */
        void signature(String placeDate, String role, String name, String nip, boolean withNip, Messages m) {
            out.append("<div class=\"signature\">");
            el("p", null, placeDate);
            el("p", "role", role);
            out.append("<div class=\"space\"></div>");
            el("p", "name", name == null || name.isBlank() ? m.get("report.pdf.signature.vacant") : name);
            if (withNip) {
                el("p", null, nip == null || nip.isBlank() ? m.get("report.pdf.signature.noNip") : "NIP. " + nip);
            }
            out.append("</div>");
        }

        private static String css(Messages m, String footer) {
            return "@page { size: A4 portrait; margin: 18mm 16mm 20mm 18mm;"
                    + " @bottom-left { content: " + cssString(footer) + "; font-family: '" + PdfRenderer.FONT
                    + "'; font-size: 7pt; color: #555; }"
                    + " @bottom-right { content: " + pageContent(m) + "; font-family: '" + PdfRenderer.FONT
                    + "'; font-size: 7pt; color: #555; } }"
                    + "@page :first { @bottom-left { content: none; } @bottom-right { content: none; } }"
                    + "body { font-family: '" + PdfRenderer.FONT + "'; font-size: 9pt; color: #1a1a1a;"
                    + " line-height: 1.35; }"
                    + "h1 { font-size: 16pt; margin: 14pt 0 8pt; } h2 { font-size: 13pt; margin: 0 0 8pt;"
                    + " padding-bottom: 3pt; border-bottom: 1pt solid #0b4f6c; color: #0b4f6c; }"
                    + "h3 { font-size: 10.5pt; margin: 12pt 0 5pt; page-break-after: avoid; }"
                    + ".break { page-break-before: always; }"
                    + "p { margin: 0 0 6pt; } .small { font-size: 7.5pt; color: #444; }"
                    + "table { border-collapse: collapse; width: 100%; margin: 0 0 8pt; font-size: 7.5pt; }"
                    + "table { -fs-table-paginate: paginate; } thead { display: table-header-group; }"
                    + " tr { page-break-inside: avoid; }"
                    + "th, td { border: 0.6pt solid #777; padding: 2.5pt 3pt; vertical-align: top; text-align: left;"
                    + " word-wrap: break-word; }"
                    + "th { background: #e8eef1; font-weight: bold; } .num { text-align: right; }"
                    + "tr.total td { font-weight: bold; background: #f3f3f3; }"
                    + ".criteria-table { font-size: 7pt; } .criteria-table th, .criteria-table td { padding: 2pt 1.5pt; }"
                    + ".days { color: #555; font-size: 6.5pt; }"
                    + ".good { color: #1b5e20; } .bad { color: #b71c1c; font-weight: bold; } .muted { color: #888; }"
                    + ".note { border: 0.8pt solid #e0912f; background: #fff6e8; padding: 6pt 8pt; }"
                    + ".status { padding: 4pt 6pt; background: #e8f5e9; border-left: 3pt solid #2e7d32; }"
                    + ".status.draft { background: #fff6e8; border-left-color: #e0912f; }"
                    + ".chart { margin: 6pt 0 10pt; page-break-inside: avoid; }"
                    + ".entered { text-align: justify; }"
                    + ".cover { text-align: center; padding-top: 30mm; } .cover h1 { font-size: 18pt; margin-top: 24mm; }"
                    + ".pemda { font-size: 12pt; font-weight: bold; margin: 0; } .office { font-size: 13pt;"
                    + " font-weight: bold; }"
                    + ".period { font-size: 14pt; font-weight: bold; margin-top: 6pt; }"
                    + ".cover .to { margin-top: 24mm; font-size: 11pt; } .cover .basis { font-size: 9pt; color: #444; }"
                    + ".contents { margin: 18mm auto 0; width: 70%; text-align: left; } .strong { font-weight: bold; }"
                    + "ol.plain { list-style: none; padding-left: 0; }"
                    + ".cover .generated { margin-top: 24mm; font-size: 8pt; color: #555; }"
                    + ".head { text-align: center; margin-bottom: 10pt; } .head h1 { font-size: 14pt; margin: 8pt 0 4pt; }"
                    + ".head .period { font-size: 12pt; } .head .basis { font-size: 8pt; color: #444; }"
                    + "ol, ul { margin: 0 0 6pt; padding-left: 16pt; } li { margin-bottom: 3pt; }"
                    + ".signature { margin: 18pt 0 0 55%; width: 45%; page-break-inside: avoid; }"
                    + ".signature p { margin: 0 0 2pt; } .signature .space { height: 48pt; }"
                    + ".signature .role { font-weight: bold; }"
                    + ".signature .name { font-weight: bold; text-decoration: underline; }";
        }

        /** "Halaman {0} dari {1}" as CSS content with the page counters in place of the arguments. */
        private static String pageContent(Messages m) {
            String text = m.get("report.pdf.page", "\u0001", "\u0002");
            StringBuilder css = new StringBuilder();
            StringBuilder literal = new StringBuilder();
            for (char c : text.toCharArray()) {
                if (c == '\u0001' || c == '\u0002') {
                    css.append(cssString(literal.toString())).append(c == '\u0001' ? " counter(page) "
                            : " counter(pages) ");
                    literal.setLength(0);
                } else {
                    literal.append(c);
                }
            }
            return css.append(cssString(literal.toString())).toString();
        }

        private static String cssString(String s) {
            StringBuilder out = new StringBuilder("\"");
            for (char c : s.toCharArray()) {
                if (c == '"' || c == '\\') {
                    out.append('\\').append(c);
                } else if (c == '<' || c == '>' || c == '&') {
                    // The style sheet sits in XHTML: keep markup characters out of it.
                    out.append('\\').append(Integer.toHexString(c)).append(' ');
                } else if (c >= 0x20) {
                    out.append(c);
                }
            }
            return out.append('"').toString();
        }
    }
}
