package id.sopan.sop;

import java.util.List;

/**
 * The service standard of Pasal 7(1) of the Perbup. Waktu pelaksanaan is not stored: it is the sum of
 * the steps' times ({@link SopDefinition#totalTime()}).
 */
public record ServiceStandard(
        String jenisKegiatan,
        List<String> dasarHukum,
        String klasifikasiSasaran,
        List<String> persyaratan,
        String biaya,
        List<String> formulirPelayanan,
        List<String> saranaPrasarana) {

    public static final ServiceStandard EMPTY =
            new ServiceStandard(null, List.of(), null, List.of(), null, List.of(), List.of());

    public ServiceStandard {
        dasarHukum = dasarHukum == null ? List.of() : List.copyOf(dasarHukum);
        persyaratan = persyaratan == null ? List.of() : List.copyOf(persyaratan);
        formulirPelayanan = formulirPelayanan == null ? List.of() : List.copyOf(formulirPelayanan);
        saranaPrasarana = saranaPrasarana == null ? List.of() : List.copyOf(saranaPrasarana);
    }
}
