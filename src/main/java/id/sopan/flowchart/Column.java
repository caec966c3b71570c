package id.sopan.flowchart;

/**
 * One column of the SOP AP table.
 *
 * @param kind  what the column holds
 * @param actor the actor's name for an {@link Kind#ACTOR} column, else null
 * @param x     its left edge on every page
 * @param width its width
 */
public record Column(Kind kind, String actor, double x, double width) {

    public enum Kind { NUMBER, KEGIATAN, ACTOR, KELENGKAPAN, WAKTU, OUTPUT, KETERANGAN }

    public double right() {
        return x + width;
    }
}
