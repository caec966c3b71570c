package id.sopan.flowchart;

import java.util.List;

/**
 * One page of the flowchart, in its own coordinates (points from the page's top left corner).
 *
 * @param number  1-based
 * @param width   the page's width
 * @param height  the page's height
 * @param table   the outline of the table (header, rows and connector bands)
 * @param steps   the numbers of the steps whose rows are on this page, in order
 * @param cells   the header cells (repeated on every page), the rows' cells and the connector bands' cells
 * @param shapes  symbols and off-page connectors
 * @param edges   arrows (or halves of arrows ending / starting at a connector)
 * @param joins   bars joining the symbols of multi-actor steps
 */
public record Page(int number, double width, double height, Box table, List<Integer> steps, List<Cell> cells,
                   List<Shape> shapes, List<Edge> edges, List<Join> joins) {
    public Page {
        steps = List.copyOf(steps);
        cells = List.copyOf(cells);
        shapes = List.copyOf(shapes);
        edges = List.copyOf(edges);
        joins = List.copyOf(joins);
    }
}
