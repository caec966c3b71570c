package id.sopan.documents;

import id.sopan.sop.Actor;
import id.sopan.sop.SopDefinition;
import id.sopan.sop.SopIdentity;
import id.sopan.sop.StandardTime;
import id.sopan.sop.Step;
import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.HorizontalAlignment;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * An SOP as an XLSX workbook in the annex's table layout (No. | Kegiatan | one column per Pelaksana, ticked
 * "X" | Mutu Baku: Kelengkapan, Waktu, Output | Ket. | Kembali ke), plus an identity sheet. The table reads
 * back with the catalog's importer into the same SOP: ticks name the actors, "Kembali ke" the return step,
 * and Waktu is the resolved time.
 */
public final class XlsxExport {

    public static final String TABLE_SHEET = "SOP";
    public static final String IDENTITY_SHEET = "Identitas";

    private XlsxExport() {
    }

    public static byte[] write(SopDefinition sop) {
        try (XSSFWorkbook book = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Styles styles = new Styles(book);
            table(book.createSheet(TABLE_SHEET), sop, styles);
            identity(book.createSheet(IDENTITY_SHEET), sop, styles);
            book.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the XLSX of SOP " + sop.code(), e);
        }
    }

    /** The time as the table should print it: as printed when that reads as the same time, else resolved. */
    static String waktu(StandardTime time) {
        if (!time.isKnown()) {
            return "";
        }
        StandardTime printed = StandardTime.parse(time.text()).orElse(null);
        if (printed != null && printed.amount() == time.amount() && printed.unit() == time.unit()) {
            return time.text();
        }
        return switch (time.unit()) {
            case WORKING_MINUTES -> time.amount() + " menit";
            case WORKING_DAYS -> time.amount() + " hari";
            case CALENDAR_MONTHS -> time.amount() + " bulan";
            case UNKNOWN -> "";
        };
    }

    private static void table(Sheet sheet, SopDefinition sop, Styles styles) {
        List<Actor> actors = sop.actors();
        int kelengkapan = 2 + actors.size();
        int last = kelengkapan + 4; // Kelengkapan, Waktu, Output, Ket., Kembali ke
        Row title = sheet.createRow(0);
        title.createCell(0).setCellValue(sop.title() == null ? sop.code() : sop.title());
        title.getCell(0).setCellStyle(styles.title);

        Row head = sheet.createRow(2);
        Row sub = sheet.createRow(3);
        text(head, 0, "No.", styles.header);
        text(head, 1, "Kegiatan", styles.header);
        text(head, 2, "Pelaksana", styles.header);
        text(head, kelengkapan, "Mutu Baku", styles.header);
        text(head, kelengkapan + 3, "Ket.", styles.header);
        text(head, kelengkapan + 4, "Kembali ke", styles.header);
        for (int i = 0; i < actors.size(); i++) {
            text(sub, 2 + i, actors.get(i).name(), styles.header);
        }
        text(sub, kelengkapan, "Kelengkapan", styles.header);
        text(sub, kelengkapan + 1, "Waktu", styles.header);
        text(sub, kelengkapan + 2, "Output", styles.header);
        for (int c = 0; c <= last; c++) {
            if (head.getCell(c) == null) {
                text(head, c, "", styles.header);
            }
            if (sub.getCell(c) == null) {
                text(sub, c, "", styles.header);
            }
        }
        if (actors.size() > 1) {
            sheet.addMergedRegion(new CellRangeAddress(2, 2, 2, 1 + actors.size()));
        }
        sheet.addMergedRegion(new CellRangeAddress(2, 2, kelengkapan, kelengkapan + 2));

        int r = 4;
        for (Step step : sop.steps()) {
            Row row = sheet.createRow(r++);
            row.createCell(0).setCellValue(step.number());
            row.getCell(0).setCellStyle(styles.center);
            text(row, 1, step.kegiatan(), styles.wrap);
            for (int i = 0; i < actors.size(); i++) {
                text(row, 2 + i, step.actors().contains(actors.get(i).name()) ? "X" : "", styles.center);
            }
            text(row, kelengkapan, step.kelengkapan(), styles.wrap);
            text(row, kelengkapan + 1, waktu(step.waktu()), styles.center);
            text(row, kelengkapan + 2, step.output(), styles.wrap);
            text(row, kelengkapan + 3, step.keterangan(), styles.wrap);
            text(row, kelengkapan + 4, step.decision() == null ? "" : Integer.toString(step.decision().returnsTo()),
                    styles.center);
        }
        sheet.setColumnWidth(0, 6 * 256);
        sheet.setColumnWidth(1, 60 * 256);
        for (int i = 0; i < actors.size(); i++) {
            sheet.setColumnWidth(2 + i, 14 * 256);
        }
        sheet.setColumnWidth(kelengkapan, 30 * 256);
        sheet.setColumnWidth(kelengkapan + 1, 12 * 256);
        sheet.setColumnWidth(kelengkapan + 2, 30 * 256);
        sheet.setColumnWidth(kelengkapan + 3, 20 * 256);
        sheet.setColumnWidth(kelengkapan + 4, 11 * 256);
        sheet.createFreezePane(2, 4);
    }

