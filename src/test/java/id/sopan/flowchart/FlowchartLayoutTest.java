package id.sopan.flowchart;

import id.sopan.catalog.CatalogFiles;
import id.sopan.sop.Actor;
import id.sopan.sop.ActorKind;
import id.sopan.sop.Decision;
import id.sopan.sop.ServiceType;
import id.sopan.sop.SopDefinition;
import id.sopan.sop.StandardTime;
import id.sopan.sop.Step;
import id.sopan.sop.Transition;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The flowchart's layout over every SOP of the bundled catalog, on F4, A4 and the web's one tall page. */
class FlowchartLayoutTest {

    static final Map<String, LayoutOptions> OPTIONS = Map.of(
            "F4", LayoutOptions.f4(), "A4", LayoutOptions.a4(), "web", LayoutOptions.web());
    static List<SopDefinition> sops;

    @BeforeAll
    static void load() {
        sops = CatalogFiles.loadBundled().offices().get(0).sops();
        assertThat(sops).hasSize(48);
    }

    /** Every SOP with every option, plus the same SOPs on a small page (many breaks) and in English. */
    static List<Flowchart> allCharts() {
        List<Flowchart> charts = new ArrayList<>();
        LayoutOptions small = LayoutOptions.a4().withPage(LayoutOptions.A4_WIDTH, 300);
        for (SopDefinition sop : sops) {
            OPTIONS.values().forEach(o -> charts.add(FlowchartLayout.of(sop, o)));
            charts.add(FlowchartLayout.of(sop, small));
        }
        return charts;
    }

    @Test
    void noTextOverflowsItsCell() {
        for (Flowchart chart : allCharts()) {
            TextMeasure m = chart.options().measure();
            for (Page page : chart.pages()) {
                for (Cell cell : page.cells()) {
                    for (String line : cell.lines()) {
                        assertThat(m.width(line, cell.fontSize(), cell.bold()))
                                .as("%s p%d step %d %s: '%s'", chart.code(), page.number(), cell.step(), cell.column(), line)
                                .isLessThanOrEqualTo(cell.innerWidth() + 1e-9);
                    }
                    assertThat(cell.textHeight()).as("%s step %d %s", chart.code(), cell.step(), cell.column())
                            .isLessThanOrEqualTo(cell.box().height() + 1e-9);
                    if (!cell.lines().isEmpty()) {
                        assertThat(cell.baseline(0)).isGreaterThan(cell.box().y());
                        assertThat(cell.baseline(cell.lines().size() - 1) + cell.fontSize() * 0.25)
                                .isLessThanOrEqualTo(cell.box().bottom());
                    }
                }
            }
        }
    }

    @Test
    void everyStepsTextIsPrintedInFullUnlessClipped() {
        for (Flowchart chart : allCharts()) {
            SopDefinition sop = sop(chart.code());
            for (Step step : sop.steps()) {
                Cell kegiatan = chart.pageOf(step.number()).cells().stream()
                        .filter(c -> c.kind() == Cell.Kind.ROW && c.step() == step.number()
                                && c.column() == Column.Kind.KEGIATAN).findFirst().orElseThrow();
                if (!kegiatan.clipped()) {
                    assertThat(String.join(" ", kegiatan.lines()).replaceAll("\\s+", ""))
                            .isEqualTo(step.kegiatan().replaceAll("\\s+", ""));
                }
            }
        }
    }

