package id.sopan.web;

import id.sopan.reports.FormStatus;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** The messages files: no key twice in a file, and every key of the report pages in both languages. */
class ReportMessagesTest {

    static final List<String> FILES = List.of("src/main/resources/messages.properties",
            "src/main/resources/messages_en.properties");
    private static final Pattern USED = Pattern.compile("(?:['\"]|#\\{)((?:ui\\.report|report)\\.[A-Za-z0-9_.]*[A-Za-z0-9_])['\"}(]");

    @Test
    void noKeyIsWrittenTwice() throws IOException {
        for (String file : FILES) {
            List<String> keys = keys(file);
            Set<String> seen = new HashSet<>();
            assertThat(keys.stream().filter(k -> !seen.add(k)).toList()).as(file).isEmpty();
        }
    }

    @Test
    void everyKeyOfTheReportPagesIsInBothLanguages() throws IOException {
        Set<String> used = new TreeSet<>();
        List<Path> sources = new ArrayList<>();
        try (Stream<Path> templates = Files.list(Path.of("src/main/resources/templates/reports"))) {
            templates.forEach(sources::add);
        }
        for (String name : List.of("ReportController", "MonitoringController", "EvaluationController",
                "SemesterController", "ReportPages")) {
            sources.add(Path.of("src/main/java/id/sopan/web/" + name + ".java"));
        }
        sources.add(Path.of("src/main/java/id/sopan/reports/ReportTables.java"));
        for (Path source : sources) {
            Matcher m = USED.matcher(Files.readString(source, StandardCharsets.UTF_8));
            while (m.find()) {
                used.add(m.group(1));
            }
        }
        // The keys made at run time from a prefix.
        for (String table : List.of("report.table.jabatan", "report.table.pegawai")) {
            used.remove(table);
            used.add(table + ".sheet");
            used.add(table + ".title");
        }
        for (String field : SemesterController.LINE_FIELDS) {
            used.add("report.column." + field);
        }
        for (FormStatus status : FormStatus.values()) {
            used.add("ui.report.state." + status.name());
        }
        used.addAll(List.of("ui.report.history.action.SAVED", "ui.report.history.action.SIGNED",
                "report.semester.1", "report.semester.2", "ui.nav.reports"));
        assertThat(used).contains("ui.report.monitoring.title", "report.column.criterion", "report.table.sop.title");
        for (String file : FILES) {
            assertThat(new HashSet<>(keys(file))).as(file).containsAll(used);
        }
    }

    private static List<String> keys(String file) throws IOException {
        List<String> keys = new ArrayList<>();
        boolean continued = false;
        for (String line : Files.readAllLines(Path.of(file), StandardCharsets.UTF_8)) {
            boolean wasContinued = continued;
            continued = line.endsWith("\\") && !line.endsWith("\\\\");
            String t = line.strip();
            if (wasContinued || t.isEmpty() || t.startsWith("#") || t.startsWith("!")) {
                continue;
            }
            int end = 0;
            while (end < t.length() && t.charAt(end) != '=' && t.charAt(end) != ':' && !Character.isWhitespace(t.charAt(end))) {
                end++;
            }
            keys.add(t.substring(0, end));
        }
        return keys;
    }
}
