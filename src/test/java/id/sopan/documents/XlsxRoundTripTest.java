package id.sopan.documents;

import id.sopan.catalog.CatalogFiles;
import id.sopan.importer.GridReaders;
import id.sopan.importer.ImportOptions;
import id.sopan.importer.ImportResult;
import id.sopan.importer.TableImporter;
import id.sopan.sop.Actor;
import id.sopan.sop.Problem;
import id.sopan.sop.SopDefinition;
import id.sopan.sop.Step;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.Objects;

import static org.assertj.core.api.Assertions.assertThat;

/** Every catalog SOP, exported to XLSX and imported back with the catalog's importer, is the same SOP. */
class XlsxRoundTripTest {

    static List<SopDefinition> catalog() {
        return CatalogFiles.loadBundled().offices().get(0).sops();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("catalog")
    void theImportOfTheExportIsTheSameSop(SopDefinition sop) {
        byte[] xlsx = XlsxExport.write(sop);
        GridReaders.GridOrProblem grid = GridReaders.read(sop.code() + ".xlsx", xlsx);
        assertThat(grid.failed()).isFalse();
        ImportResult result = TableImporter.importTable(grid.grid(), new ImportOptions(sop.code(), null, sop.serviceType()));
        assertThat(result.failed()).isFalse();
        assertThat(result.problems()).filteredOn(Problem::isError).isEmpty();
        SopDefinition back = result.draft();

        assertThat(back.title()).isEqualTo(sop.title());
        assertThat(back.actors()).extracting(Actor::name).containsExactlyElementsOf(sop.actors().stream().map(Actor::name).toList());
        assertThat(back.actors()).extracting(Actor::kind).containsExactlyElementsOf(sop.actors().stream().map(Actor::kind).toList());
        assertThat(back.steps()).hasSameSizeAs(sop.steps());
        for (int i = 0; i < sop.steps().size(); i++) {
            Step a = sop.steps().get(i);
            Step b = back.steps().get(i);
            String at = sop.code() + " step " + a.number();
            assertThat(b.number()).as(at).isEqualTo(a.number());
            assertThat(b.kegiatan()).as(at).isEqualTo(a.kegiatan());
            assertThat(b.actors()).as(at).isEqualTo(a.actors());
            assertThat(blank(b.kelengkapan())).as(at).isEqualTo(blank(a.kelengkapan()));
            assertThat(blank(b.output())).as(at).isEqualTo(blank(a.output()));
            assertThat(blank(b.keterangan())).as(at).isEqualTo(blank(a.keterangan()));
            assertThat(b.waktu().unit()).as(at).isEqualTo(a.waktu().unit());
            assertThat(b.waktu().amount()).as(at).isEqualTo(a.waktu().amount());
            assertThat(Objects.toString(b.decision())).as(at).isEqualTo(Objects.toString(a.decision()));
        }
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? "" : s.strip();
    }
}