    @Test
    void noArrowPassesThroughASymbolOtherThanItsOwnEnds() {
        int checked = 0;
        for (Flowchart chart : allCharts()) {
            for (Page page : chart.pages()) {
                for (Edge edge : page.edges()) {
                    Point first = edge.points().get(0);
                    Point last = edge.points().get(edge.points().size() - 1);
                    List<Shape> ends = page.shapes().stream()
                            .filter(s -> touches(s.box(), first) || touches(s.box(), last)).toList();
                    assertThat(ends).as("%s %s: both ends on a symbol", chart.code(), edge).hasSizeGreaterThanOrEqualTo(2);
                    for (int i = 0; i + 1 < edge.points().size(); i++) {
                        Point a = edge.points().get(i);
                        Point b = edge.points().get(i + 1);
                        assertThat(a.x() == b.x() || a.y() == b.y()).as("orthogonal").isTrue();
                        for (Shape s : page.shapes()) {
                            if (!ends.contains(s)) {
                                assertThat(s.box().crossedBy(a, b))
                                        .as("%s p%d edge %d->%d %s crosses %s", chart.code(), page.number(),
                                                edge.from(), edge.to(), edge.kind(), s)
                                        .isFalse();
                            }
                        }
                        checked++;
                    }
                }
            }
        }
        assertThat(checked).isGreaterThan(2000);
    }

    @Test
    void symbolsDoNotOverlapAndStayInTheTable() {
        for (Flowchart chart : allCharts()) {
            for (Page page : chart.pages()) {
                List<Shape> shapes = page.shapes();
                for (int i = 0; i < shapes.size(); i++) {
                    assertThat(page.table().contains(shapes.get(i).box())).isTrue();
                    for (int j = i + 1; j < shapes.size(); j++) {
                        Box a = shapes.get(i).box();
                        Box b = shapes.get(j).box();
                        boolean overlap = a.x() < b.right() && b.x() < a.right() && a.y() < b.bottom() && b.y() < a.bottom();
                        assertThat(overlap).as("%s %s / %s", chart.code(), shapes.get(i), shapes.get(j)).isFalse();
                    }
                }
            }
        }
    }

    @Test
    void everySymbolSitsInItsActorsColumnAndItsRowOneSymbolPerActor() {
        for (Flowchart chart : allCharts()) {
            SopDefinition sop = sop(chart.code());
            for (Step step : sop.steps()) {
                List<Shape> symbols = chart.symbolsOf(step.number());
                assertThat(symbols).extracting(Shape::actor).containsExactlyInAnyOrderElementsOf(step.actors());
                Page page = chart.pageOf(step.number());
                Box row = page.cells().stream().filter(c -> c.kind() == Cell.Kind.ROW && c.step() == step.number())
                        .findFirst().orElseThrow().box();
                for (Shape s : symbols) {
                    Column c = chart.column(s.actor());
                    Box cell = new Box(c.x(), row.y(), c.width(), row.height());
                    assertThat(cell.contains(s.box())).as("%s step %d in %s", chart.code(), step.number(), s.actor()).isTrue();
                }
                long joins = page.joins().stream().filter(j -> j.step() == step.number()).count();
                assertThat(joins).as("the bar joins the symbols of a multi-actor step").isEqualTo(symbols.size() - 1);
            }
        }
    }

    @Test
    void firstAndLastAreTerminatorsDecisionsDiamondsTheRestProcesses() {
        for (Flowchart chart : allCharts()) {
            SopDefinition sop = sop(chart.code());
            for (Step step : sop.steps()) {
                Shape.Kind expected = step.isDecision() ? Shape.Kind.DECISION
                        : step == sop.firstStep() || step == sop.lastStep() ? Shape.Kind.TERMINATOR : Shape.Kind.PROCESS;
                assertThat(chart.symbolsOf(step.number())).extracting(Shape::kind).containsOnly(expected);
            }
            assertThat(chart.symbolsOf(sop.firstStep().number())).extracting(Shape::kind).containsOnly(Shape.Kind.TERMINATOR);
            assertThat(chart.symbolsOf(sop.lastStep().number())).extracting(Shape::kind).containsOnly(Shape.Kind.TERMINATOR);
        }
    }

