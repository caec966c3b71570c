package id.sopan.flowchart;

/** An axis-aligned rectangle on a page, in points from the page's top left corner (y grows downwards). */
public record Box(double x, double y, double width, double height) {

    public double right() {
        return x + width;
    }

    public double bottom() {
        return y + height;
    }

    public double centerX() {
        return x + width / 2;
    }

    public double centerY() {
        return y + height / 2;
    }

    /** Whether {@code other} lies inside this box (edges included, with a rounding tolerance). */
    public boolean contains(Box other) {
        double e = 1e-6;
        return other.x >= x - e && other.y >= y - e && other.right() <= right() + e && other.bottom() <= bottom() + e;
    }

    /**
     * Whether the axis-parallel segment from {@code a} to {@code b} passes through the inside of this box
     * (touching its outline does not count).
     */
    public boolean crossedBy(Point a, Point b) {
        double e = 1e-6;
        double minX = Math.min(a.x(), b.x());
        double maxX = Math.max(a.x(), b.x());
        double minY = Math.min(a.y(), b.y());
        double maxY = Math.max(a.y(), b.y());
        return maxX > x + e && minX < right() - e && maxY > y + e && minY < bottom() - e;
    }
}
