package id.sopan.flowchart;

/**
 * The bar that joins the symbols of one step done by several actors: a plain line (an arrow's line without a
 * head) from one symbol's side to the next symbol's side, across the row.
 */
public record Join(int step, Point from, Point to) {
}
