package id.sopan.flowchart;

/** A point on a page, in points from the page's top left corner (y grows downwards). */
public record Point(double x, double y) {
}
