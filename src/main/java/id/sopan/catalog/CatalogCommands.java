package id.sopan.catalog;

import id.sopan.cli.Arguments;
import id.sopan.cli.Command;
import id.sopan.importer.GridReaders;
import id.sopan.importer.ImportOptions;
import id.sopan.importer.ImportResult;
import id.sopan.importer.TableImporter;
import id.sopan.sop.Messages;
import id.sopan.sop.Problem;
import id.sopan.sop.ServiceType;
import id.sopan.sop.SopDefinition;
import id.sopan.sop.SopValidator;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/** {@code catalog validate | list | export | import}: the catalog from the command line. */
@Component
class CatalogCommands implements Command {

    private final CatalogService catalog;
    private final String defaultOffice;

    CatalogCommands(CatalogService catalog, @Value("${sopan.default-office:DKUKM}") String defaultOffice) {
        this.catalog = catalog;
        this.defaultOffice = defaultOffice;
    }

    @Override
    public String name() {
        return "catalog";
    }

    @Override
    public String usage() {
        return "catalog validate [--dir DIR]\n"
                + "catalog list [--office CODE]\n"
                + "catalog export --format json [--out FILE] [--office CODE]\n"
                + "catalog import FILE [--office CODE] [--code CODE] [--title TEXT] [--service-type TYPE] [--dry-run] [--json]";
    }

    @Override
    public Set<String> optionsWithValue() {
        return Set.of("dir", "office", "format", "out", "code", "title", "service-type");
    }

    @Override
    public Set<String> flags() {
        return Set.of("dry-run", "json");
    }

    @Override
    public int run(Arguments args, PrintStream out, PrintStream err) {
        Messages messages = args.messages();
        if (args.positional().isEmpty()) {
            throw new Arguments.UsageException(messages.get("cli.subcommand.missing"));
        }
        String sub = args.positional().get(0);
        return switch (sub) {
            case "validate" -> validate(args, out, err);
            case "list" -> list(args, out);
            case "export" -> export(args, out, err);
            case "import" -> importTable(args, out, err);
            default -> throw new Arguments.UsageException(messages.get("cli.subcommand.unknown", sub));
        };
    }

    private int validate(Arguments args, PrintStream out, PrintStream err) {
        Messages messages = args.messages();
        CatalogFiles.Result result = args.option("dir")
                .map(dir -> CatalogFiles.loadDirectory(Path.of(dir)))
                .orElseGet(CatalogFiles::loadBundled);
        for (Problem problem : result.problems()) {
            (problem.isError() ? err : out).println(messages.render(problem));
        }
        long errors = result.problems().stream().filter(Problem::isError).count();
        if (errors > 0 || result.offices().isEmpty()) {
            err.println(messages.get("catalog.validate.failed", errors, result.sopCount()));
            return 1;
        }
        out.println(messages.get("catalog.validate.ok", result.sopCount(), result.offices().size()));
        return 0;
    }

    private int list(Arguments args, PrintStream out) {
        String office = office(args);
        List<CatalogEntry> entries = catalog.listCurrent(office);
        for (CatalogEntry e : entries) {
            out.printf(Locale.ROOT, "%-7s v%-2d %-8s %2d  %s%n", e.code(), e.versionNo(), e.status(), e.stepCount(), e.title());
        }
        out.println(args.messages().get("catalog.list.total", entries.size(), office));
        return 0;
    }

    private int export(Arguments args, PrintStream out, PrintStream err) {
        Messages messages = args.messages();
        String format = args.option("format").orElse("json");
        if (!format.equalsIgnoreCase("json")) {
            throw new Arguments.UsageException(messages.get("catalog.export.format", format));
        }
        String office = office(args);
        List<SopDefinition> sops = catalog.allBerlaku(office);
        String json = CatalogExport.toJson(office, sops);
        if (args.option("out").isPresent()) {
            Path target = Path.of(args.option("out").get());
            try {
                Files.writeString(target, json + "\n", StandardCharsets.UTF_8);
            } catch (IOException e) {
                err.println(messages.get("cli.file.cannotWrite", target, e.getMessage()));
                return 1;
            }
            out.println(messages.get("catalog.export.written", sops.size(), target));
        } else {
            out.println(json);
        }
        return 0;
    }

    private int importTable(Arguments args, PrintStream out, PrintStream err) {
        Messages messages = args.messages();
        if (args.positional().size() != 2) {
            throw new Arguments.UsageException(messages.get("catalog.import.fileArgument"));
        }
        Path file = Path.of(args.positional().get(1));
        String office = office(args);
        ServiceType type = args.option("service-type").map(t -> serviceType(t, messages)).orElse(null);
        String code = args.option("code").orElse(null);
        if (code != null && !SopValidator.CODE.matcher(code).matches()) {
            throw new Arguments.UsageException(messages.get("validation.code.format", code));
        }
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (java.nio.file.NoSuchFileException e) {
            err.println(messages.get("cli.file.notFound", file));
            return 1;
        } catch (IOException e) {
            err.println(messages.get("cli.file.cannotRead", file, e.getMessage()));
            return 1;
        }
        GridReaders.GridOrProblem grid = GridReaders.read(file.getFileName().toString(), bytes);
        if (grid.failed()) {
            err.println(messages.render(grid.problem()));
            err.println(messages.get("catalog.import.failed"));
            return 1;
        }
        if (code == null) {
            try {
                code = catalog.nextFreeCode(office, "IMP");
            } catch (IllegalStateException e) {
                err.println(messages.get("catalog.import.noFreeCode", office));
                return 1;
            }
        }
        ImportResult result = TableImporter.importTable(grid.grid(),
                new ImportOptions(code, args.option("title").orElse(null), type));
        result.problems().forEach(p -> (p.isError() ? err : out).println(messages.render(p)));
        if (result.failed()) {
            err.println(messages.get("catalog.import.failed"));
            return 1;
        }
        SopDefinition draft = result.draft();
        // The draft may still break rules (a missing title, an unreadable actor): say so, it is fixed while authoring.
        for (Problem p : Problem.notAlreadyReported(result.problems(), SopValidator.validate(draft))) {
            out.println(messages.render(Problem.warning(p.location().withFile(file.getFileName().toString()), p.key(),
                    p.args().toArray())));
        }
        if (args.flag("json")) {
            out.println(CatalogExport.toJson(draft));
        }
        if (args.flag("dry-run")) {
            out.println(messages.get("catalog.import.dryRun", draft.steps().size()));
            return 0;
        }
        StoredVersion stored = catalog.saveDraft(office, draft, "cli");
        out.println(messages.get("catalog.import.saved", stored.code(), stored.versionNo(), office, draft.steps().size()));
        return 0;
    }

    private String office(Arguments args) {
        String office = args.option("office").orElse(defaultOffice);
        if (!catalog.officeExists(office)) {
            throw new Arguments.UsageException(args.messages().get("catalog.office.unknown", office));
        }
        return office;
    }

    private static ServiceType serviceType(String text, Messages messages) {
        try {
            return ServiceType.valueOf(text.strip().toUpperCase(Locale.ROOT).replace('-', '_'));
        } catch (IllegalArgumentException e) {
            String choices = Arrays.stream(ServiceType.values()).map(Enum::name).collect(Collectors.joining(", "));
            throw new Arguments.UsageException(messages.get("catalog.import.serviceType", text, choices));
        }
    }
}
