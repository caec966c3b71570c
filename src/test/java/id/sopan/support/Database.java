package id.sopan.support;

import org.springframework.jdbc.core.simple.JdbcClient;

import java.util.List;

/** Empties the application's tables between tests, children before parents; lookup tables stay. */
public final class Database {

    /** Every table holding data, in an order that deletes children before their parents. */
    private static final List<String> TABLES = List.of(
            "login_failure", "case_attachment", "notification", "case_event", "idempotency_key", "case_task_candidate", "case_task", "case_requirement", "case_file",
            "case_counter",
            "actor_assignment", "delegation", "app_user", "jabatan_group_member", "jabatan_group", "jabatan",
            "org_unit", "external_institution",
            "calendar_holiday_year", "calendar_holiday", "calendar_office_hours", "calendar_settings",
            "sop_version_event", "sop_version", "sop", "office");

    private Database() {
    }

    public static void wipe(JdbcClient jdbc) {
        // Self-references first, so that deleting in any order within a table works.
        jdbc.sql("UPDATE jabatan SET atasan_id = NULL").update();
        jdbc.sql("UPDATE org_unit SET parent_id = NULL").update();
        for (String table : TABLES) {
            jdbc.sql("DELETE FROM " + table).update();
        }
    }
}
