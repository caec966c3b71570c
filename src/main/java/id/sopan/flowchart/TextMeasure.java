package id.sopan.flowchart;

/**
 * The width of a text in a font, in points: the layout wraps every text with it. The default is an
 * approximation of Helvetica (Arial, Liberation Sans: the same metrics) by the widths of its ASCII characters;
 * the PDF plugs in the real metrics of the font it embeds.
 */
@FunctionalInterface
public interface TextMeasure {

    /**
     * @param text     one line of text
     * @param fontSize the font size in points
     * @param bold     whether the bold face is used
     * @return the advance width of the text in points
     */
    double width(String text, double fontSize, boolean bold);

    /** Helvetica's widths (per 1000 em) for ASCII 32..126; bold ~6% wider; the ellipsis and the em dash 1000, anything else 667 (wide rather than narrow). */
    TextMeasure HELVETICA = new TextMeasure() {
        private static final int[] WIDTHS = {
                278, 278, 355, 556, 556, 889, 667, 191, 333, 333, 389, 584, 278, 333, 278, 278, // space ! " # $ % & ' ( ) * + , - . /
                556, 556, 556, 556, 556, 556, 556, 556, 556, 556, 278, 278, 584, 584, 584, 556, // 0-9 : ; < = > ?
                1015, 667, 667, 722, 722, 667, 611, 778, 722, 278, 500, 667, 556, 833, 722, 778, // @ A-O
                667, 778, 722, 667, 611, 722, 667, 944, 667, 667, 611, 278, 278, 278, 469, 556, // P-Z [ \ ] ^ _
                333, 556, 556, 500, 556, 556, 278, 556, 556, 222, 222, 500, 222, 833, 556, 556, // ` a-o
                556, 556, 333, 500, 278, 556, 500, 722, 500, 500, 500, 334, 260, 334, 584};     // p-z { | } ~

        @Override
        public double width(String text, double fontSize, boolean bold) {
            double units = 0;
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                units += c >= 32 && c <= 126 ? WIDTHS[c - 32] : c == '\u2026' || c == '\u2014' ? 1000 : 667;
            }
            return units / 1000.0 * fontSize * (bold ? 1.06 : 1.0);
        }
    };

    /** The cruder measure: every character {@code emFraction} of the font size wide (0.5 for Helvetica-like text). */
    static TextMeasure averageCharWidth(double emFraction) {
        if (emFraction <= 0) {
            throw new IllegalArgumentException("emFraction must be positive");
        }
        return (text, fontSize, bold) -> text.length() * emFraction * fontSize * (bold ? 1.06 : 1.0);
    }
}
