package id.sopan.documents;

import id.sopan.organization.Office;
import id.sopan.sop.Signatory;
import id.sopan.sop.SopDefinition;
import id.sopan.sop.SopIdentity;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/**
 * The identity page of an SOP AP document in the PermenPAN-RB 35/2012 layout: the office on the left, the SOP's
 * number, dates, pengesahan block and name on the right, then the two columns of dasar hukum / kualifikasi
 * pelaksana, keterkaitan / peralatan, peringatan / pencatatan. Empty fields stay visibly empty.
 */
final class IdentityPage {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.forLanguageTag("id"));

    private IdentityPage() {
    }

    static String html(SopDefinition sop, Office office) {
        SopIdentity id = sop.identity();
        Signatory s = id.disahkanOleh();
        StringBuilder h = new StringBuilder(4096);
        h.append("<div class=\"page identity\">");
        h.append("<table class=\"head\"><tr>");
        h.append("<td class=\"office\" rowspan=\"6\">")
                .append("<div class=\"pemda\">").append(esc(upper(office.pemda()))).append("</div>")
                .append("<div class=\"skpd\">").append(esc(upper(office.name()))).append("</div>");
        if (office.address() != null && !office.address().isBlank()) {
            h.append("<div class=\"address\">").append(esc(office.address())).append("</div>");
        }
        h.append("</td>");
        row(h, "Nomor SOP", dash(id.nomor()), false);
        h.append("<tr>");
        row(h, "Tanggal Pembuatan", date(id.tanggalPembuatan()), false);
        h.append("<tr>");
        row(h, "Tanggal Revisi", date(id.tanggalRevisi()), false);
        h.append("<tr>");
        row(h, "Tanggal Efektif", date(id.tanggalEfektif()), false);
        h.append("<tr><th>Disahkan oleh</th><td class=\"signature\">")
                .append("<div>").append(esc(dash(s.jabatan()))).append("</div>")
                .append("<div class=\"space\"></div>")
                .append("<div class=\"name\">").append(esc(dash(s.nama()))).append("</div>")
                .append("<div>").append(s.nip() == null ? "" : "NIP. " + esc(s.nip())).append("</div>")
                .append("</td></tr>");
        h.append("<tr>");
        row(h, "Nama SOP", sop.title(), true);
        h.append("</table>");

        h.append("<table class=\"fields\">");
        pair(h, "Dasar Hukum", id.dasarHukum(), "Kualifikasi Pelaksana", id.kualifikasiPelaksana());
        pair(h, "Keterkaitan", id.keterkaitan(), "Peralatan/Perlengkapan", id.peralatanPerlengkapan());
        pair(h, "Peringatan", id.peringatan() == null ? List.of() : List.of(id.peringatan()),
                "Pencatatan dan Pendataan", id.pencatatanPendataan());
        h.append("</table></div>");
        return h.toString();
    }

    private static void row(StringBuilder h, String label, String value, boolean strong) {
        h.append("<th>").append(esc(label)).append("</th><td").append(strong ? " class=\"title\"" : "").append(">")
                .append(esc(value)).append("</td></tr>");
    }

    private static void pair(StringBuilder h, String leftLabel, List<String> left, String rightLabel, List<String> right) {
        h.append("<tr><th>").append(esc(leftLabel)).append(":</th><th>").append(esc(rightLabel)).append(":</th></tr>");
        h.append("<tr><td>").append(list(left)).append("</td><td>").append(list(right)).append("</td></tr>");
    }

    private static String list(List<String> items) {
        if (items.isEmpty()) {
            return "-";
        }
        if (items.size() == 1) {
            return esc(items.get(0));
        }
        StringBuilder h = new StringBuilder("<ol>");
        items.forEach(i -> h.append("<li>").append(esc(i)).append("</li>"));
        return h.append("</ol>").toString();
    }

    private static String date(LocalDate date) {
        return date == null ? "-" : DATE.format(date);
    }

    private static String dash(String s) {
        return s == null || s.isBlank() ? "-" : s;
    }

    private static String upper(String s) {
        return s == null ? "" : s.toUpperCase(Locale.forLanguageTag("id"));
    }

    static String esc(String s) {
        return BpmnExport.esc(s);
    }
}
