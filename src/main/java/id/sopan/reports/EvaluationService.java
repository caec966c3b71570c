package id.sopan.reports;

import id.sopan.calendar.CalendarService;
import id.sopan.catalog.CatalogService;
import id.sopan.organization.AppUser;
import id.sopan.organization.InvalidInputException;
import id.sopan.organization.Jabatan;
import id.sopan.organization.OrganizationService;
import id.sopan.reports.ReportFormRepository.EvaluationRowData;
import id.sopan.reports.ReportFormRepository.FormRow;
import id.sopan.reports.ReportMetrics.Period;
import id.sopan.reports.ReportMetrics.Report;
import id.sopan.reports.ReportMetrics.SopMetrics;
import id.sopan.sop.SopDefinition;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The yearly evaluation (Perbup Pasal 10): an evaluator answers the seven criteria for each SOP, with the year's
 * figures beside them, and signs it off once every SOP is answered. The recommendations are derived from the figures
 * and the answers ({@link Recommendations}), never typed.
 */
@Service
public class EvaluationService {

    static final String SUBJECT = "EVALUATION";

    /** What an evaluator saves for one SOP; {@code expectedVersion} is the row's version, null for a new row. */
    public record SaveRow(String officeCode, int year, String sopCode, Map<Criterion, Boolean> answers, String catatan,
                          Integer expectedVersion, String username) {
    }

    private final ReportMetrics metrics;
    private final ReportFormRepository forms;
    private final CatalogService catalog;
    private final CalendarService calendars;
    private final OrganizationService organization;
    private final Clock clock;
    private final TransactionTemplate tx;
    private final TransactionTemplate createTx;

    EvaluationService(ReportMetrics metrics, ReportFormRepository forms, CatalogService catalog,
                      CalendarService calendars, OrganizationService organization, Clock clock,
                      PlatformTransactionManager transactions) {
        this.metrics = metrics;
        this.forms = forms;
        this.catalog = catalog;
        this.calendars = calendars;
        this.organization = organization;
        this.clock = clock;
        this.tx = new TransactionTemplate(transactions);
        this.createTx = new TransactionTemplate(transactions);
        this.createTx.setPropagationBehavior(TransactionTemplate.PROPAGATION_REQUIRES_NEW);
    }

    public EvaluationForm form(String officeCode, int year) {
        long officeId = ReportInput.office(forms, officeCode, year, clock);
        return view(officeCode, year, forms.evaluationForm(officeId, year, false).orElse(null));
    }

    public EvaluationForm saveRow(SaveRow s) {
        long officeId = ReportInput.office(forms, s.officeCode(), s.year(), clock);
        String catatan = ReportInput.text("catatan", s.catatan(), ReportInput.MAX_NOTE);
        Map<Criterion, Boolean> answers = s.answers() == null ? Map.of() : Map.copyOf(s.answers());
        ensureForm(officeId, s.year(), s.username());
        return tx.execute(status -> {
            FormRow form = forms.evaluationForm(officeId, s.year(), true).orElseThrow();
            String where = where(s.officeCode(), s.year()) + ", SOP " + s.sopCode();
            if (form.status() == FormStatus.SIGNED) {
                throw FormChangeException.signed(where, s.sopCode());
            }
            EvaluationForm current = view(s.officeCode(), s.year(), form);
            EvaluationForm.Row row = current.rows().stream().filter(r -> r.sopCode().equals(s.sopCode())).findFirst()
                    .orElseThrow(() -> new InvalidInputException("sop", s.sopCode() + " is not in " + where));
            if (!Objects.equals(row.version(), s.expectedVersion())) {
                throw FormChangeException.conflict(where, s.sopCode());
            }
            Instant now = clock.instant();
            if (!forms.saveEvaluationRow(form.id(), new EvaluationRowData(s.sopCode(), answers, catatan, s.username(),
                    now, 0), s.expectedVersion())) {
                throw FormChangeException.conflict(where, s.sopCode());
            }
            forms.touch("evaluation_form", form.id(), form.version(), null, null);
            forms.history(officeId, SUBJECT, form.id(), s.sopCode(), "SAVED", s.username(), now, answers(answers));
            return view(s.officeCode(), s.year(), forms.evaluationForm(officeId, s.year(), true).orElseThrow());
        });
    }

