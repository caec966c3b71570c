package id.sopan.casework;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * Who may work a task and as whom a user acts: the organization answers (units, jabatan, delegation).
 * Kept as a port so that casework can be tested with a plain table of jabatan.
 */
public interface WorkAssignment {

    /** The jabatan whose holders (and their delegates) work an SOP actor's steps in this office. */
    List<String> candidateJabatan(String officeCode, String sopCode, String actorName);

    /** The jabatan a user may act as on a day: their own, and those delegated to them (Plt/Plh). */
    List<ActingAs> actingAs(String username, LocalDate on);

    /**
     * As {@link #actingAs(String, LocalDate)}, where the caller's own statement has just read the organization's
     * stamp ({@code OrganizationService.changeStamp()}): an answer kept under that stamp is still true, and is given
     * without asking the database.
     */
    default List<ActingAs> actingAs(String username, LocalDate on, long organizationStamp) {
        return actingAs(username, on);
    }

    /** The organization's stamp now: it changes with every change to who acts as which jabatan. */
    long organizationStamp();

    /** This assignment with {@link #actingAs(String, LocalDate)} answered as of a stamp the caller read. */
    default WorkAssignment asOf(long organizationStamp) {
        WorkAssignment self = this;
        return new WorkAssignment() {
            @Override
            public List<String> candidateJabatan(String officeCode, String sopCode, String actorName) {
                return self.candidateJabatan(officeCode, sopCode, actorName);
            }

            @Override
            public List<ActingAs> actingAs(String username, LocalDate on) {
                return self.actingAs(username, on, organizationStamp);
            }

            @Override
            public Optional<String> officeOf(String username) {
                return self.officeOf(username);
            }

            @Override
            public long organizationStamp() {
                return organizationStamp;
            }
        };
    }

    /** The office a user belongs to; empty for an unknown user. A user works and reads only their office's cases. */
    Optional<String> officeOf(String username);

    /**
     * @param officeCode     the office of the jabatan (jabatan codes are unique within an office only)
     * @param jabatanCode    the jabatan acted as
     * @param delegationKind null for the user's own jabatan; PLT or PLH when acting by delegation
     * @param onBehalfOf     when by delegation: the regular holder's username, or null if the jabatan is vacant
     */
    record ActingAs(String officeCode, String jabatanCode, String delegationKind, String onBehalfOf) {
        public boolean byDelegation() {
            return delegationKind != null;
        }
    }
}
