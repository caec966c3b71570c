package id.sopan.casework;

import java.time.Instant;

/**
 * The hash of one history row: SHA-256 over the previous row's hash and every field of this row, each
 * written with its length so that no two different rows read the same. Changing, inserting or deleting
 * a past row breaks every hash after it.
 */
final class EventHash {

    private EventHash() {
    }

    record Fields(long caseId, int seq, Instant occurredAt, String username, String actingJabatan, String onBehalfOf,
                  String type, Long taskId, Integer fromStep, Integer toStep, String note) {
    }

    static String of(String previousHash, Fields f) {
        StringBuilder text = new StringBuilder(256);
        append(text, previousHash);
        append(text, Long.toString(f.caseId()));
        append(text, Integer.toString(f.seq()));
        append(text, f.occurredAt().toString());
        append(text, f.username());
        append(text, f.actingJabatan());
        append(text, f.onBehalfOf());
        append(text, f.type());
        append(text, f.taskId() == null ? null : f.taskId().toString());
        append(text, f.fromStep() == null ? null : f.fromStep().toString());
        append(text, f.toStep() == null ? null : f.toStep().toString());
        append(text, f.note());
        return Sha256.hex(text.toString());
    }

    private static void append(StringBuilder text, String value) {
        if (value == null) {
            text.append("-1:");
        } else {
            text.append(value.length()).append(':').append(value);
        }
        text.append('|');
    }
}