    private static void identity(Sheet sheet, SopDefinition sop, Styles styles) {
        SopIdentity id = sop.identity();
        String[][] rows = {
                {"Kode", sop.code()},
                {"Nama SOP", sop.title()},
                {"Jenis pelayanan", sop.serviceType() == null ? "" : sop.serviceType().label()},
                {"Nomor SOP", id.nomor()},
                {"Tanggal pembuatan", id.tanggalPembuatan() == null ? "" : id.tanggalPembuatan().toString()},
                {"Tanggal revisi", id.tanggalRevisi() == null ? "" : id.tanggalRevisi().toString()},
                {"Tanggal efektif", id.tanggalEfektif() == null ? "" : id.tanggalEfektif().toString()},
                {"Disahkan oleh", String.join(" ", nonNull(id.disahkanOleh().jabatan()), nonNull(id.disahkanOleh().nama()),
                        id.disahkanOleh().nip() == null ? "" : "NIP " + id.disahkanOleh().nip()).strip()},
                {"Dasar hukum", String.join("\n", id.dasarHukum())},
                {"Kualifikasi pelaksana", String.join("\n", id.kualifikasiPelaksana())},
                {"Keterkaitan", String.join("\n", id.keterkaitan())},
                {"Peralatan/perlengkapan", String.join("\n", id.peralatanPerlengkapan())},
                {"Peringatan", id.peringatan()},
                {"Pencatatan dan pendataan", String.join("\n", id.pencatatanPendataan())},
                {"Pelaksana (jenis)", String.join("\n", sop.actors().stream().map(a -> a.name() + ": " + a.kind()).toList())},
                {"Catatan", String.join("\n", sop.notes())}};
        for (int i = 0; i < rows.length; i++) {
            Row row = sheet.createRow(i);
            text(row, 0, rows[i][0], styles.header);
            text(row, 1, rows[i][1], styles.wrap);
        }
        sheet.setColumnWidth(0, 26 * 256);
        sheet.setColumnWidth(1, 100 * 256);
    }

    private static void text(Row row, int column, String value, CellStyle style) {
        row.createCell(column).setCellValue(value == null ? "" : value);
        row.getCell(column).setCellStyle(style);
    }

    private static String nonNull(String s) {
        return s == null ? "" : s;
    }

    private static final class Styles {
        final CellStyle title;
        final CellStyle header;
        final CellStyle wrap;
        final CellStyle center;

        Styles(XSSFWorkbook book) {
            Font bold = book.createFont();
            bold.setBold(true);
            title = book.createCellStyle();
            title.setFont(bold);
            header = bordered(book);
            header.setFont(bold);
            header.setAlignment(HorizontalAlignment.CENTER);
            header.setWrapText(true);
            wrap = bordered(book);
            wrap.setWrapText(true);
            center = bordered(book);
            center.setAlignment(HorizontalAlignment.CENTER);
        }

        private static CellStyle bordered(XSSFWorkbook book) {
            CellStyle style = book.createCellStyle();
            style.setBorderTop(BorderStyle.THIN);
            style.setBorderBottom(BorderStyle.THIN);
            style.setBorderLeft(BorderStyle.THIN);
            style.setBorderRight(BorderStyle.THIN);
            style.setVerticalAlignment(VerticalAlignment.TOP);
            return style;
        }
    }
}
