package id.sopan.flowchart;

import id.sopan.catalog.CatalogFiles;
import id.sopan.sop.Messages;
import id.sopan.sop.SopDefinition;
import id.sopan.sop.Step;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The SVG drawing: well-formed XML with a title, every step's number, every symbol; files to look at. */
class FlowchartSvgTest {

    @Test
    void everySopsSvgParsesAndShowsEveryStepNumberOnEveryOption() throws Exception {
        List<SopDefinition> sops = CatalogFiles.loadBundled().offices().get(0).sops();
        assertThat(sops).hasSize(48);
        for (SopDefinition sop : sops) {
            for (LayoutOptions o : List.of(LayoutOptions.f4(), LayoutOptions.a4(), LayoutOptions.web())) {
                Flowchart chart = FlowchartLayout.of(sop, o);
                List<String> pages = FlowchartSvg.render(chart);
                assertThat(pages).hasSize(chart.pages().size());
                List<String> numbers = new ArrayList<>();
                int symbols = 0;
                for (int p = 0; p < pages.size(); p++) {
                    Document doc = parse(pages.get(p));
                    Element svg = doc.getDocumentElement();
                    assertThat(svg.getLocalName()).isEqualTo("svg");
                    assertThat(svg.getAttribute("viewBox")).startsWith("0 0 ");
                    assertThat(svg.getAttribute("aria-label")).contains(sop.code()).contains("halaman " + (p + 1));
                    assertThat(doc.getElementsByTagNameNS("*", "title").item(0).getTextContent()).contains(sop.code());
                    NodeList tspans = doc.getElementsByTagNameNS("*", "tspan");
                    for (int i = 0; i < tspans.getLength(); i++) {
                        numbers.add(tspans.item(i).getTextContent());
                    }
                    symbols += count(doc, "fc-symbol");
                }
                for (Step step : sop.steps()) {
                    assertThat(numbers).as(sop.code()).contains(Integer.toString(step.number()));
                }
                assertThat(symbols).isEqualTo(sop.steps().stream().mapToInt(s -> s.actors().size()).sum());
            }
        }
    }

    @Test
    void textIsEscapedAndEnglishLabelsAreUsedWhenAsked() throws Exception {
        SopDefinition base = CatalogFiles.loadBundled().offices().get(0).sops().stream()
                .filter(s -> s.code().equals("UMM-06")).findFirst().orElseThrow();
        List<Step> steps = new ArrayList<>(base.steps());
        Step s1 = steps.get(0);
        steps.set(0, new Step(1, "<script>alert('x')</script> & \"kutip\" \u0001", s1.actors(), s1.kelengkapan(),
                s1.waktu(), s1.output(), s1.keterangan(), s1.decision(), s1.notes()));
        SopDefinition hostile = new SopDefinition(base.code(), "Cuti <b>& co</b>", false, base.serviceType(),
                base.identity(), base.serviceStandard(), base.actors(), steps, base.notes());
        Flowchart chart = FlowchartLayout.of(hostile,
                LayoutOptions.web().withLabels(Labels.of(Messages.forLocale(Locale.ENGLISH))));
        String svg = FlowchartSvg.render(chart, 1);
        assertThat(svg).doesNotContain("<script").doesNotContain("<b>").contains("&lt;script&gt;").contains("&amp;");
        Document doc = parse(svg);
        assertThat(doc.getDocumentElement().getAttribute("aria-label"))
                .isEqualTo("Flowchart of SOP UMM-06 Cuti <b>& co</b>, page 1 of 1");
        assertThat(svg).contains(">Activity<").contains(">Yes<").contains(">No<");
        assertThatThrownBy(() -> FlowchartSvg.render(chart, 2)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void cutiTahunanAndRenstraAreWrittenForALook() throws Exception {
        Path dir = Path.of("target", "flowchart");
        Files.createDirectories(dir);
        for (String code : List.of("UMM-06", "PRG-01", "PRG-11")) {
            SopDefinition sop = CatalogFiles.loadBundled().offices().get(0).sops().stream()
                    .filter(s -> s.code().equals(code)).findFirst().orElseThrow();
            String web = FlowchartSvg.render(FlowchartLayout.of(sop, LayoutOptions.web()), 1);
            Files.writeString(dir.resolve(code + "-web.svg"), web);
            List<String> a4 = FlowchartSvg.render(FlowchartLayout.of(sop, LayoutOptions.a4()
                    .withPage(LayoutOptions.A4_WIDTH, 330)));
            for (int p = 0; p < a4.size(); p++) {
                Files.writeString(dir.resolve(code + "-small-" + (p + 1) + ".svg"), a4.get(p));
            }
            List<String> f4 = FlowchartSvg.render(FlowchartLayout.of(sop, LayoutOptions.f4()));
            for (int p = 0; p < f4.size(); p++) {
                Files.writeString(dir.resolve(code + "-f4-" + (p + 1) + ".svg"), f4.get(p));
            }
            assertThat(parse(Files.readString(dir.resolve(code + "-web.svg"))).getDocumentElement().getAttribute("class"))
                    .isEqualTo("fc");
            assertThat(a4).hasSizeGreaterThan(1);
        }
    }

    static int count(Document doc, String cls) {
        int n = 0;
        NodeList all = doc.getElementsByTagNameNS("*", "*");
        for (int i = 0; i < all.getLength(); i++) {
            String c = ((Element) all.item(i)).getAttribute("class");
            if ((" " + c + " ").contains(" " + cls + " ")) {
                n++;
            }
        }
        return n;
    }

    static Document parse(String svg) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return f.newDocumentBuilder().parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
    }
}
