package id.sopan.reports;

import id.sopan.organization.Jabatan;
import id.sopan.organization.Office;
import id.sopan.organization.OrgUnit;
import id.sopan.reports.ReportMetrics.MonthMetrics;
import id.sopan.reports.ReportMetrics.Period;
import id.sopan.reports.ReportMetrics.Report;
import id.sopan.sop.SopDefinition;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Everything the six-monthly report (Perbup Pasal 11) says, gathered once: a. Gambaran Umum (the SOPs in force, the
 * cases of the semester month by month), b. Rencana Kerja (entered), c. Organisasi (units, jabatan, who holds them
 * and the work each jabatan did), d. Kinerja Pelayanan (the figures per SOP and the monitoring verdicts),
 * e. Laporan Keuangan (entered).
 *
 * @param holders   active users per jabatan code
 * @param generated when the figures were computed
 * @param head      who signs the report: the head of the office (Kepala Dinas) and its holder
 */
public record SemesterReport(Office office, int year, int half, Period period, Instant generated,
                             List<SopDefinition> sops, Report metrics, List<MonthMetrics> months,
                             List<OrgUnit> units, List<Jabatan> jabatan, Map<String, Long> holders,
                             MonitoringForm monitoring, SemesterInput input, Signer head) {

    /**
     * The signatory of the report (Pasal 11(2): the Kepala Dinas reports to the Bupati).
     *
     * @param jabatan the head jabatan's name, null when the organization has none
     * @param name    the active holder's full name, null while the jabatan is vacant
     * @param nip     the holder's NIP, null when not known
     */
    public record Signer(String jabatan, String name, String nip) {
    }
}
