package id.sopan.web;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.regex.Pattern;

/**
 * Rupiah amounts written the Indonesian way: a point groups thousands, a comma starts the sen ({@code 1.500.000.000},
 * {@code 1500000000,50}, {@code 1.500.000,5}). Strict: a point must group exactly three digits, at most two digits
 * follow the comma, no sign, no other characters; {@code 1,500,000} or {@code 1.5} are refused rather than guessed.
 */
final class RupiahParser {

    private static final Pattern GROUPED = Pattern.compile("\\d{1,3}(\\.\\d{3})+(,\\d{1,2})?");
    private static final Pattern PLAIN = Pattern.compile("\\d{1,16}(,\\d{1,2})?");

    private RupiahParser() {
    }

    /** The amount, or null when the text is not one (blank included). */
    static BigDecimal parse(String text) {
        if (text == null) {
            return null;
        }
        String t = text.strip();
        if (!GROUPED.matcher(t).matches() && !PLAIN.matcher(t).matches()) {
            return null;
        }
        return new BigDecimal(t.replace(".", "").replace(',', '.'));
    }

    static String format(BigDecimal amount) {
        DecimalFormatSymbols symbols = new DecimalFormatSymbols();
        symbols.setGroupingSeparator('.');
        symbols.setDecimalSeparator(',');
        boolean whole = amount.stripTrailingZeros().scale() <= 0;
        DecimalFormat format = new DecimalFormat(whole ? "#,##0" : "#,##0.00", symbols);
        format.setRoundingMode(RoundingMode.HALF_UP);
        return format.format(amount);
    }
}
