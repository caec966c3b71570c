package id.sopan.ops;

import java.util.List;

/**
 * The production profile refuses to start: each problem names the setting to change. Reported by
 * {@link ProductionFailureAnalyzer} instead of a stack trace; the process exits non-zero.
 */
public class ProductionRefusedException extends RuntimeException {

    private final List<String> problems;

    ProductionRefusedException(String heading, List<String> problems) {
        super(heading + "\n - " + String.join("\n - ", problems));
        this.problems = List.copyOf(problems);
    }

    /** Each refusal, naming its setting. */
    public List<String> problems() {
        return problems;
    }
}
