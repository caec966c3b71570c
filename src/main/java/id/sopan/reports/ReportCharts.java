package id.sopan.reports;

import id.sopan.reports.ReportMetrics.Durations;
import id.sopan.reports.ReportMetrics.MonthMetrics;
import id.sopan.reports.ReportMetrics.SopMetrics;
import id.sopan.reports.ReportMetrics.WorkerMetrics;
import id.sopan.sop.Messages;

import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The report's charts as self-contained SVG 1.1 documents, made from the report records alone: the web pages insert
 * them as they are and the PDF renders the very same text. Every text comes from {@link Messages} and is escaped;
 * the output depends on nothing but the arguments (no clock, no platform font metrics: text widths come from DejaVu
 * Sans's own advance widths), so the same figures always give the same bytes.
 */
public final class ReportCharts {

    /** The font every chart names; the PDF embeds it, a browser without it falls back to a sans-serif. */
    public static final String FONT = "DejaVu Sans";
    /** Width of every chart in SVG user units (CSS pixels). */
    public static final int WIDTH = 640;

    static final String STARTED = "#0b4f6c";
    static final String FINISHED = "#e0912f";
    static final String GOOD = "#2e7d32";
    static final String WARN = "#e0912f";
    static final String BAD = "#c62828";
    static final String NEUTRAL = "#9e9e9e";
    private static final String INK = "#1a1a1a";
    private static final String MUTED = "#555555";
    private static final String GRID = "#d9d9d9";

    /** A duration bar beyond this many times its standard is cut at the chart's edge. */
    static final double MAX_RATIO = 3.0;

    private ReportCharts() {
    }

    // ---------------------------------------------------------------- the charts

    /** Cases started and finished in each month, as grouped bars. */
    public static String monthlyCases(List<MonthMetrics> months, Messages messages) {
        Svg svg = new Svg(messages.get("report.chart.cases.title"), 260);
        if (months.isEmpty()) {
            return svg.empty(messages);
        }
        svg.legend(List.of(new Key(Mark.BOX, STARTED, messages.get("report.chart.cases.started")),
                new Key(Mark.BOX, FINISHED, messages.get("report.chart.cases.finished"))));
        long max = 1;
        for (MonthMetrics m : months) {
            max = Math.max(max, Math.max(m.casesStarted(), m.casesFinished()));
        }
        Axis axis = Axis.counts(max);
        Plot plot = new Plot(56, 48, WIDTH - 56 - 12, 260 - 48 - 40);
        svg.yAxis(plot, axis, messages.get("report.chart.cases.axis"), v -> integer(messages.locale(), v));
        double group = plot.width / months.size();
        double bar = Math.min(28, group * 0.34);
        for (int i = 0; i < months.size(); i++) {
            MonthMetrics m = months.get(i);
            double center = plot.x + group * (i + 0.5);
            svg.vbar(plot, axis, center - bar - 1, bar, m.casesStarted(), STARTED,
                    integer(messages.locale(), m.casesStarted()), monthName(messages, m) + ": "
                            + messages.get("report.chart.cases.started") + " " + m.casesStarted());
            svg.vbar(plot, axis, center + 1, bar, m.casesFinished(), FINISHED,
                    integer(messages.locale(), m.casesFinished()), monthName(messages, m) + ": "
                            + messages.get("report.chart.cases.finished") + " " + m.casesFinished());
            svg.monthLabel(plot, center, months, i, messages);
        }
        return svg.end();
    }

    /** The share of tasks with a Waktu finished within it, per month (0–100%), with the 80% line of the monitoring. */
    public static String monthlyOnTime(List<MonthMetrics> months, Messages messages) {
        Svg svg = new Svg(messages.get("report.chart.onTime.title"), 260);
        if (months.isEmpty()) {
            return svg.empty(messages);
        }
        Locale locale = messages.locale();
        Axis axis = new Axis(1.0, 0.25);
        Plot plot = new Plot(56, 48, WIDTH - 56 - 12, 260 - 48 - 40);
        svg.yAxis(plot, axis, messages.get("report.chart.onTime.axis"), v -> percent(locale, v, "#%"));
        double target = MonitoringRules.MIN_ON_TIME;
        svg.legend(List.of(new Key(Mark.BOX, GOOD, messages.get("report.chart.onTime.good", target)),
                new Key(Mark.BOX, BAD, messages.get("report.chart.onTime.below", target)),
                new Key(Mark.DASH, INK, messages.get("report.chart.onTime.target", target))));
        double group = plot.width / months.size();
        double bar = Math.min(40, group * 0.5);
        for (int i = 0; i < months.size(); i++) {
            MonthMetrics m = months.get(i);
            double center = plot.x + group * (i + 0.5);
            Double share = m.tasks().share();
            if (share == null) {
                svg.text(center, plot.bottom() - 4, 9, MUTED, "middle", false,
                        messages.get("report.chart.onTime.none"));
            } else {
                String tooltip = monthName(messages, m) + ": " + percent(locale, share, "#.#%") + " ("
                        + m.tasks().onTime() + "/" + m.tasks().withDeadline() + ")";
                double top = plot.y(axis, share);
                if (plot.bottom() - top >= 24) {
                    // The figure inside the bar's top, clear of the threshold line that crosses most bars.
                    svg.rect(center - bar / 2, top, bar, plot.bottom() - top, share < target ? BAD : GOOD, tooltip);
                    svg.text(center, top + 12, 9, "#ffffff", "middle", true, percent(locale, share, "#.#%"));
                } else {
                    svg.vbar(plot, axis, center - bar / 2, bar, share, share < target ? BAD : GOOD,
                            percent(locale, share, "#.#%"), tooltip);
                }
            }
            svg.monthLabel(plot, center, months, i, messages);
        }
        double targetY = plot.y(axis, target);
        svg.line(plot.x, targetY, plot.right(), targetY, INK, 1.2, "5 3");
        return svg.end();
    }

    /**
     * Per SOP with closed cases, the median duration (bar) and the p90 (whisker) as a share of the SOP's standard
     * (the dashed line at 100%), slowest first; the figures in working minutes beside each bar. Shares put SOPs of
     * 30 minutes and of 20 working days on one readable scale.
     */
    public static String durations(List<SopMetrics> sops, Messages messages) {
        List<SopMetrics> rows = new ArrayList<>(sops.stream().filter(s -> s.durations() != null).toList());
        rows.sort(Comparator.comparingDouble((SopMetrics s) -> -ratio(s.durations(), s.durations().medianMinutes()))
                .thenComparing(SopMetrics::sopCode));
        int rowHeight = 16;
        int top = 62;
        int height = top + Math.max(1, rows.size()) * rowHeight + 36;
        Svg svg = new Svg(messages.get("report.chart.durations.title"), height);
        if (rows.isEmpty()) {
            return svg.empty(messages);
        }
        Locale locale = messages.locale();
        svg.legend(List.of(new Key(Mark.BOX, GOOD, messages.get("report.chart.durations.median")),
                new Key(Mark.WHISKER, INK, messages.get("report.chart.durations.p90"))));
        double labelWidth = 12 + rows.stream().mapToDouble(s -> Text.width(s.sopCode(), 10, false)).max().orElse(40);
        List<String> values = rows.stream().map(s -> durationValue(s.durations(), messages)).toList();
        double valueWidth = 12 + values.stream().mapToDouble(v -> Text.width(v, 9, false)).max().orElse(60);
        double maxRatio = 1.0;
        for (SopMetrics s : rows) {
            maxRatio = Math.max(maxRatio, ratio(s.durations(), s.durations().p90Minutes()));
        }
        maxRatio = Math.min(MAX_RATIO, Math.ceil(maxRatio * 2 - 1e-9) / 2);
        Axis axis = new Axis(maxRatio, maxRatio <= 1.5 ? 0.25 : 0.5);
        Plot plot = new Plot(labelWidth, top, WIDTH - labelWidth - valueWidth - 4, rows.size() * rowHeight);
        svg.xAxis(plot, axis, messages.get("report.chart.durations.axis"), v -> percent(locale, v, "#%"));
        double standardX = plot.x(axis, 1.0);
        for (int i = 0; i < rows.size(); i++) {
            SopMetrics s = rows.get(i);
            Durations d = s.durations();
            double y = plot.y + i * rowHeight;
            svg.text(plot.x - 6, y + rowHeight / 2.0 + 3.5, 10, INK, "end", false, s.sopCode());
            if (d.standardMinutes() == null || d.standardMinutes() == 0) {
                svg.text(plot.x + 4, y + rowHeight / 2.0 + 3.5, 9, MUTED, "start", false,
                        messages.get("report.chart.durations.noStandard"));
            } else {
                double median = (double) d.medianMinutes() / d.standardMinutes();
                double p90 = (double) d.p90Minutes() / d.standardMinutes();
                String color = median <= 1 ? GOOD : median <= MonitoringRules.SLOW_FACTOR ? WARN : BAD;
                double barEnd = plot.x(axis, Math.min(median, maxRatio));
                svg.rect(plot.x, y + 4, barEnd - plot.x, rowHeight - 8, color,
                        s.sopCode() + ": " + values.get(i));
                double whiskerEnd = plot.x(axis, Math.min(p90, maxRatio));
                double mid = y + rowHeight / 2.0;
                svg.line(barEnd, mid, whiskerEnd, mid, INK, 1, null);
                svg.line(whiskerEnd, mid - 4, whiskerEnd, mid + 4, INK, 1, null);
                if (p90 > maxRatio) {
                    // Cut at the edge: the figures beside it say how far beyond.
                    svg.text(plot.right() + 1, y + rowHeight / 2.0 + 3.5, 9, INK, "start", true, "»");
                }
            }
            svg.text(plot.right() + 12, y + rowHeight / 2.0 + 3.5, 9, INK, "start", false, values.get(i));
        }
        // Down to the last SOP with a standard (those without come last): no line through their words.
        long withStandard = rows.stream().filter(r -> r.durations().standardMinutes() != null
                && r.durations().standardMinutes() > 0).count();
        svg.line(standardX, plot.y - 4, standardX, plot.y + Math.max(1, withStandard) * rowHeight, INK, 1.2, "5 3");
        svg.text(standardX, plot.y - 7, 9, INK, "middle", true, messages.get("report.chart.durations.standard"));
        return svg.end();
    }

    /** How many SOPs the monitoring form judges "berjalan dengan baik" and "tidak berjalan dengan baik". */
    public static String verdicts(MonitoringForm form, Messages messages) {
        String title = messages.get("report.chart.verdicts.title")
                + (form.signed() ? "" : " " + messages.get("report.chart.verdicts.draft"));
        Svg svg = new Svg(title, 130);
        if (form.rows().isEmpty()) {
            return svg.empty(messages);
        }
        List<Verdict> verdicts = List.of(Verdict.BAIK, Verdict.TIDAK_BAIK);
        double labelWidth = 12 + verdicts.stream()
                .mapToDouble(v -> Text.width(messages.get(v.key()), 10, false)).max().orElse(80);
        long total = form.rows().size();
        Axis axis = Axis.counts(total);
        Plot plot = new Plot(labelWidth, 42, WIDTH - labelWidth - 90, 2 * 26);
        svg.xAxis(plot, axis, messages.get("report.chart.verdicts.axis"), v -> integer(messages.locale(), v));
        for (int i = 0; i < verdicts.size(); i++) {
            Verdict v = verdicts.get(i);
            long n = form.count(v);
            double y = plot.y + i * 26;
            svg.text(plot.x - 6, y + 17, 10, INK, "end", false, messages.get(v.key()));
            svg.rect(plot.x, y + 5, plot.x(axis, n) - plot.x, 16, v == Verdict.BAIK ? GOOD : BAD,
                    messages.get(v.key()) + ": " + n);
            svg.text(plot.x(axis, n) + 6, y + 17, 10, INK, "start", true, integer(messages.locale(), n)
                    + " (" + percent(messages.locale(), (double) n / total, "#.#%") + ")");
        }
        return svg.end();
    }

    /**
     * Tasks done per jabatan, the {@code top} busiest, split into on time, late and without a Waktu, with the on-time
     * share beside each bar.
     *
     * @param names jabatan code to name; a code without a name is shown as it is
     */
    public static String jabatanTasks(List<WorkerMetrics> jabatan, Map<String, String> names, int top,
                                      Messages messages) {
        if (top < 1) {
            throw new IllegalArgumentException("top must be at least 1: " + top);
        }
        List<WorkerMetrics> rows = jabatan.stream().filter(w -> w.tasks().done() > 0)
                .sorted(Comparator.comparingLong((WorkerMetrics w) -> -w.tasks().done())
                        .thenComparing(w -> names.getOrDefault(w.key(), w.key())))
                .limit(top).toList();
        int rowHeight = 20;
        int chartTop = 48;
        int height = chartTop + Math.max(1, rows.size()) * rowHeight + 36;
        Svg svg = new Svg(messages.get("report.chart.jabatan.title", top), height);
        if (rows.isEmpty()) {
            return svg.empty(messages);
        }
        Locale locale = messages.locale();
        svg.legend(List.of(new Key(Mark.BOX, GOOD, messages.get("report.chart.jabatan.onTime")),
                new Key(Mark.BOX, BAD, messages.get("report.chart.jabatan.late")),
                new Key(Mark.BOX, NEUTRAL, messages.get("report.chart.jabatan.noDeadline"))));
        double maxLabel = 230;
        List<String> labels = rows.stream()
                .map(w -> Text.fit(names.getOrDefault(w.key(), w.key()), 10, maxLabel - 12)).toList();
        double labelWidth = 12 + labels.stream().mapToDouble(l -> Text.width(l, 10, false)).max().orElse(40);
        List<String> values = rows.stream().map(w -> integer(locale, w.tasks().done())
                + (w.tasks().share() == null ? "" : " · " + percent(locale, w.tasks().share(), "#.#%"))).toList();
        double valueWidth = 8 + values.stream().mapToDouble(v -> Text.width(v, 9, false)).max().orElse(40);
        long max = rows.get(0).tasks().done();
        Axis axis = Axis.counts(max);
        Plot plot = new Plot(labelWidth, chartTop, WIDTH - labelWidth - valueWidth - 8, rows.size() * rowHeight);
        svg.xAxis(plot, axis, messages.get("report.chart.jabatan.axis"), v -> integer(locale, v));
        for (int i = 0; i < rows.size(); i++) {
            WorkerMetrics w = rows.get(i);
            double y = plot.y + i * rowHeight;
            String name = names.getOrDefault(w.key(), w.key());
            svg.text(plot.x - 6, y + rowHeight / 2.0 + 3.5, 10, INK, "end", false, labels.get(i));
            long late = w.tasks().withDeadline() - w.tasks().onTime();
            long none = w.tasks().done() - w.tasks().withDeadline();
            double x = plot.x;
            long[] parts = {w.tasks().onTime(), late, none};
            String[] colors = {GOOD, BAD, NEUTRAL};
            String[] keys = {"report.chart.jabatan.onTime", "report.chart.jabatan.late",
                    "report.chart.jabatan.noDeadline"};
            long sum = 0;
            for (int p = 0; p < parts.length; p++) {
                if (parts[p] <= 0) {
                    continue;
                }
                sum += parts[p];
                double end = plot.x(axis, sum);
                svg.rect(x, y + 4, end - x, rowHeight - 8, colors[p],
                        name + ": " + messages.get(keys[p]) + " " + parts[p]);
                x = end;
            }
            svg.text(plot.right() + 8, y + rowHeight / 2.0 + 3.5, 9, INK, "start", false, values.get(i));
        }
        return svg.end();
    }

    // ---------------------------------------------------------------- formatting

    static String durationValue(Durations d, Messages messages) {
        Locale locale = messages.locale();
        return messages.get("report.chart.durations.value", integer(locale, d.medianMinutes()),
                integer(locale, d.p90Minutes()),
                d.standardMinutes() == null ? "–" : integer(locale, d.standardMinutes()));
    }

    private static double ratio(Durations d, long minutes) {
        return d.standardMinutes() == null || d.standardMinutes() == 0 ? 0 : (double) minutes / d.standardMinutes();
    }

    static String integer(Locale locale, double value) {
        return new DecimalFormat("#,##0", DecimalFormatSymbols.getInstance(locale)).format(value);
    }

    static String percent(Locale locale, double share, String pattern) {
        return new DecimalFormat(pattern, DecimalFormatSymbols.getInstance(locale)).format(share);
    }

    private static String monthName(Messages messages, MonthMetrics m) {
        return messages.get("report.chart.month." + m.month().getMonthValue()) + " " + m.month().getYear();
    }

    /** SVG numbers: at most one decimal, a dot, no exponent. */
    static String n(double v) {
        long tenths = Math.round(v * 10);
        return tenths % 10 == 0 ? Long.toString(tenths / 10)
                : (tenths < 0 ? "-" : "") + Math.abs(tenths) / 10 + "." + Math.abs(tenths) % 10;
    }

    static String escape(String s) {
        StringBuilder out = new StringBuilder(s.length() + 8);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> {
                    if (c >= 0x20 || c == '\t') {
                        out.append(c);
                    }
                }
            }
        }
        return out.toString();
    }

    // ---------------------------------------------------------------- drawing

    private enum Mark { BOX, WHISKER, DASH }

    private record Key(Mark mark, String color, String label) {
    }

    /** A value axis from 0 to {@code max} with a tick every {@code step}. */
    private record Axis(double max, double step) {
        /** Whole-number ticks, at most about five, from {1, 2, 5} × 10^k. */
        static Axis counts(long max) {
            long step = 1;
            while (true) {
                for (long f : new long[] {1, 2, 5}) {
                    long s = step * f;
                    if (max <= 5 * s) {
                        return new Axis(Math.max(s, Math.ceil((double) max / s) * s), s);
                    }
                }
                step *= 10;
            }
        }
    }

    /** The plot area, in user units (y down). */
    private record Plot(double x, double y, double width, double height) {
        double right() {
            return x + width;
        }

        double bottom() {
            return y + height;
        }

        double y(Axis axis, double value) {
            return bottom() - height * value / axis.max();
        }

        double x(Axis axis, double value) {
            return x + width * value / axis.max();
        }
    }

    private static final class Svg {
        private final StringBuilder out = new StringBuilder(4096);
        private final String title;
        private final int height;

        Svg(String title, int height) {
            this.title = title;
            this.height = height;
            out.append("<svg xmlns=\"http://www.w3.org/2000/svg\" version=\"1.1\" width=\"").append(WIDTH)
                    .append("\" height=\"").append(height).append("\" viewBox=\"0 0 ").append(WIDTH).append(' ')
                    .append(height).append("\" font-family=\"").append(FONT).append(", sans-serif\" role=\"img\"")
                    .append(" aria-label=\"").append(escape(title)).append("\">\n");
            out.append("<title>").append(escape(title)).append("</title>\n");
            out.append("<rect x=\"0\" y=\"0\" width=\"").append(WIDTH).append("\" height=\"").append(height)
                    .append("\" fill=\"#ffffff\"/>\n");
            text(0, 18, 13, INK, "start", true, Text.fit(title, 13, WIDTH, true));
        }

        String empty(Messages messages) {
            text(WIDTH / 2.0, Math.min(height - 12, 60), 11, MUTED, "middle", false,
                    messages.get("report.chart.empty"));
            return end();
        }

        String end() {
            return out.append("</svg>\n").toString();
        }

        void legend(List<Key> keys) {
            double x = WIDTH - 4;
            for (int i = keys.size() - 1; i >= 0; i--) {
                Key k = keys.get(i);
                x -= Text.width(k.label(), 10, false);
                text(x, 38, 10, INK, "start", false, k.label());
                x -= 16;
                switch (k.mark()) {
                    case WHISKER -> {
                        line(x, 34, x + 12, 34, k.color(), 1, null);
                        line(x + 12, 30, x + 12, 38, k.color(), 1, null);
                    }
                    case DASH -> line(x, 34, x + 12, 34, k.color(), 1.2, "3 2");
                    default -> out.append("<rect x=\"").append(n(x))
                            .append("\" y=\"29\" width=\"12\" height=\"10\" fill=\"").append(k.color()).append("\"/>\n");
                }
                x -= 14;
            }
        }

        void yAxis(Plot plot, Axis axis, String caption, java.util.function.DoubleFunction<String> label) {
            for (double v = 0; v <= axis.max() + 1e-9; v += axis.step()) {
                double y = plot.y(axis, v);
                line(plot.x, y, plot.right(), y, v == 0 ? MUTED : GRID, 1, null);
                text(plot.x - 6, y + 3.5, 9, MUTED, "end", false, label.apply(v));
            }
            out.append("<text x=\"12\" y=\"").append(n(plot.y + plot.height / 2)).append("\" font-size=\"9\" fill=\"")
                    .append(MUTED).append("\" text-anchor=\"middle\" transform=\"rotate(-90 12 ")
                    .append(n(plot.y + plot.height / 2)).append(")\">").append(escape(caption)).append("</text>\n");
        }

        void xAxis(Plot plot, Axis axis, String caption, java.util.function.DoubleFunction<String> label) {
            for (double v = 0; v <= axis.max() + 1e-9; v += axis.step()) {
                double x = plot.x(axis, v);
                line(x, plot.y, x, plot.bottom(), v == 0 ? MUTED : GRID, 1, null);
                text(x, plot.bottom() + 13, 9, MUTED, "middle", false, label.apply(v));
            }
            text(plot.x + plot.width / 2, plot.bottom() + 28, 9, MUTED, "middle", false, caption);
        }

        /** A vertical bar from the axis up to {@code value}, its figure on top. */
        void vbar(Plot plot, Axis axis, double x, double width, double value, String color, String figure,
                  String tooltip) {
            double top = plot.y(axis, value);
            if (value > 0) {
                rect(x, top, width, plot.bottom() - top, color, tooltip);
            }
            text(x + width / 2, top - 3, 9, INK, "middle", false, figure);
        }

        void monthLabel(Plot plot, double center, List<MonthMetrics> months, int i, Messages messages) {
            MonthMetrics m = months.get(i);
            text(center, plot.bottom() + 13, 9, INK, "middle", false,
                    messages.get("report.chart.month." + m.month().getMonthValue()));
            if (i == 0 || m.month().getMonthValue() == 1) {
                text(center, plot.bottom() + 25, 9, MUTED, "middle", false, Integer.toString(m.month().getYear()));
            }
        }

        void rect(double x, double y, double width, double height, String fill, String tooltip) {
            out.append("<rect x=\"").append(n(x)).append("\" y=\"").append(n(y)).append("\" width=\"")
                    .append(n(Math.max(0, width))).append("\" height=\"").append(n(Math.max(0, height)))
                    .append("\" fill=\"").append(fill).append("\"><title>").append(escape(tooltip))
                    .append("</title></rect>\n");
        }

        void line(double x1, double y1, double x2, double y2, String stroke, double width, String dash) {
            out.append("<line x1=\"").append(n(x1)).append("\" y1=\"").append(n(y1)).append("\" x2=\"")
                    .append(n(x2)).append("\" y2=\"").append(n(y2)).append("\" stroke=\"").append(stroke)
                    .append("\" stroke-width=\"").append(n(width)).append('"');
            if (dash != null) {
                out.append(" stroke-dasharray=\"").append(dash).append('"');
            }
            out.append("/>\n");
        }

        void text(double x, double y, double size, String fill, String anchor, boolean bold, String text) {
            out.append("<text x=\"").append(n(x)).append("\" y=\"").append(n(y)).append("\" font-size=\"")
                    .append(n(size)).append("\" fill=\"").append(fill).append('"');
            if (!"start".equals(anchor)) {
                out.append(" text-anchor=\"").append(anchor).append('"');
            }
            if (bold) {
                out.append(" font-weight=\"bold\"");
            }
            out.append('>').append(escape(text)).append("</text>\n");
        }
    }

    /** DejaVu Sans advance widths (per 1000 em) for ASCII 32..126, read from the bundled fonts. */
    static final class Text {
        private static final int[] REGULAR = {
                318, 401, 460, 838, 636, 950, 780, 275, 390, 390, 500, 838, 318, 361, 318, 337,
                636, 636, 636, 636, 636, 636, 636, 636, 636, 636, 337, 337, 838, 838, 838, 531,
                1000, 684, 686, 698, 770, 632, 575, 775, 752, 295, 295, 656, 557, 863, 748, 787,
                603, 787, 695, 635, 611, 732, 684, 989, 685, 611, 685, 390, 337, 390, 838, 500,
                500, 613, 635, 550, 635, 615, 352, 635, 634, 278, 278, 579, 278, 974, 634, 612,
                635, 635, 411, 521, 392, 634, 592, 818, 592, 592, 525, 636, 337, 636, 838};
        private static final int[] BOLD = {
                348, 456, 521, 838, 696, 1002, 872, 306, 457, 457, 523, 838, 380, 415, 380, 365,
                696, 696, 696, 696, 696, 696, 696, 696, 696, 696, 400, 400, 838, 838, 838, 580,
                1000, 774, 762, 734, 830, 683, 683, 821, 837, 372, 372, 775, 637, 995, 837, 850,
                733, 850, 770, 720, 682, 812, 774, 1103, 771, 724, 725, 457, 365, 457, 838, 500,
                500, 675, 716, 593, 716, 678, 435, 716, 712, 343, 343, 665, 343, 1042, 712, 687,
                716, 716, 493, 595, 478, 712, 652, 924, 645, 652, 582, 712, 365, 712, 838};

        private Text() {
        }

        static double width(String text, double size, boolean bold) {
            int[] widths = bold ? BOLD : REGULAR;
            double units = 0;
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                // Anything beyond ASCII (· – … and letters with marks) is taken as wide, never narrow.
                units += c >= 32 && c <= 126 ? widths[c - 32] : 1000;
            }
            return units / 1000.0 * size;
        }

        static String fit(String text, double size, double maxWidth) {
            return fit(text, size, maxWidth, false);
        }

        /** The text, cut with an ellipsis when it is wider than {@code maxWidth}. */
        static String fit(String text, double size, double maxWidth, boolean bold) {
            if (width(text, size, bold) <= maxWidth) {
                return text;
            }
            String cut = text;
            while (!cut.isEmpty() && width(cut + "…", size, bold) > maxWidth) {
                cut = cut.substring(0, cut.length() - 1);
            }
            return cut.stripTrailing() + "…";
        }
    }
}
