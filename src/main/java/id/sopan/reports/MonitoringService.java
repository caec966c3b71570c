package id.sopan.reports;

import id.sopan.calendar.CalendarService;
import id.sopan.catalog.CatalogService;
import id.sopan.organization.InvalidInputException;
import id.sopan.reports.ReportFormRepository.FormRow;
import id.sopan.reports.ReportFormRepository.MonitoringRowData;
import id.sopan.reports.ReportMetrics.Period;
import id.sopan.reports.ReportMetrics.SopMetrics;
import id.sopan.sop.Messages;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The six-monthly monitoring (PermenPAN-RB 35/2012, Tabel 7): every SOP of the office with the verdict its figures
 * suggest and why; the evaluator confirms or changes each row (saved with a paraf) and signs the form off, which
 * stores the rows nobody touched as suggested. A signed form no longer changes.
 */
@Service
public class MonitoringService {

    static final String SUBJECT = "MONITORING";
    /** The form is an official document in Bahasa Indonesia: its pre-filled texts are too. */
    private static final Messages OFFICIAL = Messages.forLocale(Messages.INDONESIAN);

    /** What an evaluator saves for one SOP; {@code expectedVersion} is the row's version, null for a new row. */
    public record SaveRow(String officeCode, int year, int half, String sopCode, Verdict verdict, String catatan,
                          String tindakan, Integer expectedVersion, String username) {
    }

    private final ReportMetrics metrics;
    private final ReportFormRepository forms;
    private final CatalogService catalog;
    private final CalendarService calendars;
    private final Clock clock;
    private final TransactionTemplate tx;
    private final TransactionTemplate createTx;

    MonitoringService(ReportMetrics metrics, ReportFormRepository forms, CatalogService catalog,
                      CalendarService calendars, Clock clock, PlatformTransactionManager transactions) {
        this.metrics = metrics;
        this.forms = forms;
        this.catalog = catalog;
        this.calendars = calendars;
        this.clock = clock;
        this.tx = new TransactionTemplate(transactions);
        this.createTx = new TransactionTemplate(transactions);
        this.createTx.setPropagationBehavior(TransactionTemplate.PROPAGATION_REQUIRES_NEW);
    }

    public MonitoringForm form(String officeCode, int year, int half) {
        long officeId = check(officeCode, year, half);
        return view(officeCode, officeId, year, half, forms.monitoringForm(officeId, year, half, false).orElse(null));
    }

    /** The form beside figures already computed for its semester (the six-monthly report computes them once). */
    MonitoringForm form(String officeCode, int year, int half, ReportMetrics.Report semester) {
        long officeId = check(officeCode, year, half);
        return view(officeCode, officeId, year, half, forms.monitoringForm(officeId, year, half, false).orElse(null),
                semester);
    }

    public MonitoringForm saveRow(SaveRow s) {
        long officeId = check(s.officeCode(), s.year(), s.half());
        if (s.verdict() == null) {
            throw new InvalidInputException("verdict", "is required");
        }
        String catatan = ReportInput.text("catatan", s.catatan(), ReportInput.MAX_NOTE);
        String tindakan = ReportInput.text("tindakan", s.tindakan(), ReportInput.MAX_NOTE);
        ensureForm(officeId, s.year(), s.half(), s.username());
        return tx.execute(status -> {
            FormRow form = lockedForm(officeId, s.year(), s.half());
            String where = where(s.officeCode(), s.year(), s.half()) + ", SOP " + s.sopCode();
            if (form.status() == FormStatus.SIGNED) {
                throw FormChangeException.signed(where, s.sopCode());
            }
            MonitoringForm current = view(s.officeCode(), officeId, s.year(), s.half(), form);
            MonitoringForm.Row row = current.rows().stream().filter(r -> r.sopCode().equals(s.sopCode())).findFirst()
                    .orElseThrow(() -> new InvalidInputException("sop", s.sopCode() + " is not in " + where));
            if (!java.util.Objects.equals(row.version(), s.expectedVersion())) {
                throw FormChangeException.conflict(where, s.sopCode());
            }
            Instant now = clock.instant();
            MonitoringRowData data = new MonitoringRowData(s.sopCode(), s.verdict(), row.suggestion().verdict(),
                    row.suggestion().reason(OFFICIAL), catatan, tindakan, s.username(), now, 0);
            if (!forms.saveMonitoringRow(form.id(), data, s.expectedVersion())) {
                throw FormChangeException.conflict(where, s.sopCode());
            }
            forms.touch("monitoring_form", form.id(), form.version(), null, null);
            forms.history(officeId, SUBJECT, form.id(), s.sopCode(), "SAVED", s.username(), now,
                    s.verdict().name() + (s.verdict() == row.suggestion().verdict() ? "" : " (suggested "
                            + row.suggestion().verdict().name() + ")"));
            return view(s.officeCode(), officeId, s.year(), s.half(), lockedForm(officeId, s.year(), s.half()));
        });
    }

