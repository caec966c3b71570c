package id.sopan.casework;

import id.sopan.engine.Outcome;
import id.sopan.engine.TaskKind;
import id.sopan.sop.SopDefinition;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Random;

/**
 * The decisions casework takes around the {@link id.sopan.engine.Engine}, whoever stores the result: who may work
 * a task and as whom the history records them, which jabatan a new task goes to, how a case is numbered and which
 * tracking code it gets. {@link CaseService} (one action per transaction) and {@link BulkHistory} (whole histories
 * in memory, written in batches) both decide through here, so they write the same rows.
 */
final class CaseRules {

    /** The office's zone for registration years and delegation dates (WIB). */
    static final ZoneId WIB = ZoneId.of("Asia/Jakarta");
    private static final char[] TRACKING_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789".toCharArray();

    private CaseRules() {
    }

    /** Who acts, as which jabatan, on whose behalf: what the history row records. */
    record Actor(String username, String jabatan, String onBehalfOf) {
    }

    /**
     * Whether a user may work a task now, and as whom: the pemohon on their own pemohon step, else a user acting
     * (own jabatan or delegation that day) as one of the task's candidate jabatan of the case's office, own jabatan
     * first. Jabatan codes are unique within an office only, so the office is compared too.
     */
    static Optional<Actor> mayWork(WorkAssignment assignment, String officeCode, String pemohonUsername, TaskKind kind,
                                   List<String> candidates, String username, Instant now) {
        if (kind == TaskKind.PEMOHON && username.equals(pemohonUsername)) {
            return Optional.of(new Actor(username, null, null));
        }
        LocalDate today = LocalDate.ofInstant(now, WIB);
        // Own jabatan first, so a user who holds it and also a delegation is recorded as themselves.
        return assignment.actingAs(username, today).stream()
                .filter(a -> officeCode.equals(a.officeCode()) && candidates.contains(a.jabatanCode()))
                .sorted((a, b) -> Boolean.compare(a.byDelegation(), b.byDelegation()))
                .findFirst()
                .map(a -> new Actor(username, a.jabatanCode(),
                        a.byDelegation() ? a.delegationKind() + ":" + (a.onBehalfOf() == null ? "-" : a.onBehalfOf()) : null));
    }

    /** The candidate jabatan of a task the engine creates (every kind is worked by the office's jabatan). */
    static List<String> candidatesOf(WorkAssignment assignment, String officeCode, String sopCode, Outcome.NewTask t) {
        return t.kind() == TaskKind.INTERNAL || t.kind() == TaskKind.HANDOFF || t.kind() == TaskKind.PEMOHON
                ? assignment.candidateJabatan(officeCode, sopCode, t.responsibleActor()) : List.of();
    }

    /**
     * At most how many tasks {@code Engine.start} creates: the first step's, and the next step's too when the
     * pemohon's submission is the start itself. Ids for them are taken before the engine runs ({@code reserveStart}).
     */
    static int tasksAtStart(SopDefinition sop, boolean submittedByPemohon) {
        int first = sop.firstStep().actors().size();
        return submittedByPemohon ? first + sop.next(sop.firstStep().number()).map(s -> s.actors().size()).orElse(0) : first;
    }

    /** DKUKM/2026/000123: readable, unique per office and year. */
    static String registrationNo(String officeCode, int year, int number) {
        return String.format(Locale.ROOT, "%s/%d/%06d", officeCode, year, number);
    }

    /** The year a case started at {@code now} is numbered in (WIB). */
    static int registrationYear(Instant now) {
        return now.atZone(WIB).getYear();
    }

    /** What the pemohon types beside the registration number: 8 characters without look-alikes (0/O, 1/I). */
    static String trackingCode(Random random) {
        char[] code = new char[8];
        for (int i = 0; i < code.length; i++) {
            code[i] = TRACKING_ALPHABET[random.nextInt(TRACKING_ALPHABET.length)];
        }
        return new String(code);
    }
}
