package mx.gobiernoabierto.compromisos.query.workspace;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a CSV file as people save it from a spreadsheet: UTF-8 (with or without the byte-order mark Excel writes),
 * separated by {@code ,} or, as Excel in Spanish saves it, by {@code ;} (chosen from the header line), fields quoted
 * as RFC 4180 says, lines ended by CRLF or LF. A file that cannot be read whole (not UTF-8, an unclosed quote, no
 * header, a row longer than the header) is refused as a whole: nothing of it is used.
 */
final class SpreadsheetCsv {

    /** At most this many data rows in one file. */
    static final int MAX_ROWS = 2000;

    /** The file's rows by header name; {@code line} is the row's number as a spreadsheet shows it (the header is 1). */
    record Row(int line, Map<String, String> cells) {

        String get(String column) {
            String value = cells.get(column);
            return value == null ? "" : value.strip();
        }

        boolean blank() {
            return cells.values().stream().allMatch(String::isBlank);
        }
    }

    /** The parsed file: its separator and its data rows. */
    record Sheet(char separator, List<String> header, List<Row> rows) {
    }

    /** Why the file could not be read: a bundle key and the line where reading stopped (0 for the whole file). */
    static final class Unreadable extends Exception {

        private final String reason;
        private final int line;

        Unreadable(String reason, int line) {
            super(reason + " at line " + line);
            this.reason = reason;
            this.line = line;
        }

        String reason() {
            return reason;
        }

        int line() {
            return line;
        }
    }

    private SpreadsheetCsv() {
    }

    static Sheet parse(byte[] bytes, List<String> requiredColumns) throws Unreadable {
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new Unreadable("espacio.csv.noUtf8", 0);
        }
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        if (text.isBlank()) {
            throw new Unreadable("espacio.csv.vacio", 0);
        }
        String firstLine = text.lines().findFirst().orElse("");
        char separator = count(firstLine, ';') > count(firstLine, ',') ? ';' : ',';
        List<List<String>> records = records(text, separator);
        List<String> header = records.getFirst().stream().map(String::strip).toList();
        for (String column : requiredColumns) {
            if (!header.contains(column)) {
                throw new Unreadable("espacio.csv.columnas", 1);
            }
        }
        List<Row> rows = new ArrayList<>();
        for (int i = 1; i < records.size(); i++) {
            List<String> record = records.get(i);
            int line = i + 1;
            if (record.size() > header.size()) {
                throw new Unreadable("espacio.csv.demasiadasCeldas", line);
            }
            Map<String, String> cells = new LinkedHashMap<>();
            for (int c = 0; c < header.size(); c++) {
                cells.put(header.get(c), c < record.size() ? record.get(c) : "");
            }
            Row row = new Row(line, cells);
            if (!row.blank()) {
                rows.add(row);
            }
            if (rows.size() > MAX_ROWS) {
                throw new Unreadable("espacio.csv.demasiadasFilas", line);
            }
        }
        return new Sheet(separator, header, rows);
    }

    /** RFC 4180 records; a quoted field may hold separators, quotes (doubled) and line breaks. */
    private static List<List<String>> records(String text, char separator) throws Unreadable {
        List<List<String>> records = new ArrayList<>();
        List<String> record = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        boolean wasQuoted = false;
        int line = 1;
        int quoteLine = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"') {
                    if (i + 1 < text.length() && text.charAt(i + 1) == '"') {
                        field.append('"');
                        i++;
                    } else {
                        quoted = false;
                    }
                } else {
                    if (c == '\n') {
                        line++;
                    }
                    field.append(c);
                }
            } else if (c == '"') {
                if (field.length() > 0 || wasQuoted) {
                    throw new Unreadable("espacio.csv.comillas", line);
                }
                quoted = true;
                wasQuoted = true;
                quoteLine = line;
            } else if (c == separator) {
                record.add(field.toString());
                field.setLength(0);
                wasQuoted = false;
            } else if (c == '\r' || c == '\n') {
                if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                    i++;
                }
                record.add(field.toString());
                records.add(record);
                record = new ArrayList<>();
                field.setLength(0);
                wasQuoted = false;
                line++;
            } else {
                if (wasQuoted) {
                    throw new Unreadable("espacio.csv.comillas", line);
                }
                field.append(c);
            }
        }
        if (quoted) {
            throw new Unreadable("espacio.csv.comillas", quoteLine);
        }
        if (field.length() > 0 || wasQuoted || !record.isEmpty()) {
            record.add(field.toString());
            records.add(record);
        }
        return records;
    }

    /** Writes one CSV line (RFC 4180, {@code ,}); a cell a spreadsheet would run as a formula gets a leading {@code '}. */
    static String line(List<String> cells) {
        List<String> out = new ArrayList<>();
        for (String cell : cells) {
            String value = cell == null ? "" : cell;
            if (!value.isEmpty() && "=+-@\t\r".indexOf(value.charAt(0)) >= 0) {
                value = "'" + value;
            }
            if (value.contains(",") || value.contains("\"") || value.contains("\n") || value.contains("\r")
                    || value.contains(";")) {
                value = "\"" + value.replace("\"", "\"\"") + "\"";
            }
            out.add(value);
        }
        return String.join(",", out) + "\r\n";
    }

    private static long count(String text, char c) {
        return text.chars().filter(ch -> ch == c).count();
    }
}