    /** Signs the form off: rows never saved are stored as suggested, with the signer's paraf. */
    public MonitoringForm signOff(String officeCode, int year, int half, int expectedVersion, String username) {
        long officeId = check(officeCode, year, half);
        ensureForm(officeId, year, half, username);
        return tx.execute(status -> {
            FormRow form = lockedForm(officeId, year, half);
            String where = where(officeCode, year, half);
            if (form.status() == FormStatus.SIGNED) {
                throw FormChangeException.signed(where, "-");
            }
            // A form created just now by this call (version 0, expected -1 "nothing stored") is the one read.
            if (form.version() != expectedVersion && !(expectedVersion == -1 && form.version() == 0)) {
                throw FormChangeException.conflict(where, "-");
            }
            Instant now = clock.instant();
            MonitoringForm current = view(officeCode, officeId, year, half, form);
            for (MonitoringForm.Row row : current.rows()) {
                if (!row.saved()) {
                    forms.saveMonitoringRow(form.id(), new MonitoringRowData(row.sopCode(), row.verdict(),
                            row.suggestion().verdict(), row.reason(), row.catatan(), row.tindakan(), username, now, 0),
                            null);
                }
            }
            if (!forms.touch("monitoring_form", form.id(), form.version(), username, now)) {
                throw FormChangeException.conflict(where, "-");
            }
            forms.history(officeId, SUBJECT, form.id(), null, "SIGNED", username, now,
                    current.count(Verdict.BAIK) + " baik, " + current.count(Verdict.TIDAK_BAIK) + " tidak baik");
            return view(officeCode, officeId, year, half, lockedForm(officeId, year, half));
        });
    }

    /** Who did what to the form, oldest first. */
    public List<ReportHistory> history(String officeCode, int year, int half) {
        long officeId = check(officeCode, year, half);
        return forms.monitoringForm(officeId, year, half, false)
                .map(f -> forms.historyOf(SUBJECT, f.id()).stream().map(ReportHistory::of).toList())
                .orElse(List.of());
    }

    private MonitoringForm view(String officeCode, long officeId, int year, int half, FormRow form) {
        return view(officeCode, officeId, year, half, form,
                metrics.report(officeCode, metrics.halfYear(officeCode, year, half)));
    }

    private MonitoringForm view(String officeCode, long officeId, int year, int half, FormRow form,
                                ReportMetrics.Report semester) {
        Period period = semester.period();
        int perDay = calendars.calendarFor(officeCode).minutesPerWorkingDay();
        Map<String, SopMetrics> figures = semester.bySop().stream()
                .collect(Collectors.toMap(SopMetrics::sopCode, Function.identity()));
        Map<String, MonitoringRowData> stored = form == null ? Map.of() : forms.monitoringRows(form.id()).stream()
                .collect(Collectors.toMap(MonitoringRowData::sopCode, Function.identity()));
        Map<String, String> titles = new TreeMap<>();
        if (form == null || form.status() == FormStatus.DRAFT) {
            catalog.allBerlaku(officeCode).forEach(sop -> titles.put(sop.code(), sop.title()));
            figures.keySet().forEach(code -> titles.putIfAbsent(code, null));
        }
        stored.keySet().forEach(code -> titles.putIfAbsent(code, null));
        titles.replaceAll((code, title) -> title != null ? title
                : catalog.findCurrent(officeCode, code).map(s -> s.title()).orElse(code));

        List<MonitoringForm.Row> rows = new ArrayList<>();
        titles.forEach((code, title) -> {
            Suggestion suggestion = MonitoringRules.suggest(figures.get(code), perDay);
            MonitoringRowData saved = stored.get(code);
            rows.add(saved == null
                    ? new MonitoringForm.Row(code, title, figures.get(code), suggestion, suggestion.verdict(),
                    suggestion.reason(OFFICIAL), suggestion.reason(OFFICIAL), suggestion.action(OFFICIAL), null, null,
                    null)
                    : new MonitoringForm.Row(code, title, figures.get(code), suggestion, saved.verdict(),
                    saved.reason(), saved.catatan(), saved.tindakan(), saved.parafBy(), saved.parafAt(),
                    saved.version()));
        });
        return form == null
                ? new MonitoringForm(officeCode, year, half, period, null, FormStatus.DRAFT, null, null, -1, perDay,
                rows)
                : new MonitoringForm(officeCode, year, half, period, form.id(), form.status(), form.signedBy(),
                form.signedAt(), form.version(), perDay, rows);
    }

    /** The form row, locked for this transaction (see {@link #ensureForm}). */
    private FormRow lockedForm(long officeId, int year, int half) {
        return forms.monitoringForm(officeId, year, half, true).orElseThrow();
    }

    /** Creates the form when it is missing; its own transaction, so a lost race spoils nothing. */
    private void ensureForm(long officeId, int year, int half, String creator) {
        if (forms.monitoringForm(officeId, year, half, false).isPresent()) {
            return;
        }
        try {
            createTx.executeWithoutResult(s -> forms.insertMonitoringForm(officeId, year, half, creator, clock.instant()));
        } catch (DuplicateKeyException raced) {
            // Another request created it first: use theirs.
        }
    }

    private long check(String officeCode, int year, int half) {
        ReportInput.half(half);
        return ReportInput.office(forms, officeCode, year, clock);
    }

    private static String where(String officeCode, int year, int half) {
        return "monitoring form " + officeCode + " " + year + "/" + half;
    }

}
