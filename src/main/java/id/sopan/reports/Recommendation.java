package id.sopan.reports;

import id.sopan.sop.Messages;

import java.util.List;

/**
 * One recommendation of the yearly evaluation, in one of the three areas of Perbup Pasal 10(3), worded by
 * {@code report.recommendation.KEY} with its arguments.
 *
 * @param subject the SOP code, jabatan code or username it is about, null for the office as a whole
 */
public record Recommendation(Area area, String key, String subject, List<Object> args) {

    /** Pasal 10(3): what the evaluation looks at. */
    public enum Area {
        /** a. Kinerja pegawai dalam melayani masyarakat. */
        KINERJA_PEGAWAI,
        /** b. Operasional pelayanan. */
        OPERASIONAL_PELAYANAN,
        /** c. Rencana penyelenggaraan pelayanan. */
        RENCANA_PENYELENGGARAAN;

        public String key() {
            return "report.area." + name();
        }
    }

    public Recommendation {
        args = List.copyOf(args);
    }

    public String text(Messages messages) {
        return messages.get("report.recommendation." + key, args.toArray());
    }
}
