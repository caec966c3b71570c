package id.sopan.reports;

import java.time.Instant;

/** One change of a form or of the report's texts: who, when, what. */
public record ReportHistory(String sopCode, String action, Instant at, String username, String detail) {

    static ReportHistory of(ReportFormRepository.HistoryRow row) {
        return new ReportHistory(row.sopCode(), row.action(), row.at(), row.username(), row.detail());
    }
}
