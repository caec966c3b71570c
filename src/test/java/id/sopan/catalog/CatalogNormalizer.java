package id.sopan.catalog;

import id.sopan.sop.Messages;
import id.sopan.sop.Problem;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** Rewrites hand-edited catalog files in the codec's canonical layout, so diffs stay small. */
public final class CatalogNormalizer {
    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args.length > 0 ? args[0] : "src/main/resources/catalog/dkukm");
        Messages messages = Messages.forLanguage("en");
        List<Path> files;
        try (Stream<Path> list = Files.list(dir)) {
            files = list.filter(p -> p.toString().endsWith(".yaml") && !p.endsWith(CatalogFiles.OFFICE_FILE)).sorted().toList();
        }
        for (Path file : files) {
            SopCodec.Read read = SopCodec.readYaml(file.getFileName().toString(), Files.readString(file));
            read.problems().forEach(p -> System.out.println(messages.render(p)));
            if (read.sop() != null) {
                Files.writeString(file, SopCodec.toYaml(read.sop()));
            }
        }
        CatalogFiles.Result result = CatalogFiles.loadDirectory(dir);
        for (Problem p : result.problems()) {
            System.out.println(messages.render(p));
        }
        System.out.println(result.sopCount() + " SOPs, " + result.problems().size() + " problems");
    }
}
