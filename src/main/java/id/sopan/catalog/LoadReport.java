package id.sopan.catalog;

import java.util.List;

/**
 * What loading the bundled catalog did.
 *
 * @param offices   offices read (and upserted)
 * @param inserted  SOPs stored for the first time (version 1, berlaku)
 * @param updated   SOPs whose file changed, stored as a new berlaku version
 * @param unchanged SOPs whose latest stored version has the same content
 * @param skipped   SOPs left out because they have validation errors
 * @param skippedCodes "OFFICE/CODE" of each skipped SOP
 */
public record LoadReport(int offices, int inserted, int updated, int unchanged, int skipped,
                         List<String> skippedCodes) {

    public LoadReport {
        skippedCodes = List.copyOf(skippedCodes);
    }

    /** One line for the log. */
    @Override
    public String toString() {
        return "offices=" + offices + " inserted=" + inserted + " updated=" + updated + " unchanged=" + unchanged
                + " skipped=" + skipped + (skippedCodes.isEmpty() ? "" : " " + skippedCodes);
    }
}
