package id.sopan.reports;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Storage of what evaluators and the Dinas enter: the monitoring and evaluation forms, the six-monthly report's
 * texts, and one history row per change ({@code V9__evaluation.sql}). Updates check the row's {@code version}.
 */
@Repository
class ReportFormRepository {

    /** A form's header: a monitoring form has a half, an evaluation form none (0). */
    record FormRow(long id, long officeId, int year, int half, FormStatus status, String createdBy, Instant createdAt,
                   String signedBy, Instant signedAt, int version) {
    }

    record MonitoringRowData(String sopCode, Verdict verdict, Verdict suggested, String reason, String catatan,
                             String tindakan, String parafBy, Instant parafAt, int version) {
    }

    record EvaluationRowData(String sopCode, Map<Criterion, Boolean> answers, String catatan, String evaluatedBy,
                             Instant evaluatedAt, int version) {
    }

    record SemesterRow(long id, String rencanaKerja, String updatedBy, Instant updatedAt, int version) {
    }

    record FinanceLineData(int lineNo, String uraian, BigDecimal anggaran, BigDecimal realisasi, String keterangan) {
    }

    private static final String OFFICE_ID = "SELECT id FROM office WHERE code = :code";

    private static final String MONITORING_FORM = """
            SELECT id, office_id, year_no, half_no, status, created_by, created_at, signed_by, signed_at, version
              FROM monitoring_form WHERE office_id = :office AND year_no = :year AND half_no = :half
            """;

    private static final String INSERT_MONITORING_FORM = """
            INSERT INTO monitoring_form (office_id, year_no, half_no, status, created_at, created_by)
            VALUES (:office, :year, :half, 'DRAFT', :at, :by)
            """;

    private static final String EVALUATION_FORM = """
            SELECT id, office_id, year_no, 0 AS half_no, status, created_by, created_at, signed_by, signed_at, version
              FROM evaluation_form WHERE office_id = :office AND year_no = :year
            """;

    private static final String INSERT_EVALUATION_FORM = """
            INSERT INTO evaluation_form (office_id, year_no, status, created_at, created_by)
            VALUES (:office, :year, 'DRAFT', :at, :by)
            """;

    private static final String MONITORING_ROWS = """
            SELECT sop_code, verdict, suggested, reason, catatan, tindakan, paraf_by, paraf_at, version
              FROM monitoring_row WHERE form_id = :form ORDER BY sop_code
            """;

    private static final String INSERT_MONITORING_ROW = """
            INSERT INTO monitoring_row (form_id, sop_code, verdict, suggested, reason, catatan, tindakan, paraf_by, paraf_at)
            VALUES (:form, :sop, :verdict, :suggested, :reason, :catatan, :tindakan, :by, :at)
            """;

    private static final String UPDATE_MONITORING_ROW = """
            UPDATE monitoring_row
               SET verdict = :verdict, suggested = :suggested, reason = :reason, catatan = :catatan,
                   tindakan = :tindakan, paraf_by = :by, paraf_at = :at, version = version + 1
             WHERE form_id = :form AND sop_code = :sop AND version = :version
            """;

    private static final String EVALUATION_ROWS = """
            SELECT sop_code, criterion_1, criterion_2, criterion_3, criterion_4, criterion_5, criterion_6, criterion_7,
                   catatan, evaluated_by, evaluated_at, version
              FROM evaluation_row WHERE form_id = :form ORDER BY sop_code
            """;

    private static final String INSERT_EVALUATION_ROW = """
            INSERT INTO evaluation_row (form_id, sop_code, criterion_1, criterion_2, criterion_3, criterion_4,
                                        criterion_5, criterion_6, criterion_7, catatan, evaluated_by, evaluated_at)
            VALUES (:form, :sop, :c1, :c2, :c3, :c4, :c5, :c6, :c7, :catatan, :by, :at)
            """;

    private static final String UPDATE_EVALUATION_ROW = """
            UPDATE evaluation_row
               SET criterion_1 = :c1, criterion_2 = :c2, criterion_3 = :c3, criterion_4 = :c4, criterion_5 = :c5,
                   criterion_6 = :c6, criterion_7 = :c7, catatan = :catatan, evaluated_by = :by, evaluated_at = :at,
                   version = version + 1
             WHERE form_id = :form AND sop_code = :sop AND version = :version
            """;

    private static final String SEMESTER = """
            SELECT id, rencana_kerja, updated_by, updated_at, version
              FROM semester_report WHERE office_id = :office AND year_no = :year AND half_no = :half
            """;

    private static final String INSERT_SEMESTER = """
            INSERT INTO semester_report (office_id, year_no, half_no, rencana_kerja, updated_at, updated_by)
            VALUES (:office, :year, :half, :text, :at, :by)
            """;

    private static final String UPDATE_SEMESTER = """
            UPDATE semester_report SET rencana_kerja = :text, updated_at = :at, updated_by = :by, version = version + 1
             WHERE id = :id AND version = :version
            """;

