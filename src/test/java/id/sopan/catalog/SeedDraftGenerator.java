package id.sopan.catalog;

import id.sopan.importer.Grid;
import id.sopan.importer.GridReaders;
import id.sopan.importer.ImportOptions;
import id.sopan.importer.ImportResult;
import id.sopan.importer.TableImporter;
import id.sopan.sop.Messages;
import id.sopan.sop.Problem;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Imports every table of the seed annex into a draft YAML file, for the hand review that produced the
 * catalog ({@code src/main/resources/catalog}). Run: {@code SeedDraftGenerator OUT_DIR}.
 */
public final class SeedDraftGenerator {

    public static void main(String[] args) throws Exception {
        Path out = Path.of(args.length > 0 ? args[0] : "target/seed-drafts");
        Files.createDirectories(out);
        Messages messages = Messages.forLanguage("en");
        for (Drafted d : draft()) {
            Files.writeString(out.resolve(d.entry().code() + ".yaml"), SopCodec.toYaml(d.result().draft()));
            StringBuilder report = new StringBuilder();
            for (Problem p : d.result().problems()) {
                report.append(messages.render(p)).append('\n');
            }
            Files.writeString(out.resolve(d.entry().code() + ".problems.txt"), report.toString());
        }
    }

    record Drafted(SeedManifest.Entry entry, Grid table, ImportResult result) {
    }

    static List<Drafted> draft() throws Exception {
        Path seed = Path.of("seed/perbup-kuningan-22-2016-sop-ap-dinkop-ukm.txt");
        Grid whole = GridReaders.readText(seed.getFileName().toString(), Files.readAllBytes(seed)).grid();
        List<Grid> tables = TableImporter.splitTables(whole);
        if (tables.size() != SeedManifest.TABLES.size()) {
            throw new IllegalStateException("seed has " + tables.size() + " tables");
        }
        return java.util.stream.IntStream.range(0, tables.size()).mapToObj(i -> {
            SeedManifest.Entry e = SeedManifest.TABLES.get(i);
            ImportResult r = TableImporter.importTable(tables.get(i), new ImportOptions(e.code(), e.title(), e.type()));
            return new Drafted(e, tables.get(i), r);
        }).toList();
    }
}
