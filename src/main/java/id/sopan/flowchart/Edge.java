package id.sopan.flowchart;

import id.sopan.sop.Transition;

import java.util.List;

/**
 * An arrow on one page: an orthogonal polyline (every segment horizontal or vertical) with its head at the last
 * point. A transition whose steps sit on different pages is drawn as two edges, one on each page, through a
 * lettered pair of off-page connectors.
 *
 * @param from    the transition's source step
 * @param to      the transition's target step
 * @param kind    next, Ya or Tidak
 * @param part    the whole arrow, or the half before / after the page break
 * @param letter  the connectors' letter for a half, else null
 * @param points  the polyline, at least two points
 * @param label   "Ya" / "Tidak" printed beside a decision's arrow (on the half leaving the decision), else null
 * @param labelAt the label's baseline start (left end), or null
 */
public record Edge(int from, int to, Transition.Kind kind, Part part, String letter, List<Point> points,
                   String label, Point labelAt) {

    public enum Part {
        /** Symbol to symbol on one page. */
        WHOLE,
        /** From the source's symbol into the connector at the page break. */
        TO_CONNECTOR,
        /** From the connector on the target's page into the target's symbol. */
        FROM_CONNECTOR
    }

    /** The arrowhead's size in points. */
    public static final double HEAD = 4;

    public Edge {
        points = List.copyOf(points);
        if (points.size() < 2) {
            throw new IllegalArgumentException("an edge needs two points");
        }
    }

    /** The arrowhead: a triangle whose tip is the last point, pointing along the last segment. */
    public List<Point> head() {
        Point tip = points.get(points.size() - 1);
        Point before = points.get(points.size() - 2);
        double dx = Math.signum(tip.x() - before.x());
        double dy = Math.signum(tip.y() - before.y());
        double bx = tip.x() - dx * HEAD * 1.5;
        double by = tip.y() - dy * HEAD * 1.5;
        return List.of(tip, new Point(bx - dy * HEAD / 2 * 1.2, by + dx * HEAD / 2 * 1.2),
                new Point(bx + dy * HEAD / 2 * 1.2, by - dx * HEAD / 2 * 1.2));
    }
}
