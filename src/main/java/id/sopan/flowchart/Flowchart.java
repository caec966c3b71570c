package id.sopan.flowchart;

import java.util.List;

/**
 * An SOP's flowchart laid out on pages, immutable: the one drawing that the web page (SVG) and the printed
 * document (PDF) both draw. All coordinates are in points, per page. Made by {@link FlowchartLayout#of}.
 *
 * @param code    the SOP's code
 * @param title   the SOP's title
 * @param options the options it was laid out with
 * @param columns the table's columns (the same on every page)
 * @param pages   one or more pages
 */
public record Flowchart(String code, String title, LayoutOptions options, List<Column> columns, List<Page> pages) {

    public Flowchart {
        columns = List.copyOf(columns);
        pages = List.copyOf(pages);
    }

    /** The page holding the row of step {@code number}. */
    public Page pageOf(int number) {
        return pages.stream().filter(p -> p.steps().contains(number)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no step " + number));
    }

    /** The symbols drawing step {@code number} (one per actor of the step), left to right. */
    public List<Shape> symbolsOf(int number) {
        return pageOf(number).shapes().stream()
                .filter(s -> s.kind() != Shape.Kind.CONNECTOR && s.step() == number).toList();
    }

    /** The actor's column. */
    public Column column(String actor) {
        return columns.stream().filter(c -> c.kind() == Column.Kind.ACTOR && c.actor().equals(actor)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no column for " + actor));
    }
}
