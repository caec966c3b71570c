package id.sopan.casework;

import id.sopan.catalog.CatalogFiles;
import id.sopan.engine.Engine;
import id.sopan.sop.SopDefinition;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The decisions around the engine that have no database in them. */
class CaseRulesTest {

    private final Engine engine = new Engine((start, time) -> null);

    /**
     * A start takes ids for its tasks before the engine runs ({@code CaseRepository.reserveStart}): for every bundled
     * SOP the count is never short (a short one costs the start a round trip) and, but for a pemohon's submission of a
     * step that is not the pemohon's, exact (no id taken in vain).
     */
    @Test
    void theTasksOfAStartAreCountedBeforeTheEngineRuns() {
        List<SopDefinition> sops = CatalogFiles.loadBundled().offices().stream().flatMap(o -> o.sops().stream()).toList();
        assertThat(sops).hasSizeGreaterThanOrEqualTo(48);
        for (SopDefinition sop : sops) {
            for (boolean submitted : new boolean[] {false, true}) {
                int created = engine.start(sop, "DKUKM/2026/000001", "pegawai", submitted, Instant.EPOCH).created().size();
                int counted = CaseRules.tasksAtStart(sop, submitted);
                assertThat(counted).as("%s, submitted by the pemohon: %s", sop.code(), submitted)
                        .isGreaterThanOrEqualTo(created);
                if (!submitted) {
                    assertThat(counted).as(sop.code()).isEqualTo(created);
                }
            }
        }
    }
}
