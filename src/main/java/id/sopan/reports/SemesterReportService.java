package id.sopan.reports;

import id.sopan.catalog.CatalogService;
import id.sopan.organization.AppUser;
import id.sopan.organization.InvalidInputException;
import id.sopan.organization.Jabatan;
import id.sopan.organization.Office;
import id.sopan.organization.OfficeRepository;
import id.sopan.organization.OrganizationService;
import id.sopan.reports.ReportFormRepository.FinanceLineData;
import id.sopan.reports.ReportFormRepository.SemesterRow;
import id.sopan.reports.ReportMetrics.Period;
import id.sopan.reports.ReportMetrics.Report;
import id.sopan.reports.SemesterInput.FinanceLine;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The six-monthly report (Perbup Pasal 11): its figures gathered from the cases, the organization and the monitoring
 * form, and the texts the Dinas enters (b. Rencana Kerja, e. Laporan Keuangan), stored with a version check and a
 * history row per change.
 */
@Service
public class SemesterReportService {

    static final String SUBJECT = "SEMESTER";

    private final ReportMetrics metrics;
    private final MonitoringService monitoring;
    private final ReportFormRepository forms;
    private final CatalogService catalog;
    private final OrganizationService organization;
    private final OfficeRepository offices;
    private final Clock clock;
    private final TransactionTemplate tx;
    private final TransactionTemplate readTx;

    SemesterReportService(ReportMetrics metrics, MonitoringService monitoring, ReportFormRepository forms,
                          CatalogService catalog, OrganizationService organization, OfficeRepository offices,
                          Clock clock, PlatformTransactionManager transactions) {
        this.metrics = metrics;
        this.monitoring = monitoring;
        this.forms = forms;
        this.catalog = catalog;
        this.organization = organization;
        this.offices = offices;
        this.clock = clock;
        this.tx = new TransactionTemplate(transactions);
        this.readTx = new TransactionTemplate(transactions);
        this.readTx.setReadOnly(true);
    }

    /** Every figure and text of the report of {@code half} (1 or 2) of {@code year}. */
    public SemesterReport report(String officeCode, int year, int half) {
        ReportInput.half(half);
        long officeId = ReportInput.office(forms, officeCode, year, clock);
        Office office = offices.findByCode(officeCode).orElseThrow();
        return readTx.execute(s -> {
            Period period = metrics.halfYear(officeCode, year, half);
            Report figures = metrics.report(officeCode, period);
            List<AppUser> users = organization.users(officeCode);
            Map<String, Long> holders = users.stream()
                    .filter(u -> u.active() && u.jabatanCode() != null)
                    .collect(Collectors.groupingBy(AppUser::jabatanCode, Collectors.counting()));
            List<Jabatan> jabatan = organization.jabatan(officeCode);
            return new SemesterReport(office, year, half, period, clock.instant(), catalog.allBerlaku(officeCode),
                    figures, figures.months(), organization.units(officeCode),
                    jabatan, holders, monitoring.form(officeCode, year, half, figures), input(officeId, year, half),
                    head(jabatan, users));
        });
    }

    /** The head jabatan (the one without an atasan) and its active holder; the first by username if several. */
    private static SemesterReport.Signer head(List<Jabatan> jabatan, List<AppUser> users) {
        Jabatan head = jabatan.stream().filter(Jabatan::isHead).findFirst().orElse(null);
        if (head == null) {
            return new SemesterReport.Signer(null, null, null);
        }
        return users.stream().filter(u -> u.active() && head.code().equals(u.jabatanCode()))
                .min(Comparator.comparing(AppUser::username))
                .map(u -> new SemesterReport.Signer(head.name(), u.fullName(), u.nip()))
                .orElse(new SemesterReport.Signer(head.name(), null, null));
    }

    public SemesterInput input(String officeCode, int year, int half) {
        ReportInput.half(half);
        return input(ReportInput.office(forms, officeCode, year, clock), year, half);
    }

