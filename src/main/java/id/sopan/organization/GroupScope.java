package id.sopan.organization;

/** How a jabatan group turns into the jabatan that may do a step. */
public enum GroupScope {
    /** Any holder of any member jabatan ("Kepala Bidang": any of the three Kabid). */
    ALL_MEMBERS,
    /**
     * The members are only the candidates: a case narrows them to the atasan of its pemohon
     * ("Atasan langsung"; see {@link OrganizationService#atasan}).
     */
    ATASAN_OF_APPLICANT
}