    @Test
    void everyTransitionIsDrawnAndEachDecisionHasExactlyOneTidakArrowToItsReturnStep() {
        for (Flowchart chart : allCharts()) {
            SopDefinition sop = sop(chart.code());
            List<Edge> edges = chart.pages().stream().flatMap(p -> p.edges().stream()).toList();
            for (Transition t : sop.transitions()) {
                List<Edge> drawn = edges.stream().filter(e -> e.from() == t.from() && e.to() == t.to()
                        && e.kind() == t.kind()).toList();
                boolean samePage = chart.pageOf(t.from()) == chart.pageOf(t.to());
                if (samePage) {
                    assertThat(drawn).singleElement().extracting(Edge::part).isEqualTo(Edge.Part.WHOLE);
                } else {
                    assertThat(drawn).extracting(Edge::part)
                            .containsExactlyInAnyOrder(Edge.Part.TO_CONNECTOR, Edge.Part.FROM_CONNECTOR);
                }
            }
            for (Step d : sop.steps().stream().filter(Step::isDecision).toList()) {
                List<Edge> tidak = edges.stream().filter(e -> e.from() == d.number() && e.kind() == Transition.Kind.NO
                        && e.part() != Edge.Part.FROM_CONNECTOR).toList();
                assertThat(tidak).as("%s step %d", chart.code(), d.number()).singleElement().satisfies(e -> {
                    assertThat(e.to()).isEqualTo(d.decision().returnsTo());
                    assertThat(e.label()).isEqualTo(chart.options().labels().no());
                });
                Edge ya = edges.stream().filter(e -> e.from() == d.number() && e.kind() == Transition.Kind.YES
                        && e.part() != Edge.Part.FROM_CONNECTOR).findFirst().orElseThrow();
                assertThat(ya.label()).isEqualTo(chart.options().labels().yes());
                // The Tidak arrow ends at the return step's symbol.
                Edge end = edges.stream().filter(e -> e.from() == d.number() && e.kind() == Transition.Kind.NO
                        && e.part() != Edge.Part.TO_CONNECTOR).findFirst().orElseThrow();
                Point tip = end.points().get(end.points().size() - 1);
                assertThat(chart.symbolsOf(d.decision().returnsTo())).anySatisfy(s -> assertThat(touches(s.box(), tip)).isTrue());
            }
            assertThat(edges).extracting(Edge::kind).doesNotContainNull();
        }
    }

    @Test
    void everyArrowAcrossAPageBreakGoesThroughOneLetteredConnectorPair() {
        int pairs = 0;
        for (Flowchart chart : allCharts()) {
            SopDefinition sop = sop(chart.code());
            Map<String, List<Shape>> byLetter = new HashMap<>();
            Map<Shape, Integer> pageOf = new HashMap<>();
            for (Page page : chart.pages()) {
                page.shapes().stream().filter(s -> s.kind() == Shape.Kind.CONNECTOR).forEach(s -> {
                    byLetter.computeIfAbsent(s.letter(), k -> new ArrayList<>()).add(s);
                    pageOf.put(s, page.number());
                });
            }
            List<Transition> crossing = sop.transitions().stream()
                    .filter(t -> chart.pageOf(t.from()) != chart.pageOf(t.to())).toList();
            assertThat(byLetter).as(chart.code()).hasSize(crossing.size());
            for (Transition t : crossing) {
                List<Edge> halves = chart.pages().stream().flatMap(p -> p.edges().stream())
                        .filter(e -> e.from() == t.from() && e.to() == t.to() && e.kind() == t.kind()).toList();
                assertThat(halves).hasSize(2);
                String letter = halves.get(0).letter();
                assertThat(halves.get(1).letter()).isEqualTo(letter);
                List<Shape> pair = byLetter.get(letter);
                assertThat(pair).as("%s %s", chart.code(), letter).hasSize(2);
                assertThat(pair.stream().map(pageOf::get).toList()).containsExactlyInAnyOrder(
                        chart.pageOf(t.from()).number(), chart.pageOf(t.to()).number());
                pairs++;
            }
            // Every break between two pages is crossed (at least by the step-to-step arrow).
            for (int p = 1; p < chart.pages().size(); p++) {
                int lastOnPage = chart.pages().get(p - 1).steps().get(chart.pages().get(p - 1).steps().size() - 1);
                assertThat(crossing).anyMatch(t -> t.from() == lastOnPage && t.kind() != Transition.Kind.NO);
            }
            // Each connector touches exactly one edge of its page.
            for (Page page : chart.pages()) {
                for (Shape c : page.shapes().stream().filter(s -> s.kind() == Shape.Kind.CONNECTOR).toList()) {
                    assertThat(page.edges()).filteredOn(e -> c.letter().equals(e.letter())).hasSize(1);
                }
            }
        }
        assertThat(pairs).as("the small pages break often").isGreaterThan(100);
        for (LayoutOptions paper : List.of(LayoutOptions.f4(), LayoutOptions.a4())) {
            long broken = sops.stream().filter(s -> FlowchartLayout.of(s, paper).pages().size() > 1).count();
            assertThat(broken).as("SOPs over more than one page of %s", paper.pageHeight()).isGreaterThan(5);
        }
    }