    /**
     * Stores b. Rencana Kerja and e. Laporan Keuangan (the lines replace the previous ones).
     *
     * @param expectedVersion the version read, -1 when nothing was stored
     */
    public SemesterInput saveInput(String officeCode, int year, int half, String rencanaKerja,
                                   List<FinanceLine> finance, int expectedVersion, String username) {
        ReportInput.half(half);
        long officeId = ReportInput.office(forms, officeCode, year, clock);
        String text = ReportInput.text("rencanaKerja", rencanaKerja, SemesterInput.MAX_TEXT);
        List<FinanceLineData> lines = checked(finance == null ? List.of() : finance);
        String where = "six-monthly report " + officeCode + " " + year + "/" + half;
        Instant now = clock.instant();
        try {
            return tx.execute(s -> {
                SemesterRow row = forms.semester(officeId, year, half).orElse(null);
                if (row == null && expectedVersion == -1) {
                    forms.insertSemester(officeId, year, half, text, username, now);
                    row = forms.semester(officeId, year, half).orElseThrow();
                } else if (row == null || !forms.updateSemester(row.id(), text, username, now, expectedVersion)) {
                    throw FormChangeException.conflict(where, "-");
                }
                forms.replaceFinanceLines(row.id(), lines);
                forms.history(officeId, SUBJECT, row.id(), null, "SAVED", username, now,
                        text.length() + " characters, " + lines.size() + " finance lines");
                return input(officeId, year, half);
            });
        } catch (DuplicateKeyException raced) {
            throw FormChangeException.conflict(where, "-");
        }
    }

    public List<ReportHistory> history(String officeCode, int year, int half) {
        ReportInput.half(half);
        long officeId = ReportInput.office(forms, officeCode, year, clock);
        return forms.semester(officeId, year, half)
                .map(r -> forms.historyOf(SUBJECT, r.id()).stream().map(ReportHistory::of).toList())
                .orElse(List.of());
    }

    private SemesterInput input(long officeId, int year, int half) {
        return forms.semester(officeId, year, half).map(r -> new SemesterInput(r.rencanaKerja(),
                        forms.financeLines(r.id()).stream().map(l -> new FinanceLine(l.uraian(), l.anggaran(),
                                l.realisasi(), l.keterangan())).toList(), r.updatedBy(), r.updatedAt(), r.version()))
                .orElse(SemesterInput.empty());
    }

    private static List<FinanceLineData> checked(List<FinanceLine> finance) {
        if (finance.size() > SemesterInput.MAX_LINES) {
            throw new InvalidInputException("finance", "more than " + SemesterInput.MAX_LINES + " lines");
        }
        List<FinanceLineData> lines = new ArrayList<>();
        for (int i = 0; i < finance.size(); i++) {
            FinanceLine l = finance.get(i);
            String field = "finance[" + (i + 1) + "].";
            String uraian = ReportInput.text(field + "uraian", l.uraian(), SemesterInput.MAX_LINE_TEXT);
            if (uraian.isEmpty()) {
                throw new InvalidInputException(field + "uraian", "is required");
            }
            lines.add(new FinanceLineData(i + 1, uraian, amount(field + "anggaran", l.anggaran()),
                    amount(field + "realisasi", l.realisasi()),
                    ReportInput.text(field + "keterangan", l.keterangan(), SemesterInput.MAX_LINE_TEXT)));
        }
        return lines;
    }

    private static BigDecimal amount(String field, BigDecimal value) {
        if (value == null) {
            throw new InvalidInputException(field, "is required");
        }
        if (value.signum() < 0 || value.compareTo(SemesterInput.MAX_AMOUNT) > 0 || value.stripTrailingZeros().scale() > 2) {
            throw new InvalidInputException(field, "must be a rupiah amount from 0 to " + SemesterInput.MAX_AMOUNT);
        }
        return value;
    }
}
