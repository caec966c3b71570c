package id.sopan.flowchart;

/**
 * One of the five symbols of the regulation's flowcharts (the fifth, the arrow, is an {@link Edge}).
 *
 * @param kind   which symbol
 * @param box    its bounding box (a decision's diamond and a connector's pentagon touch its sides)
 * @param step   the step it draws; for a connector, the step on this page that its arrow leaves or enters
 * @param actor  the actor's column it sits in (null for a connector)
 * @param letter a connector's letter (A, B, ...; the same on both pages), else null
 */
public record Shape(Kind kind, Box box, int step, String actor, String letter) {

    public enum Kind {
        /** Rounded capsule: the first and the last step. */
        TERMINATOR,
        /** Rectangle: a step that does something. */
        PROCESS,
        /** Diamond: a step that checks (Ya / Tidak). */
        DECISION,
        /** Off-page connector: a pentagon pointing down, lettered; one at the bottom of a page, its twin on another. */
        CONNECTOR
    }

    /** The outline as a polygon (diamond, pentagon) or the box's corners (rectangle, capsule). */
    public java.util.List<Point> outline() {
        double x = box.x();
        double y = box.y();
        double w = box.width();
        double h = box.height();
        return switch (kind) {
            case DECISION -> java.util.List.of(new Point(x + w / 2, y), new Point(x + w, y + h / 2),
                    new Point(x + w / 2, y + h), new Point(x, y + h / 2));
            case CONNECTOR -> java.util.List.of(new Point(x, y), new Point(x + w, y), new Point(x + w, y + h * 0.6),
                    new Point(x + w / 2, y + h), new Point(x, y + h * 0.6));
            default -> java.util.List.of(new Point(x, y), new Point(x + w, y), new Point(x + w, y + h), new Point(x, y + h));
        };
    }
}
