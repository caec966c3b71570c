package id.sopan.flowchart;

import id.sopan.sop.Actor;
import id.sopan.sop.SopDefinition;
import id.sopan.sop.Step;
import id.sopan.sop.Transition;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Lays an SOP out as the flowchart table of SOP AP (PermenPAN-RB 35/2012): columns No. | Kegiatan | one column per
 * actor, in the SOP's order | Mutu Baku: Kelengkapan | Waktu | Output | Keterangan, and one row per step.
 *
 * <p><b>Symbols.</b> Only the regulation's five: a terminator (capsule) for the first and the last step, a decision
 * (diamond) for a checking step, a process (rectangle) for every other step, arrows, and lettered off-page
 * connectors (a pentagon pointing down). Symbols are centred vertically in their row and horizontally in the part
 * of the actor's column left of its return channel.
 *
 * <p><b>A step of several actors</b> gets one symbol of the same kind in <em>each</em> of its actors' columns,
 * all in its row, joined left to right by a bar (a plain line at mid-height, without a head, see {@link Join}).
 * Arrows arrive at and leave from whichever of these symbols lies nearest the other end, so no arrow runs along
 * the bar.
 *
 * <p><b>Arrows.</b> Each step's arrow to the next step (labelled Ya after a decision) leaves the bottom of its symbol
 * and enters the top of the next: straight down when both sit in one column, else with one horizontal jog in the
 * upper gap of the next step's row. A decision's Tidak arrow leaves the right corner of its diamond into a
 * <em>return channel</em>: a strip along the right edge of the decision's actor column that holds no symbol, goes up
 * the channel to the return step's row and enters that step's symbol from the side (a decision's or a multi-actor
 * step's a quarter of its height above the middle, so it never meets that symbol's own arrows or bar). Tidak
 * arrows sharing a column and a row get separate lanes, shorter ones nearer the symbols, so they never overlap.
 * Hence no arrow passes through a symbol other than its own two.
 *
 * <p><b>Pages.</b> When paginating, rows are split between pages (never inside a row), the two header rows are
 * repeated on every page, and a <em>connector band</em> (an empty row) is added at the bottom of every page but the
 * last and at the top of every page but the first. Every arrow whose steps sit on different pages, the step-to-step
 * arrow across a break as well as a Tidak arrow back to an earlier page, ends at a lettered connector (A, B, ...,
 * Z, AA, ... in the order of the SOP's transitions) in the band of its source's page and starts again at a connector
 * with the same letter in the band of its target's page.
 *
 * <p><b>Text</b> is wrapped to its column's inner width with the options' {@link TextMeasure} (words longer than a
 * line are broken between characters); a row is as tall as its tallest cell. <b>A row that would not fit on a
 * page</b> even alone is capped at the tallest row a page holds (the page's content height less the header and
 * both connector bands): the cells' lines beyond that are dropped and the last kept line ends with "…"; such cells
 * are marked {@link Cell#clipped()}. Without pagination nothing is clipped.
 */
public final class FlowchartLayout {

    static final double NUMBER_WIDTH = 22;
    static final double WAKTU_WIDTH = 46;
    static final double KETERANGAN_WIDTH = 52;
    static final double MIN_ACTOR_WIDTH = 54;
    static final double MAX_ACTOR_WIDTH = 84;
    static final double MIN_TEXT_WIDTH = 300;
    static final double ROW_MIN_HEIGHT = 50;
    static final double PROCESS_HEIGHT = 22;
    static final double TERMINATOR_HEIGHT = 20;
    static final double DECISION_HEIGHT = 30;
    static final double SYMBOL_MAX_WIDTH = 60;
    static final double SIDE = 5;
    static final double LANE = 5;
    static final double BAND = 28;
    static final double CONNECTOR_SIZE = 14;
    static final String ELLIPSIS = "\u2026";

    private final SopDefinition sop;
    private final LayoutOptions o;
    private final double labelSize;
    private final List<Column> columns = new ArrayList<>();
    private final Map<String, Column> actorColumns = new HashMap<>();
    private final Map<String, Integer> lanes = new HashMap<>();
    /** The lane of each decision's Tidak edge, by the decision's number. */
    private final Map<Integer, Integer> laneOf = new HashMap<>();
    private final Map<Integer, Row> rows = new LinkedHashMap<>();
    private double headerSplit;
    private double headerHeight;

    private FlowchartLayout(SopDefinition sop, LayoutOptions options) {
        this.sop = sop;
        this.o = options;
        this.labelSize = options.fontSize() * 0.85;
    }

    /** The flowchart of {@code sop} laid out with {@code options}. */
    public static Flowchart of(SopDefinition sop, LayoutOptions options) {
        if (sop.steps().isEmpty() || sop.actors().isEmpty()) {
            throw new IllegalArgumentException("SOP " + sop.code() + " has no steps or no actors to draw");
        }
        return new FlowchartLayout(sop, options).layout();
    }

    /** One step's row, before it is placed on a page. */
    private record Row(Step step, List<List<String>> texts, List<Boolean> clipped, double height) {
    }

    private Flowchart layout() {
        columns();
        lanes();
        header();
        measureRows();
        List<List<Integer>> split = paginate();
        Map<Integer, Integer> pageOfStep = new HashMap<>();
        for (int p = 0; p < split.size(); p++) {
            for (int n : split.get(p)) {
                pageOfStep.put(n, p);
            }
        }
        // Place every page's rows and symbols first: arrows need both ends.
        List<PageBuilder> pages = new ArrayList<>();
        for (int p = 0; p < split.size(); p++) {
            pages.add(new PageBuilder(p, split.size(), split.get(p)));
        }
        Map<Integer, List<Shape>> symbols = new HashMap<>();
        Map<Integer, Box> rowBoxes = new HashMap<>();
        pages.forEach(pb -> pb.placeRows(symbols, rowBoxes));
        edges(pages, pageOfStep, symbols, rowBoxes);
        List<Page> built = pages.stream().map(PageBuilder::build).toList();
        return new Flowchart(sop.code(), sop.title(), o, columns, built);
    }

    // --- columns ---

    private void columns() {
        double width = o.contentWidth();
        int n = sop.actors().size();
        double fixed = NUMBER_WIDTH + WAKTU_WIDTH + KETERANGAN_WIDTH;
        double actor = Math.max(MIN_ACTOR_WIDTH, Math.min(MAX_ACTOR_WIDTH, (width - fixed - MIN_TEXT_WIDTH) / n));
        if (width - fixed - n * actor < 150) { // very many actors: the text columns keep at least 150 pt
            actor = Math.max(24, (width - fixed - 150) / n);
        }
        double text = width - fixed - n * actor;
        double x = o.margin();
        x = add(Column.Kind.NUMBER, null, x, NUMBER_WIDTH);
        x = add(Column.Kind.KEGIATAN, null, x, text * 0.5);
        for (Actor a : sop.actors()) {
            x = add(Column.Kind.ACTOR, a.name(), x, actor);
            actorColumns.put(a.name(), columns.get(columns.size() - 1));
        }
        x = add(Column.Kind.KELENGKAPAN, null, x, text * 0.25);
        x = add(Column.Kind.WAKTU, null, x, WAKTU_WIDTH);
        x = add(Column.Kind.OUTPUT, null, x, text * 0.25);
        add(Column.Kind.KETERANGAN, null, x, KETERANGAN_WIDTH);
    }

    private double add(Column.Kind kind, String actor, double x, double width) {
        columns.add(new Column(kind, actor, x, width));
        return x + width;
    }

    private Column column(Column.Kind kind) {
        return columns.stream().filter(c -> c.kind() == kind).findFirst().orElseThrow();
    }

    // --- return channels ---

    /** The column whose channel a decision's Tidak arrow runs in: that of its rightmost actor. */
    private Column decisionColumn(Step step) {
        return actorsOf(step).get(actorsOf(step).size() - 1);
    }

    private List<Column> actorsOf(Step step) {
        return step.actors().stream().map(actorColumns::get)
                .sorted(Comparator.comparingDouble(Column::x)).toList();
    }

    private void lanes() {
        List<Step> decisions = sop.steps().stream().filter(Step::isDecision)
                .sorted(Comparator.comparingInt((Step s) -> s.number() - s.decision().returnsTo())
                        .thenComparingInt(Step::number))
                .toList();
        Map<String, List<int[]>> taken = new HashMap<>(); // per column: {lane, from, to}
        for (Step d : decisions) {
            String actor = decisionColumn(d).actor();
            int lo = d.decision().returnsTo();
            int hi = d.number();
            List<int[]> used = taken.computeIfAbsent(actor, k -> new ArrayList<>());
            int lane = 0;
            while (true) {
                int candidate = lane;
                boolean clash = used.stream().anyMatch(u -> u[0] == candidate && u[1] <= hi && lo <= u[2]);
                if (!clash) {
                    break;
                }
                lane++;
            }
            used.add(new int[] {lane, lo, hi});
            laneOf.put(d.number(), lane);
            lanes.merge(actor, lane + 1, Math::max);
        }
    }

    private double laneX(Column c, int lane) {
        int count = lanes.getOrDefault(c.actor(), 0);
        return c.right() - LANE * (count - lane);
    }

    /** The part of an actor's column that holds its symbols: left of its return channel. */
    private double[] symbolArea(Column c) {
        int count = lanes.getOrDefault(c.actor(), 0);
        double left = c.x() + SIDE;
        double right = c.right() - (count == 0 ? SIDE : LANE * count + SIDE);
        return new double[] {left, right};
    }

    // --- header and rows ---

    private double lineHeight(double size) {
        return size * Cell.LEADING;
    }

    private double textHeight(List<String> lines, double size) {
        return lines.isEmpty() ? 0 : lines.size() * lineHeight(size) + 2 * Cell.PADDING;
    }

    private List<String> wrap(String text, double width, boolean bold) {
        return TextWrap.wrap(text, width - 2 * Cell.PADDING, o.fontSize(), bold, o.measure());
    }

    /** A header's text and font size: the table's size, or smaller (down to 70%) so that no word is broken. */
    private record HeaderText(List<String> lines, double size) {
    }

    private HeaderText headerText(String text, double width) {
        double inner = width - 2 * Cell.PADDING;
        double size = o.fontSize();
        String[] words = text == null ? new String[0] : text.strip().split("\\s+");
        while (size > o.fontSize() * 0.7) {
            double s = size;
            if (java.util.Arrays.stream(words).allMatch(w -> o.measure().width(w, s, true) <= inner)) {
                break;
            }
            size -= o.fontSize() * 0.05;
        }
        return new HeaderText(TextWrap.wrap(text, inner, size, true, o.measure()), size);
    }

    private double headerHeight(String text, double width) {
        HeaderText h = headerText(text, width);
        return textHeight(h.lines(), h.size());
    }

    private void header() {
        Labels l = o.labels();
        double one = textHeight(List.of("x"), o.fontSize());
        double groups = Math.max(one, Math.max(headerHeight(l.pelaksana(), actorSpan()),
                headerHeight(l.mutuBaku(), mutuSpan())));
        double second = one;
        for (Column c : columns) {
            String label = subLabel(c);
            if (label != null) {
                second = Math.max(second, headerHeight(label, c.width()));
            }
        }
        double total = groups + second;
        for (Column c : columns) {
            String label = spanningLabel(c);
            if (label != null) {
                total = Math.max(total, headerHeight(label, c.width()));
            }
        }
        headerSplit = groups;
        headerHeight = total;
    }

    private double actorSpan() {
        return columns.stream().filter(c -> c.kind() == Column.Kind.ACTOR).mapToDouble(Column::width).sum();
    }

    private double mutuSpan() {
        return column(Column.Kind.KELENGKAPAN).width() + column(Column.Kind.WAKTU).width()
                + column(Column.Kind.OUTPUT).width();
    }

    /** The label of a column in the header's second row, or null when its header spans both rows. */
    private String subLabel(Column c) {
        Labels l = o.labels();
        return switch (c.kind()) {
            case ACTOR -> c.actor();
            case KELENGKAPAN -> l.kelengkapan();
            case WAKTU -> l.waktu();
            case OUTPUT -> l.output();
            default -> null;
        };
    }

    private String spanningLabel(Column c) {
        Labels l = o.labels();
        return switch (c.kind()) {
            case NUMBER -> l.number();
            case KEGIATAN -> l.kegiatan();
            case KETERANGAN -> l.keterangan();
            default -> null;
        };
    }

    /** The tallest row a page can hold: the content height less the header and the two connector bands. */
    private double maxRowHeight() {
        return o.contentHeight() - headerHeight - 2 * BAND;
    }

    private void measureRows() {
        for (Step step : sop.steps()) {
            List<List<String>> texts = new ArrayList<>();
            List<Boolean> clipped = new ArrayList<>();
            double height = ROW_MIN_HEIGHT;
            for (Column c : columns) {
                List<String> lines = wrap(cellText(step, c), c.width(), false);
                texts.add(lines);
                clipped.add(false);
                height = Math.max(height, textHeight(lines, o.fontSize()));
            }
            if (o.paginate() && height > maxRowHeight()) {
                height = maxRowHeight();
                int fit = (int) Math.floor((height - 2 * Cell.PADDING) / lineHeight(o.fontSize()));
                for (int i = 0; i < texts.size(); i++) {
                    if (texts.get(i).size() > fit) {
                        texts.set(i, clip(texts.get(i), fit, columns.get(i).width() - 2 * Cell.PADDING));
                        clipped.set(i, true);
                    }
                }
            }
            rows.put(step.number(), new Row(step, texts, clipped, height));
        }
    }

    private List<String> clip(List<String> lines, int fit, double width) {
        List<String> kept = new ArrayList<>(lines.subList(0, Math.max(1, fit)));
        String last = kept.get(kept.size() - 1);
        while (!last.isEmpty() && o.measure().width(last + ELLIPSIS, o.fontSize(), false) > width) {
            last = last.substring(0, last.length() - 1);
        }
        kept.set(kept.size() - 1, last.stripTrailing() + ELLIPSIS);
        return kept;
    }

    private static String cellText(Step step, Column c) {
        return switch (c.kind()) {
            case NUMBER -> Integer.toString(step.number());
            case KEGIATAN -> step.kegiatan();
            case ACTOR -> null;
            case KELENGKAPAN -> step.kelengkapan();
            case WAKTU -> step.waktu().display();
            case OUTPUT -> step.output();
            case KETERANGAN -> step.keterangan();
        };
    }

    // --- pages ---

    private List<List<Integer>> paginate() {
        List<Integer> numbers = new ArrayList<>(rows.keySet());
        List<List<Integer>> pages = new ArrayList<>();
        if (!o.paginate()) {
            pages.add(numbers);
            return pages;
        }
        int i = 0;
        while (i < numbers.size()) {
            double available = o.contentHeight() - headerHeight - (pages.isEmpty() ? 0 : BAND);
            double rest = 0;
            for (int j = i; j < numbers.size(); j++) {
                rest += rows.get(numbers.get(j)).height();
            }
            List<Integer> page = new ArrayList<>();
            if (rest <= available + 1e-6) {
                page.addAll(numbers.subList(i, numbers.size()));
            } else {
                available -= BAND;
                double used = 0;
                while (i + page.size() < numbers.size()) {
                    double h = rows.get(numbers.get(i + page.size())).height();
                    if (!page.isEmpty() && used + h > available + 1e-6) {
                        break;
                    }
                    used += h;
                    page.add(numbers.get(i + page.size()));
                }
            }
            pages.add(page);
            i += page.size();
        }
        return pages;
    }

    /** One page being built: its rows, its bands and what is drawn on it. */
    private final class PageBuilder {
        final int index;
        final boolean topBand;
        final boolean bottomBand;
        final List<Integer> steps;
        final List<Cell> cells = new ArrayList<>();
        final List<Shape> shapes = new ArrayList<>();
        final List<Edge> edges = new ArrayList<>();
        final List<Join> joins = new ArrayList<>();
        /** Connectors wanted in the top (index 0) and bottom (1) band: desired x, letter, step, arrow maker. */
        final List<List<Wanted>> wanted = List.of(new ArrayList<>(), new ArrayList<>());
        double top;
        double bottom;
        double pageHeight;

        PageBuilder(int index, int count, List<Integer> steps) {
            this.index = index;
            this.topBand = index > 0;
            this.bottomBand = index < count - 1;
            this.steps = steps;
        }

        double tableLeft() {
            return columns.get(0).x();
        }

        double tableRight() {
            return columns.get(columns.size() - 1).right();
        }

        void placeRows(Map<Integer, List<Shape>> symbols, Map<Integer, Box> rowBoxes) {
            top = o.margin();
            headerCells();
            double y = top + headerHeight;
            if (topBand) {
                bandCells(y);
                y += BAND;
            }
            for (int n : steps) {
                Row row = rows.get(n);
                Box rowBox = new Box(tableLeft(), y, tableRight() - tableLeft(), row.height());
                rowBoxes.put(n, rowBox);
                for (int i = 0; i < columns.size(); i++) {
                    Column c = columns.get(i);
                    Column.Kind k = c.kind();
                    cells.add(new Cell(Cell.Kind.ROW, k, n, new Box(c.x(), y, c.width(), row.height()),
                            row.texts().get(i), o.fontSize(), false,
                            k == Column.Kind.NUMBER || k == Column.Kind.WAKTU, row.clipped().get(i)));
                }
                List<Shape> placed = symbolsFor(row.step(), rowBox);
                shapes.addAll(placed);
                symbols.put(n, placed);
                for (int i = 0; i + 1 < placed.size(); i++) {
                    Box a = placed.get(i).box();
                    Box b = placed.get(i + 1).box();
                    joins.add(new Join(n, new Point(a.right(), a.centerY()), new Point(b.x(), b.centerY())));
                }
                y += row.height();
            }
            if (bottomBand) {
                bandCells(y);
                y += BAND;
            }
            bottom = y;
            pageHeight = o.paginate() ? o.pageHeight() : bottom + o.margin();
        }

        private void headerCells() {
            Labels l = o.labels();
            double y0 = top;
            double y1 = top + headerSplit;
            double y2 = top + headerHeight;
            Column firstActor = columns.stream().filter(c -> c.kind() == Column.Kind.ACTOR).findFirst().orElseThrow();
            Column kelengkapan = column(Column.Kind.KELENGKAPAN);
            for (Column c : columns) {
                String spanning = spanningLabel(c);
                if (spanning != null) {
                    header(c.kind(), new Box(c.x(), y0, c.width(), y2 - y0), spanning);
                }
            }
            header(Column.Kind.ACTOR, new Box(firstActor.x(), y0, actorSpan(), y1 - y0), l.pelaksana());
            header(Column.Kind.KELENGKAPAN, new Box(kelengkapan.x(), y0, mutuSpan(), y1 - y0), l.mutuBaku());
            for (Column c : columns) {
                String sub = subLabel(c);
                if (sub != null) {
                    header(c.kind(), new Box(c.x(), y1, c.width(), y2 - y1), sub);
                }
            }
        }

        private void header(Column.Kind kind, Box box, String text) {
            HeaderText h = headerText(text, box.width());
            cells.add(new Cell(Cell.Kind.HEADER, kind, 0, box, h.lines(), h.size(), true, true, false));
        }

        private void bandCells(double y) {
            for (Column c : columns) {
                cells.add(new Cell(Cell.Kind.CONNECTOR_BAND, c.kind(), 0, new Box(c.x(), y, c.width(), BAND),
                        List.of(), o.fontSize(), false, false, false));
            }
        }

        private List<Shape> symbolsFor(Step step, Box row) {
            Shape.Kind kind = step.isDecision() ? Shape.Kind.DECISION
                    : step.number() == sop.firstStep().number() || step.number() == sop.lastStep().number()
                    ? Shape.Kind.TERMINATOR : Shape.Kind.PROCESS;
            double h = switch (kind) {
                case DECISION -> DECISION_HEIGHT;
                case TERMINATOR -> TERMINATOR_HEIGHT;
                default -> PROCESS_HEIGHT;
            };
            List<Shape> placed = new ArrayList<>();
            Column tidak = step.isDecision() ? decisionColumn(step) : null;
            for (Column c : actorsOf(step)) {
                double[] area = symbolArea(c);
                double cx = (area[0] + area[1]) / 2;
                double w = Math.min(area[1] - area[0], SYMBOL_MAX_WIDTH);
                if (c == tidak) {
                    // room for the "Tidak" label right of the diamond, inside the column
                    double label = o.measure().width(o.labels().no(), labelSize, false);
                    w = Math.max(16, Math.min(w, 2 * (c.right() - 2 - label - 1 - cx)));
                }
                placed.add(new Shape(kind, new Box(cx - w / 2, row.centerY() - h / 2, w, h), step.number(),
                        c.actor(), null));
            }
            return placed;
        }

        void connector(boolean atBottom, double x, String letter, int step, ArrowMaker arrow) {
            wanted.get(atBottom ? 1 : 0).add(new Wanted(x, letter, step, arrow));
        }

        /** Places the bands' connectors (pushed apart where they would overlap) and draws their arrows. */
        void placeConnectors() {
            for (int band = 0; band < 2; band++) {
                List<Wanted> list = new ArrayList<>(wanted.get(band));
                if (list.isEmpty()) {
                    continue;
                }
                list.sort(Comparator.comparingDouble(Wanted::x));
                double bandTop = band == 0 ? top + headerHeight : bottom - BAND;
                double gap = CONNECTOR_SIZE + 4;
                double[] xs = new double[list.size()];
                double min = columns.get(2).x() + CONNECTOR_SIZE / 2 + 1;
                for (int i = 0; i < list.size(); i++) {
                    xs[i] = Math.max(list.get(i).x(), i == 0 ? min : xs[i - 1] + gap);
                }
                double max = tableRight() - CONNECTOR_SIZE / 2 - 1;
                for (int i = list.size() - 1; i >= 0; i--) {
                    xs[i] = Math.min(xs[i], i == list.size() - 1 ? max : xs[i + 1] - gap);
                }
                for (int i = 0; i < list.size(); i++) {
                    Wanted w = list.get(i);
                    Box box = new Box(xs[i] - CONNECTOR_SIZE / 2, bandTop + (BAND - CONNECTOR_SIZE) / 2,
                            CONNECTOR_SIZE, CONNECTOR_SIZE);
                    shapes.add(new Shape(Shape.Kind.CONNECTOR, box, w.step(), null, w.letter()));
                    double jog = band == 0 ? bandTop + BAND - 3 : bandTop + 3;
                    edges.add(w.arrow().make(box, jog));
                }
            }
        }

        Page build() {
            return new Page(index + 1, o.pageWidth(), pageHeight,
                    new Box(tableLeft(), top, tableRight() - tableLeft(), bottom - top), steps, cells, shapes,
                    edges, joins);
        }
    }

    private record Wanted(double x, String letter, int step, ArrowMaker arrow) {
    }

    /** Draws a connector's arrow once the connector's box is known; {@code jog} is the band's free line. */
    @FunctionalInterface
    private interface ArrowMaker {
        Edge make(Box connector, double jog);
    }

    // --- arrows ---

    private void edges(List<PageBuilder> pages, Map<Integer, Integer> pageOfStep, Map<Integer, List<Shape>> symbols,
                       Map<Integer, Box> rowBoxes) {
        int letters = 0;
        for (Transition t : sop.transitions()) {
            int pf = pageOfStep.get(t.from());
            int pt = pageOfStep.get(t.to());
            List<Shape> from = symbols.get(t.from());
            List<Shape> to = symbols.get(t.to());
            String label = t.kind() == Transition.Kind.YES ? o.labels().yes()
                    : t.kind() == Transition.Kind.NO ? o.labels().no() : null;
            if (t.kind() == Transition.Kind.NO) {
                Shape d = from.get(from.size() - 1);
                double lane = laneX(actorColumns.get(d.actor()), laneOf.get(t.from()));
                Point out = new Point(d.box().right(), d.box().centerY());
                Point labelAt = new Point(out.x() + 1, out.y() + 1 + labelSize * 0.8);
                if (pf == pt) {
                    Entry in = entry(to, lane);
                    pages.get(pf).edges.add(new Edge(t.from(), t.to(), t.kind(), Edge.Part.WHOLE, null,
                            path(out, new Point(lane, out.y()), new Point(lane, in.point().y()), in.point()),
                            label, labelAt));
                } else {
                    String letter = letter(letters++);
                    Entry in = entry(to, lane);
                    pages.get(pf).connector(false, lane, letter, t.from(), (box, jog) -> new Edge(t.from(), t.to(),
                            t.kind(), Edge.Part.TO_CONNECTOR, letter, path(out, new Point(lane, out.y()),
                            new Point(lane, jog), new Point(box.centerX(), jog),
                            new Point(box.centerX(), box.bottom())), label, labelAt));
                    pages.get(pt).connector(true, lane, letter, t.to(), (box, jog) -> new Edge(t.from(), t.to(),
                            t.kind(), Edge.Part.FROM_CONNECTOR, letter, path(new Point(box.centerX(), box.y()),
                            new Point(box.centerX(), jog), new Point(lane, jog), new Point(lane, in.point().y()),
                            in.point()), null, null));
                }
                continue;
            }
            Shape[] pair = nearest(from, to);
            Shape s = pair[0];
            Shape e = pair[1];
            Point out = new Point(s.box().centerX(), s.box().bottom());
            Point labelAt = label == null ? null : new Point(out.x() + 3, out.y() + 1 + labelSize * 0.8);
            if (pf == pt) {
                Point in = new Point(e.box().centerX(), e.box().y());
                double jog = rowBoxes.get(t.to()).y() + (e.box().y() - rowBoxes.get(t.to()).y()) / 2;
                pages.get(pf).edges.add(new Edge(t.from(), t.to(), t.kind(), Edge.Part.WHOLE, null,
                        path(out, new Point(out.x(), jog), new Point(in.x(), jog), in), label, labelAt));
            } else {
                String letter = letter(letters++);
                Point in = new Point(e.box().centerX(), e.box().y());
                double rowTop = rowBoxes.get(t.to()).y();
                double jogInRow = rowTop + (e.box().y() - rowTop) / 2;
                pages.get(pf).connector(true, out.x(), letter, t.from(), (box, jog) -> new Edge(t.from(), t.to(),
                        t.kind(), Edge.Part.TO_CONNECTOR, letter, path(out, new Point(out.x(), jog),
                        new Point(box.centerX(), jog), new Point(box.centerX(), box.y())), label, labelAt));
                pages.get(pt).connector(false, in.x(), letter, t.to(), (box, jog) -> new Edge(t.from(), t.to(),
                        t.kind(), Edge.Part.FROM_CONNECTOR, letter, path(new Point(box.centerX(), box.bottom()),
                        new Point(box.centerX(), jog), new Point(in.x(), jog), new Point(in.x(), jogInRow), in),
                        null, null));
            }
        }
        pages.forEach(PageBuilder::placeConnectors);
    }

    private record Entry(Shape shape, Point point) {
    }

    /**
     * Where a Tidak arrow coming along its channel at {@code lane} enters the return step: the side facing the
     * channel of the symbol nearest to it; a decision (on its edge) or a multi-actor step a quarter of the
     * symbol's height above the middle, clear of that symbol's own Tidak arrow and bar.
     */
    private Entry entry(List<Shape> symbols, double lane) {
        Shape best = symbols.stream().min(Comparator.comparingDouble(s ->
                Math.min(Math.abs(s.box().x() - lane), Math.abs(s.box().right() - lane)))).orElseThrow();
        Box b = best.box();
        boolean fromRight = b.centerX() < lane;
        if (best.kind() == Shape.Kind.DECISION) {
            double x = fromRight ? b.centerX() + b.width() / 4 : b.centerX() - b.width() / 4;
            return new Entry(best, new Point(x, b.centerY() - b.height() / 4));
        }
        double y = symbols.size() > 1 ? b.centerY() - b.height() / 4 : b.centerY();
        return new Entry(best, new Point(fromRight ? b.right() : b.x(), y));
    }

    /** The pair (one symbol of each step) whose centres are nearest horizontally. */
    private static Shape[] nearest(List<Shape> from, List<Shape> to) {
        Shape[] best = null;
        double distance = Double.MAX_VALUE;
        for (Shape f : from) {
            for (Shape t : to) {
                double d = Math.abs(f.box().centerX() - t.box().centerX());
                if (d < distance - 1e-9) {
                    distance = d;
                    best = new Shape[] {f, t};
                }
            }
        }
        return best;
    }

    /** The polyline without repeated points and without points in the middle of a straight run. */
    static List<Point> path(Point... points) {
        List<Point> out = new ArrayList<>();
        for (Point p : points) {
            if (!out.isEmpty() && same(out.get(out.size() - 1), p)) {
                continue;
            }
            if (out.size() >= 2) {
                Point a = out.get(out.size() - 2);
                Point b = out.get(out.size() - 1);
                boolean straight = (near(a.x(), b.x()) && near(b.x(), p.x())) || (near(a.y(), b.y()) && near(b.y(), p.y()));
                if (straight) {
                    out.set(out.size() - 1, p);
                    continue;
                }
            }
            out.add(p);
        }
        return out;
    }

    private static boolean same(Point a, Point b) {
        return near(a.x(), b.x()) && near(a.y(), b.y());
    }

    private static boolean near(double a, double b) {
        return Math.abs(a - b) < 1e-6;
    }

    /** A, B, ..., Z, AA, AB, ... */
    static String letter(int index) {
        StringBuilder s = new StringBuilder();
        int n = index + 1;
        while (n > 0) {
            n--;
            s.insert(0, (char) ('A' + n % 26));
            n /= 26;
        }
        return s.toString();
    }
}
