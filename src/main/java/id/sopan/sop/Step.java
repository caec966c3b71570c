package id.sopan.sop;

import java.util.List;
import java.util.Objects;

/**
 * One row of an SOP table.
 *
 * @param number      the row's number, 1..n
 * @param kegiatan    the activity, as printed
 * @param actors      names of the Pelaksana who do it (one or more, among the SOP's actors)
 * @param kelengkapan Mutu Baku: the inputs
 * @param waktu       Mutu Baku: the standard time
 * @param output      Mutu Baku: the output
 * @param keterangan  the Ket. column
 * @param decision    null, or the return path when the step checks
 * @param notes       how flaws of the source were resolved for this row
 */
public record Step(int number, String kegiatan, List<String> actors, String kelengkapan, StandardTime waktu,
                   String output, String keterangan, Decision decision, List<String> notes) {
    public Step {
        actors = List.copyOf(Objects.requireNonNull(actors, "actors"));
        notes = notes == null ? List.of() : List.copyOf(notes);
        Objects.requireNonNull(waktu, "waktu");
    }

    public boolean isDecision() {
        return decision != null;
    }
}
