package id.sopan.organization;

/**
 * A jabatan a user acts as on some day: their own, or one delegated to them.
 *
 * @param delegation null for the user's own jabatan, else how it was delegated
 */
public record ActingAs(String officeCode, String jabatanCode, DelegationKind delegation) {

    public boolean byDelegation() {
        return delegation != null;
    }
}