    @Test
    void aTidakArrowBackToAnEarlierPageUsesAConnectorPair() {
        SopDefinition cuti = sop("UMM-06");
        // A page so short that every page holds about two rows: step 4's return to 3 or 2's to 1 crosses a break.
        LayoutOptions tiny = LayoutOptions.a4().withPage(LayoutOptions.A4_WIDTH, 230);
        Flowchart chart = FlowchartLayout.of(cuti, tiny);
        List<Edge> tidakHalves = chart.pages().stream().flatMap(p -> p.edges().stream())
                .filter(e -> e.kind() == Transition.Kind.NO && e.part() != Edge.Part.WHOLE).toList();
        assertThat(tidakHalves).isNotEmpty();
        Edge out = tidakHalves.stream().filter(e -> e.part() == Edge.Part.TO_CONNECTOR).findFirst().orElseThrow();
        Edge in = tidakHalves.stream().filter(e -> e.part() == Edge.Part.FROM_CONNECTOR && e.letter().equals(out.letter()))
                .findFirst().orElseThrow();
        assertThat(chart.pageOf(out.from()).number()).isGreaterThan(chart.pageOf(in.to()).number());
    }

    @Test
    void rowsNeverExceedThePageAndTheHeaderRepeatsOnEveryPage() {
        for (Flowchart chart : allCharts()) {
            LayoutOptions o = chart.options();
            int stepsSeen = 0;
            for (Page page : chart.pages()) {
                if (o.paginate()) {
                    assertThat(page.height()).isEqualTo(o.pageHeight());
                    assertThat(page.table().y()).isGreaterThanOrEqualTo(o.margin());
                    assertThat(page.table().bottom()).as("%s page %d", chart.code(), page.number())
                            .isLessThanOrEqualTo(o.pageHeight() - o.margin() + 1e-6);
                }
                assertThat(page.table().right()).isLessThanOrEqualTo(o.pageWidth() - o.margin() + 1e-6);
                assertThat(page.cells()).filteredOn(c -> c.kind() == Cell.Kind.HEADER)
                        .extracting(c -> String.join(" ", c.lines()))
                        .contains(o.labels().kegiatan(), o.labels().waktu());
                assertThat(page.steps()).isNotEmpty();
                stepsSeen += page.steps().size();
            }
            assertThat(stepsSeen).isEqualTo(sop(chart.code()).steps().size());
            if (!o.paginate()) {
                assertThat(chart.pages()).hasSize(1);
            }
        }
    }

