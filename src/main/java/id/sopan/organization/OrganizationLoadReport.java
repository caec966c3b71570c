package id.sopan.organization;

/**
 * What loading an organization file stored.
 *
 * @param usersCreated         demo accounts created (demo mode only)
 * @param demoAccountsDisabled demo accounts disabled because the application runs outside demo mode
 */
public record OrganizationLoadReport(int offices, int units, int jabatan, int groups, int institutions,
                                     int assignments, int usersCreated, int demoAccountsDisabled) {
    @Override
    public String toString() {
        return "offices=" + offices + " units=" + units + " jabatan=" + jabatan + " groups=" + groups
                + " institutions=" + institutions + " assignments=" + assignments + " usersCreated=" + usersCreated
                + " demoAccountsDisabled=" + demoAccountsDisabled;
    }
}
