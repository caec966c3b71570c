package id.sopan.bench;

import id.sopan.catalog.CatalogFiles;
import id.sopan.catalog.OfficeCatalog;
import id.sopan.documents.SopPdf;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/**
 * Prints how long the whole annex (Daftar SOP and all 48 SOPs, F4) takes to render, warm: the goal is under 3 s
 * on this machine (2 cores). Run:
 * {@code mvn -q test-compile exec:java -Dexec.classpathScope=test -Dexec.mainClass=id.sopan.bench.LampiranBenchmark}
 * or from the IDE. It prints figures; it asserts nothing.
 */
public final class LampiranBenchmark {

    public static void main(String[] args) {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        OfficeCatalog catalog = CatalogFiles.loadBundled().offices().get(0);
        List<Double> seconds = new ArrayList<>();
        int pages = 0;
        for (int i = 0; i <= runs; i++) {
            long start = System.nanoTime();
            byte[] pdf = SopPdf.lampiran(catalog.office(), catalog.regulation(), catalog.sops(), SopPdf.Paper.F4);
            double s = (System.nanoTime() - start) / 1e9;
            if (i == 0) {
                System.out.printf(Locale.ROOT, "cold run: %.2f s (%d bytes)%n", s, pdf.length);
            } else {
                seconds.add(s);
            }
        }
        Collections.sort(seconds);
        System.out.printf(Locale.ROOT, "lampiran (%d SOPs, F4): median %.2f s, best %.2f s, worst %.2f s over %d warm runs%n",
                catalog.sops().size(), seconds.get(seconds.size() / 2), seconds.get(0), seconds.get(seconds.size() - 1),
                seconds.size());
    }
}
