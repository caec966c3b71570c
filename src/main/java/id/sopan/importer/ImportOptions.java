package id.sopan.importer;

import id.sopan.sop.ServiceType;

/**
 * What the table itself does not say.
 *
 * @param code        the draft's code, or null to leave it to the catalog
 * @param title       the SOP's name, or null to take it from a line above the table
 * @param serviceType jenis pelayanan, or null
 */
public record ImportOptions(String code, String title, ServiceType serviceType) {
    public static final ImportOptions NONE = new ImportOptions(null, null, null);
}
