package id.sopan.catalog;

import id.sopan.sop.Messages;
import id.sopan.sop.Problem;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** A broken data file is reported with its file, SOP, step and field, in the user's language. */
class CatalogFilesTest {

    @TempDir
    Path dir;

    @BeforeEach
    void copyTheBundledCatalog() throws IOException {
        for (String name : List.of("office.yaml", "UMM-06.yaml", "PRG-01.yaml")) {
            try (InputStream in = getClass().getResourceAsStream("/catalog/dkukm/" + name)) {
                Files.copy(in, dir.resolve(name));
            }
        }
    }

    @Test
    void aCopyOfValidFilesHasNoProblem() {
        CatalogFiles.Result result = CatalogFiles.loadDirectory(dir);
        assertThat(result.problems()).isEmpty();
        assertThat(result.sopCount()).isEqualTo(2);
    }

    @Test
    void aDecisionPointingForwardIsNamedWithFileSopStepAndField() throws IOException {
        edit("UMM-06.yaml", "returnsTo: 3", "returnsTo: 9");
        Problem problem = singleError();
        assertThat(problem.key()).isEqualTo("validation.decision.notEarlier");
        assertThat(problem.location().file()).endsWith("/UMM-06.yaml");
        assertThat(problem.location()).extracting(Problem.Location::sop, Problem.Location::step, Problem.Location::field)
                .containsExactly("UMM-06", 4, "decision");
        String english = Messages.forLanguage("en").render(problem);
        assertThat(english).contains("UMM-06.yaml", "SOP UMM-06", "step 4", "Decision", "return step 9 must be an earlier step");
        String indonesian = Messages.forLanguage("id").render(problem);
        assertThat(indonesian).contains("langkah 4", "Keputusan", "harus langkah sebelumnya");
    }

    @Test
    void anUnreadableTimeAndAnUnknownActorAreEachReported() throws IOException {
        edit("UMM-06.yaml", "waktu: 45 menit", "waktu: empat puluh lima");
        edit("PRG-01.yaml", "      - Bappeda\n", "      - Bapeda\n");
        List<Problem> errors = errors();
        assertThat(errors).extracting(Problem::key)
                .containsExactlyInAnyOrder("catalog.time.unreadable", "validation.step.unknownActor", "validation.actor.unused");
        assertThat(errors).filteredOn(p -> p.key().equals("catalog.time.unreadable")).singleElement()
                .satisfies(p -> assertThat(p.location()).extracting(Problem.Location::sop, Problem.Location::step,
                        Problem.Location::field).containsExactly("UMM-06", 6, "waktu"));
        assertThat(errors).filteredOn(p -> p.key().equals("validation.step.unknownActor")).singleElement()
                .satisfies(p -> assertThat(p.location()).extracting(Problem.Location::sop, Problem.Location::step,
                        Problem.Location::field).containsExactly("PRG-01", 10, "actors"));
    }

    @Test
    void aTypoInAFieldNameOrBrokenYamlIsReportedWithTheLine() throws IOException {
        edit("UMM-06.yaml", "    kelengkapan: Berkas permohonan cuti tahunan\n", "    kelengkapn: Berkas permohonan cuti tahunan\n");
        Problem typo = singleError();
        assertThat(typo.key()).isEqualTo("catalog.file.unknownField");
        assertThat(typo.args()).containsExactly("kelengkapn");
        assertThat(typo.location().line()).isPositive();

        Files.writeString(dir.resolve("UMM-06.yaml"), "code: UMM-06\nsteps: [\n");
        assertThat(singleError().key()).isEqualTo("catalog.file.unreadable");
    }

    @Test
    void aFileWhoseCodeDiffersFromItsNameOrRepeatsAnotherIsRefused() throws IOException {
        Files.copy(dir.resolve("UMM-06.yaml"), dir.resolve("UMM-99.yaml"));
        List<Problem> errors = errors();
        assertThat(errors).extracting(Problem::key).containsExactlyInAnyOrder("catalog.file.codeMismatch",
                "catalog.file.duplicateCode");
    }

    @Test
    void anOverriddenTimeNeedsANote() throws IOException {
        edit("UMM-06.yaml", "    waktu: 45 menit\n", "    waktu: 45 menit\n    standardTime: 60 menit\n");
        assertThat(singleError().key()).isEqualTo("catalog.time.overrideWithoutNote");
    }

    private void edit(String file, String from, String to) throws IOException {
        Path path = dir.resolve(file);
        String text = Files.readString(path);
        assertThat(text).contains(from);
        Files.writeString(path, text.replaceFirst(java.util.regex.Pattern.quote(from),
                java.util.regex.Matcher.quoteReplacement(to)));
    }

    private List<Problem> errors() {
        return CatalogFiles.loadDirectory(dir).problems().stream().filter(Problem::isError).toList();
    }

    private Problem singleError() {
        List<Problem> errors = errors();
        assertThat(errors).hasSize(1);
        return errors.get(0);
    }
}
