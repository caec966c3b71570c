package id.sopan.sop;

import java.time.LocalDate;
import java.util.List;

/**
 * The identity section of an SOP AP document (PermenPAN-RB 35/2012). With the office's name and the
 * SOP's title these are its thirteen fields. Empty fields stay empty: the document shows them blank.
 */
public record SopIdentity(
        String nomor,
        LocalDate tanggalPembuatan,
        LocalDate tanggalRevisi,
        LocalDate tanggalEfektif,
        Signatory disahkanOleh,
        List<String> dasarHukum,
        List<String> kualifikasiPelaksana,
        List<String> keterkaitan,
        List<String> peralatanPerlengkapan,
        String peringatan,
        List<String> pencatatanPendataan) {

    public static final SopIdentity EMPTY =
            new SopIdentity(null, null, null, null, Signatory.NONE, List.of(), List.of(), List.of(), List.of(), null, List.of());

    public SopIdentity {
        disahkanOleh = disahkanOleh == null ? Signatory.NONE : disahkanOleh;
        dasarHukum = copy(dasarHukum);
        kualifikasiPelaksana = copy(kualifikasiPelaksana);
        keterkaitan = copy(keterkaitan);
        peralatanPerlengkapan = copy(peralatanPerlengkapan);
        pencatatanPendataan = copy(pencatatanPendataan);
    }

    private static List<String> copy(List<String> list) {
        return list == null ? List.of() : List.copyOf(list);
    }
}
