package id.sopan.reports;

import id.sopan.sop.Messages;

import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/** The monitoring verdict the figures suggest for one SOP, with the findings that lead to it. */
public record Suggestion(Verdict verdict, List<Finding> findings) {

    public Suggestion {
        findings = List.copyOf(findings);
    }

    /** Catatan Hasil Penilaian: every finding, one sentence each. */
    public String reason(Messages messages) {
        return findings.stream().map(f -> f.reason(messages)).collect(Collectors.joining(" "));
    }

    /** Tindakan yang Harus Diambil: the actions of the serious findings, or of all when none is serious. */
    public String action(Messages messages) {
        List<Finding> serious = findings.stream().filter(Finding::serious).toList();
        return (serious.isEmpty() ? findings : serious).stream()
                .map(f -> f.action(messages)).filter(Objects::nonNull).distinct().collect(Collectors.joining(" "));
    }
}
