package id.sopan.casework;

import id.sopan.organization.ActingAs;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The organization's answers, asked once: the candidate jabatan of an SOP actor and the jabatan a user acts as on
 * a day do not change while a bulk session runs, or while one page is answered.
 */
final class MemoWorkAssignment implements WorkAssignment {
    private final WorkAssignment delegate;
    private final Map<String, List<String>> candidates = new HashMap<>();
    private final Map<String, List<ActingAs>> actingAs = new HashMap<>();
    private final Map<String, Optional<String>> offices = new HashMap<>();

    MemoWorkAssignment(WorkAssignment delegate) {
        this.delegate = delegate;
    }

    @Override
    public List<String> candidateJabatan(String officeCode, String sopCode, String actorName) {
        return candidates.computeIfAbsent(officeCode + '\u0000' + sopCode + '\u0000' + actorName,
                k -> List.copyOf(delegate.candidateJabatan(officeCode, sopCode, actorName)));
    }

    @Override
    public List<ActingAs> actingAs(String username, LocalDate on) {
        return actingAs.computeIfAbsent(username + '\u0000' + on,
                k -> List.copyOf(delegate.actingAs(username, on)));
    }

    @Override
    public long organizationStamp() {
        return delegate.organizationStamp();
    }

    @Override
    public Optional<String> officeOf(String username) {
        return offices.computeIfAbsent(username, delegate::officeOf);
    }
}
