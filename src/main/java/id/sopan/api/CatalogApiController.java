package id.sopan.api;

import id.sopan.catalog.CatalogExport;
import id.sopan.catalog.CatalogService;
import id.sopan.catalog.SopStatus;
import id.sopan.sop.ServiceType;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/** The catalog of the default office: public to read, like its pages. */
@RestController
@RequestMapping(path = "/api/catalog", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Katalog", description = "The SOPs of the office (public)")
class CatalogApiController {

    /** One line of the list: the current version of an SOP (berlaku, else the latest draft). */
    record SopSummary(String code, String title, ServiceType serviceType, int versionNo, SopStatus status,
                      int stepCount) {
    }

    record CatalogList(String office, List<SopSummary> sops) {
    }

    private final CatalogService catalog;
    private final String office;

    CatalogApiController(CatalogService catalog, @Value("${sopan.default-office:DKUKM}") String office) {
        this.catalog = catalog;
        this.office = office;
    }

    @GetMapping
    @Operation(summary = "The current SOPs of the office, ordered by code")
    CatalogList list() {
        return new CatalogList(office, catalog.listCurrent(office).stream()
                .map(e -> new SopSummary(e.code(), e.title(), e.serviceType(), e.versionNo(), e.status(), e.stepCount()))
                .toList());
    }

    @GetMapping("/{code}")
    @Operation(summary = "One SOP in the export's JSON shape (see the README)")
    CatalogExport.ExportedSop sop(@PathVariable String code) {
        return catalog.findCurrent(office, code).map(CatalogExport::export)
                .orElseThrow(() -> ApiProblem.notFound("api.noSuchSop", code));
    }
}
