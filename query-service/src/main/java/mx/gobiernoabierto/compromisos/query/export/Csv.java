package mx.gobiernoabierto.compromisos.query.export;

/** RFC 4180 cells, safe to open in a spreadsheet. */
final class Csv {

    private Csv() {
    }

    /**
     * Quotes a cell when it holds a comma, quote or line break, and neutralises a cell that a spreadsheet would
     * run as a formula (starting with {@code =}, {@code +}, {@code -}, {@code @}, tab or carriage return) by
     * prefixing an apostrophe; plain negative numbers stay numbers.
     */
    static String cell(String value) {
        String text = value;
        if (!text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0 && !text.matches("-?[0-9]+(\\.[0-9]+)?")) {
            text = "'" + text;
        }
        if (text.contains(",") || text.contains("\"") || text.contains("\n") || text.contains("\r")) {
            return "\"" + text.replace("\"", "\"\"") + "\"";
        }
        return text;
    }
}
