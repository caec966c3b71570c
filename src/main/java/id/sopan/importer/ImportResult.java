package id.sopan.importer;

import id.sopan.sop.Problem;
import id.sopan.sop.SopDefinition;

import java.util.List;

/**
 * What an import read: the draft SOP (null when the table could not be read at all) and every
 * problem found, each with its line or row number.
 */
public record ImportResult(SopDefinition draft, List<Problem> problems) {
    public ImportResult {
        problems = List.copyOf(problems);
    }

    /** True when nothing can be stored: no draft, or an error that the reader could not get past. */
    public boolean failed() {
        return draft == null;
    }

    public boolean hasErrors() {
        return problems.stream().anyMatch(Problem::isError);
    }
}
