package id.sopan.documents;

import id.sopan.catalog.CatalogService;
import id.sopan.cli.Arguments;
import id.sopan.cli.Command;
import id.sopan.sop.SopDefinition;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/**
 * {@code export (xlsx|bpmn) (CODE|--all) --out DIR}: one {@code CODE.xlsx} (the annex's table layout) or
 * {@code CODE.bpmn} (BPMN 2.0 with its diagram) per SOP.
 */
@Component
class ExportCommand implements Command {

    private final CatalogService catalog;
    private final String defaultOffice;

    ExportCommand(CatalogService catalog, @Value("${sopan.default-office:DKUKM}") String defaultOffice) {
        this.catalog = catalog;
        this.defaultOffice = defaultOffice;
    }

    @Override
    public String name() {
        return "export";
    }

    @Override
    public String usage() {
        return "export (xlsx|bpmn) (CODE|--all) --out DIR [--office CODE]";
    }

    @Override
    public Set<String> optionsWithValue() {
        return Set.of("out", "office");
    }

    @Override
    public Set<String> flags() {
        return Set.of("all");
    }

    @Override
    public int run(Arguments args, PrintStream out, PrintStream err) {
        var messages = args.messages();
        List<String> words = args.positional();
        if (words.isEmpty() || !(words.get(0).equals("xlsx") || words.get(0).equals("bpmn"))) {
            throw new Arguments.UsageException(messages.get("cli.subcommand.unknown", words.isEmpty() ? "" : words.get(0)));
        }
        boolean all = args.flag("all");
        if (all == (words.size() == 2) || words.size() > 2) {
            throw new Arguments.UsageException(messages.get("export.which"));
        }
        Path dir = Path.of(args.option("out").orElseThrow(() -> new Arguments.UsageException(
                messages.get("cli.option.needsValue", "--out"))));
        String office = args.option("office").orElse(defaultOffice);
        List<SopDefinition> sops = all ? catalog.allBerlaku(office)
                : catalog.findCurrent(office, words.get(1)).map(List::of).orElse(List.of());
        if (sops.isEmpty()) {
            err.println(messages.get("export.noSop", all ? "--all" : words.get(1), office));
            return 1;
        }
        try {
            Files.createDirectories(dir);
            for (SopDefinition sop : sops) {
                if (words.get(0).equals("xlsx")) {
                    Files.write(dir.resolve(sop.code() + ".xlsx"), XlsxExport.write(sop));
                } else {
                    Files.writeString(dir.resolve(sop.code() + ".bpmn"), BpmnExport.write(sop));
                }
            }
        } catch (IOException e) {
            err.println(messages.get("cli.file.cannotWrite", dir, e.getMessage()));
            return 1;
        }
        out.println(messages.get("export.written", sops.size(), dir));
        return 0;
    }
}
