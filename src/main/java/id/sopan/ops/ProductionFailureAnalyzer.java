package id.sopan.ops;

import id.sopan.sop.Messages;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** "APPLICATION FAILED TO START" with the production profile's refusals, one per line, instead of a stack trace. */
public class ProductionFailureAnalyzer extends AbstractFailureAnalyzer<ProductionRefusedException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, ProductionRefusedException cause) {
        Messages messages = Messages.forLanguage(System.getenv("SOPAN_LANG"));
        return new FailureAnalysis(cause.getMessage(), messages.get("ops.production.action"), cause);
    }
}
