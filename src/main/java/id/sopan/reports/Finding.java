package id.sopan.reports;

import id.sopan.sop.Messages;

import java.util.List;

/**
 * One thing the figures say about a SOP, worded by its messages key ({@code report.finding.KEY} for the reason,
 * {@code report.action.KEY} for the action it calls for, facts have none) with its arguments.
 */
public record Finding(String key, Weight weight, List<Object> args) {

    public enum Weight {
        /** Makes the SOP "tidak berjalan dengan baik". */
        SERIOUS,
        /** Worth an action, not a bad verdict. */
        NOTE,
        /** A figure shown in the reason, no action of its own. */
        FACT
    }

    public Finding {
        args = List.copyOf(args);
    }

    public boolean serious() {
        return weight == Weight.SERIOUS;
    }

    public String reason(Messages messages) {
        return messages.get("report.finding." + key, args.toArray());
    }

    /** The action it calls for, null for a fact. */
    public String action(Messages messages) {
        return weight == Weight.FACT ? null : messages.get("report.action." + key, args.toArray());
    }
}