    @Test
    void headerWordsAreNeverBrokenLongOnesGetASmallerFont() {
        for (Flowchart chart : allCharts()) {
            Labels l = chart.options().labels();
            List<String> expected = new ArrayList<>(List.of(l.number(), l.kegiatan(), l.pelaksana(), l.mutuBaku(),
                    l.kelengkapan(), l.waktu(), l.output(), l.keterangan()));
            sop(chart.code()).actors().forEach(a -> expected.add(a.name().strip().replaceAll("\\s+", " ")));
            for (Cell cell : chart.pages().get(0).cells().stream().filter(c -> c.kind() == Cell.Kind.HEADER).toList()) {
                assertThat(expected).as(chart.code()).contains(String.join(" ", cell.lines()));
                assertThat(cell.fontSize()).isBetween(chart.options().fontSize() * 0.7 - 1e-9, chart.options().fontSize());
            }
        }
        Flowchart prg11 = FlowchartLayout.of(sop("PRG-11"), LayoutOptions.a4());
        Cell sekda = prg11.pages().get(0).cells().stream()
                .filter(c -> c.kind() == Cell.Kind.HEADER && String.join(" ", c.lines()).startsWith("Sekda")).findFirst().orElseThrow();
        assertThat(sekda.lines()).last().isEqualTo("Pembangunan");
    }

    @Test
    void aRowTallerThanAPageIsClippedWithAnEllipsisToTheTallestRowAPageHolds() {
        SopDefinition base = sop("UMM-06");
        String longText = IntStream.range(0, 400).mapToObj(i -> "kata" + i).collect(Collectors.joining(" "));
        List<Step> steps = new ArrayList<>(base.steps());
        Step s3 = steps.get(2);
        steps.set(2, new Step(s3.number(), longText, s3.actors(), s3.kelengkapan(), s3.waktu(), s3.output(),
                s3.keterangan(), s3.decision(), s3.notes()));
        SopDefinition tall = new SopDefinition(base.code(), base.title(), false, base.serviceType(), base.identity(),
                base.serviceStandard(), base.actors(), steps, base.notes());
        Flowchart chart = FlowchartLayout.of(tall, LayoutOptions.a4());
        Page page = chart.pageOf(3);
        Cell cell = page.cells().stream().filter(c -> c.step() == 3 && c.column() == Column.Kind.KEGIATAN)
                .findFirst().orElseThrow();
        assertThat(cell.clipped()).isTrue();
        assertThat(cell.lines().get(cell.lines().size() - 1)).endsWith("\u2026");
        assertThat(page.table().bottom()).isLessThanOrEqualTo(LayoutOptions.A4_HEIGHT - LayoutOptions.a4().margin() + 1e-6);
        assertThat(page.steps()).as("alone on its page").containsExactly(3);
        Flowchart web = FlowchartLayout.of(tall, LayoutOptions.web());
        assertThat(web.pages().get(0).cells()).noneMatch(Cell::clipped);
    }

    @Test
    void aMultiActorDecisionAndAReturnAcrossColumnsStayClear() {
        List<Actor> actors = List.of(new Actor("A", ActorKind.PEMOHON), new Actor("B", ActorKind.INTERNAL),
                new Actor("C", ActorKind.INTERNAL), new Actor("D", ActorKind.EXTERNAL));
        StandardTime t = StandardTime.minutes(10, "10 menit");
        List<Step> steps = List.of(
                new Step(1, "mulai", List.of("A"), null, t, null, null, null, List.of()),
                new Step(2, "bersama", List.of("B", "D"), null, t, null, null, null, List.of()),
                new Step(3, "periksa bersama", List.of("C", "B"), null, t, null, null, new Decision(2), List.of()),
                new Step(4, "periksa ulang", List.of("D"), null, t, null, null, new Decision(1), List.of()),
                new Step(5, "periksa lagi", List.of("D"), null, t, null, null, new Decision(2), List.of()),
                new Step(6, "selesai", List.of("A"), null, t, null, null, null, List.of()));
        SopDefinition sop = new SopDefinition("TST-01", "Uji", false, ServiceType.KESEKRETARIATAN, null, null, actors,
                steps, List.of());
        for (LayoutOptions o : List.of(LayoutOptions.f4(), LayoutOptions.web(),
                LayoutOptions.a4().withPage(LayoutOptions.A4_WIDTH, 200))) {
            Flowchart chart = FlowchartLayout.of(sop, o);
            assertThat(chart.symbolsOf(3)).extracting(Shape::kind).containsOnly(Shape.Kind.DECISION).hasSize(2);
            for (Page page : chart.pages()) {
                for (Edge e : page.edges()) {
                    Point first = e.points().get(0);
                    Point last = e.points().get(e.points().size() - 1);
                    for (int i = 0; i + 1 < e.points().size(); i++) {
                        for (Shape s : page.shapes()) {
                            if (!touches(s.box(), first) && !touches(s.box(), last)) {
                                assertThat(s.box().crossedBy(e.points().get(i), e.points().get(i + 1)))
                                        .as("%s crosses %s", e, s).isFalse();
                            }
                        }
                    }
                }
                // No two Tidak arrows overlap along a line.
                List<Edge> no = page.edges().stream().filter(e -> e.kind() == Transition.Kind.NO).toList();
                for (int i = 0; i < no.size(); i++) {
                    for (int j = i + 1; j < no.size(); j++) {
                        assertThat(overlapsAlong(no.get(i), no.get(j))).as("%s / %s", no.get(i), no.get(j)).isFalse();
                    }
                }
            }
        }
    }

