package id.sopan.flowchart;

import java.util.ArrayList;
import java.util.List;

/** Greedy word wrapping with a font metric; a word longer than a line is broken between characters. */
final class TextWrap {

    private TextWrap() {
    }

    static List<String> wrap(String text, double width, double size, boolean bold, TextMeasure measure) {
        List<String> lines = new ArrayList<>();
        if (text == null || text.isBlank()) {
            return lines;
        }
        for (String paragraph : text.strip().split("\\R")) {
            String line = "";
            for (String word : paragraph.strip().split("\\s+")) {
                if (word.isEmpty()) {
                    continue;
                }
                String candidate = line.isEmpty() ? word : line + " " + word;
                if (measure.width(candidate, size, bold) <= width) {
                    line = candidate;
                    continue;
                }
                if (!line.isEmpty()) {
                    lines.add(line);
                }
                line = word;
                while (measure.width(line, size, bold) > width && line.length() > 1) {
                    int cut = 1;
                    while (cut < line.length() && measure.width(line.substring(0, cut + 1), size, bold) <= width) {
                        cut++;
                    }
                    lines.add(line.substring(0, cut));
                    line = line.substring(cut);
                }
            }
            if (!line.isEmpty()) {
                lines.add(line);
            }
        }
        return lines;
    }
}
