package id.sopan.documents;

import id.sopan.catalog.CatalogFiles;
import id.sopan.catalog.CatalogService;
import id.sopan.cli.Arguments;
import id.sopan.cli.Command;
import id.sopan.organization.Office;
import id.sopan.organization.OfficeRepository;
import id.sopan.sop.SopDefinition;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * {@code document sop CODE --out F.pdf} and {@code document lampiran --out F.pdf}: the SOP AP documents in the
 * PermenPAN-RB format (F4 landscape; {@code --paper a4}). Prints how long the rendering took.
 */
@Component
class DocumentCommand implements Command {

    private final CatalogService catalog;
    private final OfficeRepository offices;
    private final String defaultOffice;

    DocumentCommand(CatalogService catalog, OfficeRepository offices,
                    @Value("${sopan.default-office:DKUKM}") String defaultOffice) {
        this.catalog = catalog;
        this.offices = offices;
        this.defaultOffice = defaultOffice;
    }

    @Override
    public String name() {
        return "document";
    }

    @Override
    public String usage() {
        return "document sop CODE --out F.pdf [--paper f4|a4] [--office CODE]\n"
                + "document lampiran --out F.pdf [--paper f4|a4] [--office CODE]";
    }

    @Override
    public Set<String> optionsWithValue() {
        return Set.of("out", "paper", "office");
    }

    @Override
    public int run(Arguments args, PrintStream out, PrintStream err) {
        var messages = args.messages();
        List<String> words = args.positional();
        String what = words.isEmpty() ? "" : words.get(0);
        if (!(what.equals("sop") && words.size() == 2) && !(what.equals("lampiran") && words.size() == 1)) {
            throw new Arguments.UsageException(messages.get("cli.subcommand.unknown", String.join(" ", words)));
        }
        Path target = Path.of(args.option("out").orElseThrow(() -> new Arguments.UsageException(
                messages.get("cli.option.needsValue", "--out"))));
        SopPdf.Paper paper;
        try {
            paper = SopPdf.Paper.valueOf(args.option("paper").orElse("f4").toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new Arguments.UsageException(messages.get("cli.option.badValue", "--paper", args.option("paper").orElse("")));
        }
        String officeCode = args.option("office").orElse(defaultOffice);
        Office office = offices.findByCode(officeCode)
                .orElseThrow(() -> new Arguments.UsageException(messages.get("catalog.office.unknown", officeCode)));
        long start = System.nanoTime();
        byte[] pdf;
        int count;
        if (what.equals("sop")) {
            SopDefinition sop = catalog.findCurrent(officeCode, words.get(1)).orElse(null);
            if (sop == null) {
                err.println(messages.get("export.noSop", words.get(1), officeCode));
                return 1;
            }
            pdf = SopPdf.sop(sop, office, paper);
            count = 1;
        } else {
            List<SopDefinition> sops = catalog.allBerlaku(officeCode);
            pdf = SopPdf.lampiran(office, regulationOf(officeCode), sops, paper);
            count = sops.size();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        try {
            if (target.getParent() != null) {
                Files.createDirectories(target.getParent());
            }
            Files.write(target, pdf);
        } catch (IOException e) {
            err.println(messages.get("cli.file.cannotWrite", target, e.getMessage()));
            return 1;
        }
        out.println(messages.get("document.written", count, target, String.format(Locale.ROOT, "%.2f", seconds)));
        return 0;
    }

    /** The legal act the office's SOPs were set by, as its catalog files name it. */
    private static String regulationOf(String officeCode) {
        return CatalogFiles.loadBundled().offices().stream().filter(o -> o.office().code().equals(officeCode))
                .map(o -> o.regulation()).findFirst().orElse("");
    }
}
