package id.sopan.flowchart;

import id.sopan.sop.Messages;

/**
 * The words the flowchart prints: the column headers of the SOP AP table, the decision labels and the
 * accessible title of a drawing ({@code title}: a {@link java.text.MessageFormat} pattern with the SOP's code,
 * its title, the page number and the page count).
 */
public record Labels(String number, String kegiatan, String pelaksana, String mutuBaku, String kelengkapan,
                     String waktu, String output, String keterangan, String yes, String no, String title) {

    /** The regulation's own words. */
    public static Labels indonesian() {
        return of(Messages.forLocale(Messages.INDONESIAN));
    }

    /** From the {@code flowchart.*} keys of the messages bundle. */
    public static Labels of(Messages messages) {
        return new Labels(messages.get("flowchart.number"), messages.get("flowchart.kegiatan"),
                messages.get("flowchart.pelaksana"), messages.get("flowchart.mutuBaku"),
                messages.get("flowchart.kelengkapan"), messages.get("flowchart.waktu"),
                messages.get("flowchart.output"), messages.get("flowchart.keterangan"),
                messages.get("flowchart.yes"), messages.get("flowchart.no"),
                messages.get("flowchart.title").replace("'", "''"));
    }
}