    private static final String FINANCE_LINES = """
            SELECT line_no, uraian, anggaran, realisasi, keterangan
              FROM semester_finance_line WHERE report_id = :report ORDER BY line_no
            """;

    private static final String DELETE_FINANCE_LINES = "DELETE FROM semester_finance_line WHERE report_id = :report";

    private static final String INSERT_FINANCE_LINE = """
            INSERT INTO semester_finance_line (report_id, line_no, uraian, anggaran, realisasi, keterangan)
            VALUES (:report, :line, :uraian, :anggaran, :realisasi, :keterangan)
            """;

    private static final String HISTORY = """
            INSERT INTO report_history (office_id, subject, subject_id, sop_code, action, occurred_at, username, detail)
            VALUES (:office, :subject, :id, :sop, :action, :at, :by, :detail)
            """;

    private static final String HISTORY_OF = """
            SELECT sop_code, action, occurred_at, username, detail FROM report_history
             WHERE subject = :subject AND subject_id = :id ORDER BY id
            """;

    /** A stored form or report text of one period: half 0 for a year's evaluation, status null for the report. */
    record Stored(int year, int half, FormStatus status) {
    }

    private static final String STORED = """
            SELECT year_no, half_no, status FROM monitoring_form WHERE office_id = :office
            UNION ALL
            SELECT year_no, 0, status FROM evaluation_form WHERE office_id = :office
            UNION ALL
            SELECT year_no, half_no, NULL FROM semester_report WHERE office_id = :office
            """;

    record HistoryRow(String sopCode, String action, Instant at, String username, String detail) {
    }

    private final JdbcClient jdbc;

    ReportFormRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Long> officeId(String officeCode) {
        return jdbc.sql(OFFICE_ID).param("code", officeCode).query(Long.class).optional();
    }

    // --- forms -------------------------------------------------------------------------------------------------

    Optional<FormRow> monitoringForm(long officeId, int year, int half, boolean forUpdate) {
        return jdbc.sql(MONITORING_FORM + (forUpdate ? " FOR UPDATE" : ""))
                .param("office", officeId).param("year", year).param("half", half).query(this::form).optional();
    }

    void insertMonitoringForm(long officeId, int year, int half, String by, Instant at) {
        jdbc.sql(INSERT_MONITORING_FORM).param("office", officeId).param("year", year).param("half", half)
                .param("at", utc(at)).param("by", by).update();
    }

    Optional<FormRow> evaluationForm(long officeId, int year, boolean forUpdate) {
        return jdbc.sql(EVALUATION_FORM + (forUpdate ? " FOR UPDATE" : ""))
                .param("office", officeId).param("year", year).query(this::form).optional();
    }

    void insertEvaluationForm(long officeId, int year, String by, Instant at) {
        jdbc.sql(INSERT_EVALUATION_FORM).param("office", officeId).param("year", year)
                .param("at", utc(at)).param("by", by).update();
    }

    /** Bumps the form's version (every change of a row does, so a sign-off sees the latest) or signs it off. */
    boolean touch(String table, long formId, int expectedVersion, String signedBy, Instant signedAt) {
        String sql = signedBy == null
                ? "UPDATE " + table + " SET version = version + 1 WHERE id = :id AND version = :version"
                : "UPDATE " + table + " SET version = version + 1, status = 'SIGNED', signed_by = :by, signed_at = :at"
                  + " WHERE id = :id AND version = :version AND status = 'DRAFT'";
        JdbcClient.StatementSpec spec = jdbc.sql(sql).param("id", formId).param("version", expectedVersion);
        if (signedBy != null) {
            spec = spec.param("by", signedBy).param("at", utc(signedAt));
        }
        return spec.update() == 1;
    }

    private FormRow form(ResultSet rs, int n) throws SQLException {
        return new FormRow(rs.getLong("id"), rs.getLong("office_id"), rs.getInt("year_no"), rs.getInt("half_no"),
                FormStatus.valueOf(rs.getString("status")), rs.getString("created_by"), instant(rs, "created_at"),
                rs.getString("signed_by"), instant(rs, "signed_at"), rs.getInt("version"));
    }

    // --- monitoring rows ---------------------------------------------------------------------------------------

    List<MonitoringRowData> monitoringRows(long formId) {
        return jdbc.sql(MONITORING_ROWS).param("form", formId).query((rs, n) -> new MonitoringRowData(
                rs.getString("sop_code"), Verdict.valueOf(rs.getString("verdict")),
                Verdict.valueOf(rs.getString("suggested")), rs.getString("reason"), rs.getString("catatan"),
                rs.getString("tindakan"), rs.getString("paraf_by"), instant(rs, "paraf_at"), rs.getInt("version")))
                .list();
    }

