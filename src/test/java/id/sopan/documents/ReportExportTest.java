package id.sopan.documents;

import id.sopan.reports.ReportTable;
import id.sopan.reports.ReportTable.Type;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/** The CSV and XLSX writers of report tables: quoting, numbers, typed cells, header and frozen rows. */
class ReportExportTest {

    static final ReportTable TABLE = ReportTable.builder("DKUKM-keuangan-2026-1", "Laporan keuangan",
                    "Laporan keuangan, Semester I tahun 2026")
            .column("No.", Type.INTEGER)
            .column("Uraian", Type.TEXT)
            .column("Anggaran (Rp)", Type.RUPIAH)
            .column("Realisasi (%)", Type.PERCENT)
            .column("Median (menit kerja)", Type.MINUTES)
            .row(1, "Belanja pegawai, \"gaji\"", new BigDecimal("1500000000"), 0.46666, 114L)
            .row(2, "=HYPERLINK(\"http://x\")\nbaris dua", new BigDecimal("700000000.5"), null, null)
            .total(null, "Jumlah", new BigDecimal("2200000000.5"), 0.5, null)
            .build();

    @Test
    void csvIsRfc4180InUtf8WithAByteOrderMark() {
        byte[] csv = ReportCsv.write(TABLE);
        assertThat(csv[0]).isEqualTo((byte) 0xEF);
        assertThat(csv[1]).isEqualTo((byte) 0xBB);
        assertThat(csv[2]).isEqualTo((byte) 0xBF);
        assertThat(new String(csv, StandardCharsets.UTF_8)).isEqualTo("\uFEFF"
                + "No.,Uraian,Anggaran (Rp),Realisasi (%),Median (menit kerja)\r\n"
                + "1,\"Belanja pegawai, \"\"gaji\"\"\",1500000000.00,46.7,114\r\n"
                + "2,\"'=HYPERLINK(\"\"http://x\"\")\nbaris dua\",700000000.50,,\r\n"
                + ",Jumlah,2200000000.50,50.0,\r\n");
    }

    @Test
    void xlsxCellsAreTypedWithABoldFrozenHeader() throws IOException {
        ReportTable second = ReportTable.builder("x", "Laporan keuangan", "Lagi").column("A", Type.TEXT).build();
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(ReportXlsx.write(List.of(TABLE, second))))) {
            assertThat(book.getNumberOfSheets()).isEqualTo(2);
            // Two tables with the same label get two sheets all the same.
            assertThat(book.getSheetName(1)).isEqualTo("Laporan keuangan (2)");
            Sheet sheet = book.getSheet("Laporan keuangan");
            assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).isEqualTo("Laporan keuangan, Semester I tahun 2026");
            Cell header = sheet.getRow(ReportXlsx.HEADER_ROW).getCell(2);
            assertThat(header.getStringCellValue()).isEqualTo("Anggaran (Rp)");
            assertThat(book.getFontAt(header.getCellStyle().getFontIndex()).getBold()).isTrue();
            assertThat(sheet.getPaneInformation().isFreezePane()).isTrue();
            assertThat(sheet.getPaneInformation().getHorizontalSplitPosition()).isEqualTo((short) 2);

            Cell amount = sheet.getRow(2).getCell(2);
            assertThat(amount.getCellType()).isEqualTo(CellType.NUMERIC);
            assertThat(amount.getNumericCellValue()).isEqualTo(1.5e9);
            assertThat(amount.getCellStyle().getDataFormatString()).isEqualTo("#,##0.00");
            Cell share = sheet.getRow(2).getCell(3);
            assertThat(share.getNumericCellValue()).isCloseTo(0.46666, within(1e-9));
            assertThat(share.getCellStyle().getDataFormatString()).isEqualTo("0.0%");
            assertThat(sheet.getRow(2).getCell(0).getCellStyle().getDataFormatString()).isEqualTo("#,##0");
            // Text stays text, formula-looking or not.
            assertThat(sheet.getRow(3).getCell(1).getCellType()).isEqualTo(CellType.STRING);
            assertThat(sheet.getRow(3).getCell(1).getStringCellValue()).startsWith("=HYPERLINK");
            assertThat(sheet.getRow(3).getCell(3).getCellType()).isEqualTo(CellType.BLANK);
            Cell total = sheet.getRow(4).getCell(1);
            assertThat(total.getStringCellValue()).isEqualTo("Jumlah");
            assertThat(book.getFontAt(total.getCellStyle().getFontIndex()).getBold()).isTrue();
            assertThat(sheet.getColumnWidth(1)).isGreaterThan(sheet.getColumnWidth(0));
        }
    }

    @Test
    void aTableRefusesCellsOfTheWrongTypeAndNamesThatAreNotFileSafe() {
        assertThatThrownBy(() -> ReportTable.builder("a b", "S", "T").column("A", Type.TEXT).build())
                .hasMessageContaining("file-safe");
        assertThatThrownBy(() -> ReportTable.builder("a", "S", "T").column("A", Type.RUPIAH).row("12").build())
                .hasMessageContaining("row 1, column A: String is not RUPIAH");
        assertThatThrownBy(() -> ReportTable.builder("a", "S", "T").column("A", Type.TEXT).row("x", "y").build())
                .hasMessageContaining("2 cells for 1 columns");
    }
}
