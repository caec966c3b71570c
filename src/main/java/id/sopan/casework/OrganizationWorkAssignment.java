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

    @Override
    public List<ActingAs> actingAs(String username, LocalDate on) {
        return organization.jabatanActingAs(username, on).stream()
                .map(a -> new ActingAs(a.officeCode(), a.jabatanCode(), a.delegation() == null ? null : a.delegation().name(),
                        a.byDelegation() ? regularHolder(a.officeCode(), a.jabatanCode(), username, on) : null))
                .toList();
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
