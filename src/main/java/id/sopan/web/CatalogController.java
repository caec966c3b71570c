package id.sopan.web;

import id.sopan.catalog.CatalogEntry;
import id.sopan.catalog.CatalogService;
import id.sopan.flowchart.FlowchartLayout;
import id.sopan.flowchart.FlowchartSvg;
import id.sopan.flowchart.Labels;
import id.sopan.flowchart.LayoutOptions;
import id.sopan.sop.Messages;
import id.sopan.sop.ServiceType;
import id.sopan.sop.SopDefinition;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

import java.util.List;
import java.util.Locale;

/** The read-only catalog: the list of SOPs with search and a filter by jenis pelayanan, and one SOP's page. */
@Controller
class CatalogController {

    private final CatalogService catalog;
    private final id.sopan.organization.OfficeRepository offices;
    private final String office;

    CatalogController(CatalogService catalog, id.sopan.organization.OfficeRepository offices,
                      @Value("${sopan.default-office:DKUKM}") String office) {
        this.catalog = catalog;
        this.offices = offices;
        this.office = office;
    }

    @GetMapping("/")
    String home() {
        return "redirect:/katalog";
    }

    @GetMapping("/katalog")
    String list(@RequestParam(name = "q", required = false) String query,
                @RequestParam(name = "jenis", required = false) String type, Model model) {
        ServiceType filter = parseType(type);
        String needle = query == null ? "" : query.strip().toLowerCase(Locale.ROOT);
        List<CatalogEntry> entries = catalog.listCurrent(office).stream()
                .filter(e -> filter == null || e.serviceType() == filter)
                .filter(e -> needle.isEmpty() || (e.code() + " " + e.title()).toLowerCase(Locale.ROOT).contains(needle))
                .toList();
        model.addAttribute("entries", entries);
        model.addAttribute("types", ServiceType.values());
        model.addAttribute("q", query == null ? "" : query);
        model.addAttribute("jenis", filter == null ? "" : filter.name());
        return "catalog";
    }

    @GetMapping("/katalog/{code}")
    String sop(@PathVariable String code, Locale locale, Model model) {
        SopDefinition sop = catalog.findCurrent(office, code)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        model.addAttribute("sop", sop);
        // One tall drawing in the page's language; built from escaped data only, so the template may insert it as is.
        LayoutOptions options = LayoutOptions.web().withLabels(Labels.of(Messages.forLocale(locale)));
        // Without its <style> element (the Content-Security-Policy allows none inline): sopan.css has the same rules.
        model.addAttribute("flowchart", FlowchartSvg.render(FlowchartLayout.of(sop, options), 1, false));
        return "sop";
    }

    /** The SOP as an XLSX workbook in the annex's table layout (reads back with the importer). */
    @GetMapping("/katalog/{code}/xlsx")
    org.springframework.http.ResponseEntity<byte[]> xlsx(@PathVariable String code) {
        SopDefinition sop = catalog.findCurrent(office, code)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        return org.springframework.http.ResponseEntity.ok()
                .contentType(org.springframework.http.MediaType.parseMediaType(
                        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"))
                .header(org.springframework.http.HttpHeaders.CONTENT_DISPOSITION,
                        "attachment; filename=\"" + sop.code() + ".xlsx\"")
                .body(id.sopan.documents.XlsxExport.write(sop));
    }

    /** The SOP document in the PermenPAN-RB format (F4 landscape, {@code ?kertas=a4} for A4). */
    @GetMapping("/katalog/{code}/pdf")
    org.springframework.http.ResponseEntity<byte[]> pdf(@PathVariable String code,
                                                        @RequestParam(name = "kertas", required = false) String paper) {
        SopDefinition sop = catalog.findCurrent(office, code)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        id.sopan.organization.Office owner = offices.findByCode(office)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        id.sopan.documents.SopPdf.Paper size = "a4".equalsIgnoreCase(paper)
                ? id.sopan.documents.SopPdf.Paper.A4 : id.sopan.documents.SopPdf.Paper.F4;
        return download(id.sopan.documents.SopPdf.sop(sop, owner, size), "application/pdf", sop.code() + ".pdf");
    }

    /** The SOP as a BPMN 2.0 process with its diagram, for other process tools. */
    @GetMapping("/katalog/{code}/bpmn")
    org.springframework.http.ResponseEntity<byte[]> bpmn(@PathVariable String code) {
        SopDefinition sop = catalog.findCurrent(office, code)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        return download(id.sopan.documents.BpmnExport.write(sop).getBytes(java.nio.charset.StandardCharsets.UTF_8),
                "application/xml", sop.code() + ".bpmn");
    }

    private static org.springframework.http.ResponseEntity<byte[]> download(byte[] body, String type, String name) {
        return org.springframework.http.ResponseEntity.ok()
                .contentType(org.springframework.http.MediaType.parseMediaType(type))
                .header(org.springframework.http.HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + name + "\"")
                .body(body);
    }

    private static ServiceType parseType(String type) {
        if (type == null || type.isBlank()) {
            return null;
        }
        try {
            return ServiceType.valueOf(type);
        } catch (IllegalArgumentException e) {
            return null; // an unknown filter shows everything rather than an error page
        }
    }
}