    @Test
    void optionsAreChecked() {
        assertThatThrownBy(() -> LayoutOptions.f4().withMargin(400)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> TextMeasure.averageCharWidth(0)).isInstanceOf(IllegalArgumentException.class);
        assertThat(TextMeasure.averageCharWidth(0.5).width("abcd", 10, false)).isEqualTo(20);
        assertThat(TextMeasure.HELVETICA.width("Wi", 10, false)).isCloseTo(9.44 + 2.22, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(FlowchartLayout.letter(0)).isEqualTo("A");
        assertThat(FlowchartLayout.letter(25)).isEqualTo("Z");
        assertThat(FlowchartLayout.letter(26)).isEqualTo("AA");
        // The cruder metric lays out just as well.
        Flowchart chart = FlowchartLayout.of(sop("PRG-11"), LayoutOptions.a4().withMeasure(TextMeasure.averageCharWidth(0.55)));
        assertThat(chart.pages()).isNotEmpty();
        assertThat(chart.columns()).filteredOn(c -> c.kind() == Column.Kind.ACTOR).hasSize(7);
    }

    static boolean overlapsAlong(Edge a, Edge b) {
        for (int i = 0; i + 1 < a.points().size(); i++) {
            for (int j = 0; j + 1 < b.points().size(); j++) {
                Point a1 = a.points().get(i);
                Point a2 = a.points().get(i + 1);
                Point b1 = b.points().get(j);
                Point b2 = b.points().get(j + 1);
                if (a1.x() == a2.x() && b1.x() == b2.x() && Math.abs(a1.x() - b1.x()) < 1e-6
                        && Math.max(Math.min(a1.y(), a2.y()), Math.min(b1.y(), b2.y()))
                        < Math.min(Math.max(a1.y(), a2.y()), Math.max(b1.y(), b2.y())) - 1e-6) {
                    return true;
                }
                if (a1.y() == a2.y() && b1.y() == b2.y() && Math.abs(a1.y() - b1.y()) < 1e-6
                        && Math.max(Math.min(a1.x(), a2.x()), Math.min(b1.x(), b2.x()))
                        < Math.min(Math.max(a1.x(), a2.x()), Math.max(b1.x(), b2.x())) - 1e-6) {
                    return true;
                }
            }
        }
        return false;
    }

    static boolean touches(Box box, Point p) {
        double e = 1e-6;
        return p.x() >= box.x() - e && p.x() <= box.right() + e && p.y() >= box.y() - e && p.y() <= box.bottom() + e;
    }

    static SopDefinition sop(String code) {
        Map<String, SopDefinition> byCode = sops.stream().collect(Collectors.toMap(SopDefinition::code, Function.identity()));
        if (byCode.containsKey(code)) {
            return byCode.get(code);
        }
        throw new IllegalArgumentException(code);
    }
}
