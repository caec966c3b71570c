package id.sopan.casework;

import id.sopan.organization.AppUser;
import id.sopan.organization.Jabatan;
import id.sopan.organization.OrganizationService;
import org.springframework.stereotype.Component;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** The organization answers who works a task and as whom a user acts. */
@Component
class OrganizationWorkAssignment implements WorkAssignment {

    private final OrganizationService organization;

    OrganizationWorkAssignment(OrganizationService organization) {
        this.organization = organization;
    }

    @Override
    public List<String> candidateJabatan(String officeCode, String sopCode, String actorName) {
        return organization.jabatanFor(officeCode, sopCode, actorName).stream().map(Jabatan::code).distinct().toList();
    }

    /** What a user acts as on a day, read under a stamp of the organization. */
    private record Known(long stamp, List<ActingAs> actingAs) {
    }

    /** Entries for past days are never asked again: the map is emptied when it grows past this. */
    static final int MAX_KNOWN = 10_000;

    /**
     * Every action and every worklist asks as whom its user acts; the answer changes only with the organization,
     * whose stamp tells (read here, or by the caller's own statement).
     */
    private final Map<String, Known> known = new ConcurrentHashMap<>();

    @Override
    public List<ActingAs> actingAs(String username, LocalDate on) {
        return actingAs(username, on, organization.changeStamp());
    }

    @Override
    public long organizationStamp() {
        return organization.changeStamp();
    }

    @Override
    public List<ActingAs> actingAs(String username, LocalDate on, long organizationStamp) {
        String key = username + '\u0000' + on;
        Known kept = known.get(key);
        if (kept != null && kept.stamp() == organizationStamp) {
            return kept.actingAs();
        }
        // The stamp was read before the answer: should the organization change in between, the answer is kept
        // under the older stamp, which the next statement to read the stamp no longer matches.
        List<ActingAs> read = organization.jabatanActingAs(username, on).stream()
                .map(a -> new ActingAs(a.officeCode(), a.jabatanCode(), a.delegation() == null ? null : a.delegation().name(),
                        a.byDelegation() ? regularHolder(a.officeCode(), a.jabatanCode(), username, on) : null))
                .toList();
        if (known.size() >= MAX_KNOWN) {
            known.clear();
        }
        known.put(key, new Known(organizationStamp, read));
        return read;
    }

    /** A user's office never changes (accounts are created in one): asked once per user and node. */
    private final Map<String, String> offices = new ConcurrentHashMap<>();

    @Override
    public Optional<String> officeOf(String username) {
        String known = offices.get(username);
        if (known != null) {
            return Optional.of(known);
        }
        Optional<String> office = organization.user(username).map(AppUser::officeCode);
        office.ifPresent(code -> offices.put(username, code));
        return office;
    }

    /** On whose behalf a delegate acts: the jabatan's own holder, if it has one. */
    private String regularHolder(String officeCode, String jabatanCode, String delegate, LocalDate on) {
        return organization.holders(officeCode, jabatanCode, on).stream()
                .filter(u -> jabatanCode.equals(u.jabatanCode()) && !u.username().equals(delegate))
                .map(AppUser::username).findFirst().orElse(null);
    }
}