    /** Signs the evaluation off; every SOP must have its seven criteria answered. */
    public EvaluationForm signOff(String officeCode, int year, int expectedVersion, String username) {
        long officeId = ReportInput.office(forms, officeCode, year, clock);
        ensureForm(officeId, year, username);
        return tx.execute(status -> {
            FormRow form = forms.evaluationForm(officeId, year, true).orElseThrow();
            String where = where(officeCode, year);
            if (form.status() == FormStatus.SIGNED) {
                throw FormChangeException.signed(where, "-");
            }
            if (form.version() != expectedVersion && !(expectedVersion == -1 && form.version() == 0)) {
                throw FormChangeException.conflict(where, "-");
            }
            EvaluationForm current = view(officeCode, year, form);
            List<String> incomplete = current.rows().stream().filter(r -> !r.complete())
                    .map(EvaluationForm.Row::sopCode).toList();
            if (!incomplete.isEmpty()) {
                throw new FormChangeException(FormChangeException.Reason.INCOMPLETE, where + ": "
                        + incomplete.size() + " SOPs not fully answered: " + String.join(", ", incomplete),
                        incomplete.size(), String.join(", ", incomplete.subList(0, Math.min(10, incomplete.size()))));
            }
            Instant now = clock.instant();
            if (!forms.touch("evaluation_form", form.id(), form.version(), username, now)) {
                throw FormChangeException.conflict(where, "-");
            }
            forms.history(officeId, SUBJECT, form.id(), null, "SIGNED", username, now,
                    current.rows().size() + " SOP, " + current.recommendations().size() + " recommendations");
            return view(officeCode, year, forms.evaluationForm(officeId, year, true).orElseThrow());
        });
    }

    public List<ReportHistory> history(String officeCode, int year) {
        long officeId = ReportInput.office(forms, officeCode, year, clock);
        return forms.evaluationForm(officeId, year, false)
                .map(f -> forms.historyOf(SUBJECT, f.id()).stream().map(ReportHistory::of).toList())
                .orElse(List.of());
    }

    private EvaluationForm view(String officeCode, int year, FormRow form) {
        Period period = metrics.months(officeCode, YearMonth.of(year, 1), YearMonth.of(year, 12));
        int perDay = calendars.calendarFor(officeCode).minutesPerWorkingDay();
        Report report = metrics.report(officeCode, period);
        Map<String, SopMetrics> figures = report.bySop().stream()
                .collect(Collectors.toMap(SopMetrics::sopCode, Function.identity()));
        Map<String, EvaluationRowData> stored = form == null ? Map.of() : forms.evaluationRows(form.id()).stream()
                .collect(Collectors.toMap(EvaluationRowData::sopCode, Function.identity()));
        Map<String, String> titles = new TreeMap<>();
        List<String> berlaku = new ArrayList<>();
        for (SopDefinition sop : catalog.allBerlaku(officeCode)) {
            berlaku.add(sop.code());
            if (form == null || form.status() == FormStatus.DRAFT) {
                titles.put(sop.code(), sop.title());
            }
        }
        if (form == null || form.status() == FormStatus.DRAFT) {
            figures.keySet().forEach(code -> titles.putIfAbsent(code, null));
        }
        stored.keySet().forEach(code -> titles.putIfAbsent(code, null));
        titles.replaceAll((code, title) -> title != null ? title
                : catalog.findCurrent(officeCode, code).map(SopDefinition::title).orElse(code));

        List<EvaluationForm.Row> rows = new ArrayList<>();
        Map<String, Set<Criterion>> notMet = new LinkedHashMap<>();
        titles.forEach((code, title) -> {
            EvaluationRowData saved = stored.get(code);
            Suggestion suggestion = MonitoringRules.suggest(figures.get(code), perDay);
            EvaluationForm.Row row = saved == null
                    ? new EvaluationForm.Row(code, title, figures.get(code), suggestion, Map.of(), "", null, null, null)
                    : new EvaluationForm.Row(code, title, figures.get(code), suggestion, saved.answers(),
                    saved.catatan(), saved.evaluatedBy(), saved.evaluatedAt(), saved.version());
            rows.add(row);
            if (!row.notMet().isEmpty()) {
                notMet.put(code, EnumSet.copyOf(row.notMet()));
            }
        });
        Map<String, String> jabatan = organization.jabatan(officeCode).stream()
                .collect(Collectors.toMap(Jabatan::code, Jabatan::name));
        Map<String, String> people = organization.users(officeCode).stream()
                .collect(Collectors.toMap(AppUser::username, AppUser::fullName));
        List<Recommendation> recommendations = Recommendations.derive(report, new Recommendations.Context(year, perDay,
                berlaku, titles::get, code -> jabatan.getOrDefault(code, code),
                username -> people.getOrDefault(username, username), notMet));
        return form == null
                ? new EvaluationForm(officeCode, year, period, null, FormStatus.DRAFT, null, null, -1, perDay, rows,
                recommendations)
                : new EvaluationForm(officeCode, year, period, form.id(), form.status(), form.signedBy(),
                form.signedAt(), form.version(), perDay, rows, recommendations);
    }

    private void ensureForm(long officeId, int year, String creator) {
        if (forms.evaluationForm(officeId, year, false).isPresent()) {
            return;
        }
        try {
            createTx.executeWithoutResult(s -> forms.insertEvaluationForm(officeId, year, creator, clock.instant()));
        } catch (DuplicateKeyException raced) {
            // Another request created it first: use theirs.
        }
    }

    private static String answers(Map<Criterion, Boolean> answers) {
        StringBuilder text = new StringBuilder();
        for (Criterion c : Criterion.values()) {
            Boolean a = answers.get(c);
            text.append(a == null ? '-' : a ? 'Y' : 'T');
        }
        return text.toString();
    }

    private static String where(String officeCode, int year) {
        return "evaluation form " + officeCode + " " + year;
    }
}
