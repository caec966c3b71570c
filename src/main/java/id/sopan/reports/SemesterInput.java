package id.sopan.reports;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * What the Dinas writes into its six-monthly report (Pasal 11(3)): b. Rencana Kerja as text and e. Laporan Keuangan
 * as budget lines.
 *
 * @param version to pass back when saving; -1 while nothing is stored
 */
public record SemesterInput(String rencanaKerja, List<FinanceLine> finance, String updatedBy, Instant updatedAt,
                            int version) {

    public static final int MAX_TEXT = 20000;
    public static final int MAX_LINES = 50;
    public static final int MAX_LINE_TEXT = 500;
    /** Rupiah amounts up to a hundred trillion, in whole sen. */
    public static final BigDecimal MAX_AMOUNT = new BigDecimal("99999999999999.99");

    public SemesterInput {
        finance = List.copyOf(finance);
    }

    static SemesterInput empty() {
        return new SemesterInput("", List.of(), null, null, -1);
    }

    /** One budget line: anggaran (allocation) and realisasi (spent) in rupiah. */
    public record FinanceLine(String uraian, BigDecimal anggaran, BigDecimal realisasi, String keterangan) {
        /** Realisasi as a share of anggaran, null when nothing was allocated. */
        public Double share() {
            return anggaran.signum() == 0 ? null : realisasi.doubleValue() / anggaran.doubleValue();
        }
    }

    public BigDecimal totalAnggaran() {
        return finance.stream().map(FinanceLine::anggaran).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    public BigDecimal totalRealisasi() {
        return finance.stream().map(FinanceLine::realisasi).reduce(BigDecimal.ZERO, BigDecimal::add);
    }
}
