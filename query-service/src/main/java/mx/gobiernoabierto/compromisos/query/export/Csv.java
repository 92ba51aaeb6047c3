package mx.gobiernoabierto.compromisos.query.export;

import java.util.regex.Pattern;

/** RFC 4180 cells, safe to open in a spreadsheet. */
final class Csv {

    /** What a spreadsheet would start a formula (or a DDE call) with, the full-width forms included. */
    private static final String FORMULA_STARTS = "=+-@\t\r\n\uff1d\uff0b\uff0d\uff20";
    private static final Pattern PLAIN_NUMBER = Pattern.compile("-?[0-9]+(\\.[0-9]+)?");

    private Csv() {
    }

    /**
     * Quotes a cell when it holds a comma, quote or line break, and neutralises a cell that a spreadsheet would
     * run as a formula (starting with {@code =}, {@code +}, {@code -}, {@code @}, tab, carriage return or line feed,
     * or their full-width forms) by prefixing an apostrophe; plain negative numbers ({@code -12.5}) stay numbers.
     */
    static String cell(String value) {
        String text = value;
        if (!text.isEmpty() && FORMULA_STARTS.indexOf(text.charAt(0)) >= 0 && !PLAIN_NUMBER.matcher(text).matches()) {
            text = "'" + text;
        }
        if (text.contains(",") || text.contains("\"") || text.contains("\n") || text.contains("\r")) {
            return "\"" + text.replace("\"", "\"\"") + "\"";
        }
        return text;
    }
}