    /** Inserts when {@code expectedVersion} is null, else updates that version; false when it was not there. */
    boolean saveMonitoringRow(long formId, MonitoringRowData row, Integer expectedVersion) {
        JdbcClient.StatementSpec spec = jdbc.sql(expectedVersion == null ? INSERT_MONITORING_ROW : UPDATE_MONITORING_ROW)
                .param("form", formId).param("sop", row.sopCode()).param("verdict", row.verdict().name())
                .param("suggested", row.suggested().name()).param("reason", row.reason())
                .param("catatan", row.catatan()).param("tindakan", row.tindakan()).param("by", row.parafBy())
                .param("at", utc(row.parafAt()));
        if (expectedVersion != null) {
            spec = spec.param("version", expectedVersion);
        }
        return spec.update() == 1;
    }

    // --- evaluation rows ---------------------------------------------------------------------------------------

    List<EvaluationRowData> evaluationRows(long formId) {
        return jdbc.sql(EVALUATION_ROWS).param("form", formId).query((rs, n) -> {
            Map<Criterion, Boolean> answers = new EnumMap<>(Criterion.class);
            for (Criterion c : Criterion.values()) {
                boolean value = rs.getBoolean("criterion_" + c.number());
                if (!rs.wasNull()) {
                    answers.put(c, value);
                }
            }
            return new EvaluationRowData(rs.getString("sop_code"), answers, rs.getString("catatan"),
                    rs.getString("evaluated_by"), instant(rs, "evaluated_at"), rs.getInt("version"));
        }).list();
    }

    boolean saveEvaluationRow(long formId, EvaluationRowData row, Integer expectedVersion) {
        JdbcClient.StatementSpec spec = jdbc.sql(expectedVersion == null ? INSERT_EVALUATION_ROW : UPDATE_EVALUATION_ROW)
                .param("form", formId).param("sop", row.sopCode()).param("catatan", row.catatan())
                .param("by", row.evaluatedBy()).param("at", utc(row.evaluatedAt()));
        for (Criterion c : Criterion.values()) {
            spec = spec.param("c" + c.number(), row.answers().get(c));
        }
        if (expectedVersion != null) {
            spec = spec.param("version", expectedVersion);
        }
        return spec.update() == 1;
    }

    // --- the six-monthly report's texts ------------------------------------------------------------------------

    Optional<SemesterRow> semester(long officeId, int year, int half) {
        return jdbc.sql(SEMESTER).param("office", officeId).param("year", year).param("half", half)
                .query((rs, n) -> new SemesterRow(rs.getLong("id"), rs.getString("rencana_kerja"),
                        rs.getString("updated_by"), instant(rs, "updated_at"), rs.getInt("version"))).optional();
    }

    void insertSemester(long officeId, int year, int half, String text, String by, Instant at) {
        jdbc.sql(INSERT_SEMESTER).param("office", officeId).param("year", year).param("half", half)
                .param("text", text).param("at", utc(at)).param("by", by).update();
    }

    boolean updateSemester(long id, String text, String by, Instant at, int expectedVersion) {
        return jdbc.sql(UPDATE_SEMESTER).param("id", id).param("text", text).param("at", utc(at)).param("by", by)
                .param("version", expectedVersion).update() == 1;
    }

    List<FinanceLineData> financeLines(long reportId) {
        return jdbc.sql(FINANCE_LINES).param("report", reportId).query((rs, n) -> new FinanceLineData(
                rs.getInt("line_no"), rs.getString("uraian"), rs.getBigDecimal("anggaran"),
                rs.getBigDecimal("realisasi"), rs.getString("keterangan"))).list();
    }

    void replaceFinanceLines(long reportId, List<FinanceLineData> lines) {
        jdbc.sql(DELETE_FINANCE_LINES).param("report", reportId).update();
        for (FinanceLineData l : lines) {
            jdbc.sql(INSERT_FINANCE_LINE).param("report", reportId).param("line", l.lineNo())
                    .param("uraian", l.uraian()).param("anggaran", l.anggaran()).param("realisasi", l.realisasi())
                    .param("keterangan", l.keterangan()).update();
        }
    }

    /** Every monitoring form, evaluation form and six-monthly report text of the office (see {@link Stored}). */
    List<Stored> stored(long officeId) {
        return jdbc.sql(STORED).param("office", officeId).query((rs, n) -> new Stored(rs.getInt(1), rs.getInt(2),
                rs.getString(3) == null ? null : FormStatus.valueOf(rs.getString(3)))).list();
    }

    // --- history -----------------------------------------------------------------------------------------------

    void history(long officeId, String subject, long subjectId, String sopCode, String action, String by, Instant at,
                 String detail) {
        jdbc.sql(HISTORY).param("office", officeId).param("subject", subject).param("id", subjectId)
                .param("sop", sopCode).param("action", action).param("at", utc(at)).param("by", by)
                .param("detail", detail).update();
    }

    List<HistoryRow> historyOf(String subject, long subjectId) {
        return jdbc.sql(HISTORY_OF).param("subject", subject).param("id", subjectId)
                .query((rs, n) -> new HistoryRow(rs.getString("sop_code"), rs.getString("action"),
                        instant(rs, "occurred_at"), rs.getString("username"), rs.getString("detail"))).list();
    }

    private static OffsetDateTime utc(Instant at) {
        return at == null ? null : at.atOffset(ZoneOffset.UTC);
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }
}
