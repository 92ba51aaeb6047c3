package mx.gobiernoabierto.compromisos.query.workspace;

import java.io.Serializable;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import mx.gobiernoabierto.compromisos.query.commitment.projection.CommitmentState;

/**
 * A spreadsheet of milestone progress or of indicator measurements, turned into the commands it asks for, row by
 * row, before anything is written (the preview). Only what the file itself can say wrong is checked here: a cell
 * that is not a number or a date, a milestone or indicator that is not one of the person's commitments. Every rule
 * of the domain stays the command service's: a row that breaks one is reported as refused when it is sent.
 */
final class BulkImport {

    /** What a file holds: progress of milestones, or measurements of indicators. */
    enum Kind {
        PROGRESS("avance", List.of("compromiso_id", "clave", "hito_id", "hito", "avance", "fecha", "nota", "evidencias"),
                List.of("hito_id", "avance", "fecha")),
        MEASUREMENTS("mediciones", List.of("compromiso_id", "clave", "indicador_id", "indicador", "unidad", "valor",
                "fecha", "fuente", "nota"), List.of("indicador_id", "valor", "fecha", "fuente"));

        final String key;
        final List<String> columns;
        final List<String> required;

        Kind(String key, List<String> columns, List<String> required) {
            this.key = key;
            this.columns = columns;
            this.required = required;
        }

        public String key() {
            return key;
        }

        static Optional<Kind> byKey(String key) {
            return java.util.Arrays.stream(values()).filter(kind -> kind.key.equals(key)).findFirst();
        }
    }

    /**
     * One row as it will be sent: the command's path and body, what it does in words, or the errors that keep it
     * from being sent (bundle keys).
     */
    public record Planned(int line, String commitmentId, String code, String target, String apiPath, String body,
                          String value, String date, List<String> errors) implements Serializable {

        public boolean valid() {
            return errors.isEmpty();
        }
    }

    private BulkImport() {
    }

    static List<Planned> plan(Kind kind, SpreadsheetCsv.Sheet sheet, List<CommitmentState> editable) {
        boolean decimalComma = sheet.separator() == ';';
        List<Planned> planned = new ArrayList<>();
        for (SpreadsheetCsv.Row row : sheet.rows()) {
            planned.add(switch (kind) {
                case PROGRESS -> progress(row, editable);
                case MEASUREMENTS -> measurement(row, editable, decimalComma);
            });
        }
        return planned;
    }

    private static Planned progress(SpreadsheetCsv.Row row, List<CommitmentState> editable) {
        List<String> errors = new ArrayList<>();
        Map<String, CommitmentState> byMilestone = editable.stream().flatMap(c -> c.milestones().stream()
                        .map(m -> Map.entry(m.milestoneId(), c)))
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue, (a, b) -> a));
        CommitmentState commitment = byMilestone.get(row.get("hito_id"));
        String title = null;
        if (commitment == null) {
            errors.add("espacio.csv.error.hito");
        } else {
            title = commitment.milestones().stream().filter(m -> m.milestoneId().equals(row.get("hito_id")))
                    .findFirst().orElseThrow().title();
        }
        BigDecimal percent = FormBody.number(row.get("avance").replace("%", "").strip());
        if (percent == null || percent.stripTrailingZeros().scale() > 0) {
            errors.add("espacio.csv.error.avance");
        }
        LocalDate date = date(row.get("fecha"));
        if (date == null) {
            errors.add("espacio.csv.error.fecha");
        }
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        if (errors.isEmpty()) {
            body.put("percent", percent.intValueExact());
            body.put("reportedOn", date.toString());
            if (!row.get("nota").isEmpty()) {
                body.put("note", row.get("nota"));
            }
            var urls = body.putArray("evidenceUrls");
            for (String url : row.get("evidencias").split("[\\s|]+")) {
                if (!url.isBlank()) {
                    urls.add(url.strip());
                }
            }
        }
        return new Planned(row.line(), commitment == null ? null : commitment.commitmentId(),
                commitment == null ? row.get("clave") : commitment.code(), title,
                commitment == null ? null : "/api/v1/commitments/" + commitment.commitmentId() + "/milestones/"
                        + row.get("hito_id") + "/progress",
                body.toString(), row.get("avance"), row.get("fecha"), List.copyOf(errors));
    }

    private static Planned measurement(SpreadsheetCsv.Row row, List<CommitmentState> editable, boolean decimalComma) {
        List<String> errors = new ArrayList<>();
        Map<String, CommitmentState> byIndicator = editable.stream().flatMap(c -> c.indicators().stream()
                        .map(i -> Map.entry(i.indicatorId(), c)))
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue, (a, b) -> a));
        CommitmentState commitment = byIndicator.get(row.get("indicador_id"));
        String name = null;
        if (commitment == null) {
            errors.add("espacio.csv.error.indicador");
        } else {
            name = commitment.indicators().stream().filter(i -> i.indicatorId().equals(row.get("indicador_id")))
                    .findFirst().orElseThrow().name();
        }
        BigDecimal value = number(row.get("valor"), decimalComma);
        if (value == null) {
            errors.add("espacio.csv.error.valor");
        }
        LocalDate date = date(row.get("fecha"));
        if (date == null) {
            errors.add("espacio.csv.error.fecha");
        }
        if (row.get("fuente").isEmpty()) {
            errors.add("espacio.csv.error.fuente");
        }
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        if (errors.isEmpty()) {
            body.put("value", value);
            body.put("measuredOn", date.toString());
            body.put("source", row.get("fuente"));
            if (!row.get("nota").isEmpty()) {
                body.put("note", row.get("nota"));
            }
        }
        return new Planned(row.line(), commitment == null ? null : commitment.commitmentId(),
                commitment == null ? row.get("clave") : commitment.code(), name,
                commitment == null ? null : "/api/v1/commitments/" + commitment.commitmentId() + "/indicators/"
                        + row.get("indicador_id") + "/measurements",
                body.toString(), row.get("valor"), row.get("fecha"), List.copyOf(errors));
    }

    /**
     * A number as a spreadsheet saves it: {@code 1,234.5} in a comma-separated file; in a {@code ;}-separated one
     * (Excel in Spanish) also {@code 1234,5} or {@code 1.234,5} with a decimal comma.
     */
    static BigDecimal number(String text, boolean decimalComma) {
        String plain = text.replace(" ", "").replace("\u00a0", "");
        if (decimalComma && plain.matches("-?([0-9]{1,3}(\\.[0-9]{3})+|[0-9]+),[0-9]+")) {
            return new BigDecimal(plain.replace(".", "").replace(",", "."));
        }
        if (decimalComma && plain.matches("-?[0-9]{1,3}(\\.[0-9]{3})+")) {
            return new BigDecimal(plain.replace(".", ""));
        }
        return FormBody.number(plain);
    }

    /** {@code 2025-03-05} or, as spreadsheets in Mexico show it, {@code 05/03/2025}. */
    static LocalDate date(String text) {
        try {
            if (text.matches("[0-9]{4}-[0-9]{2}-[0-9]{2}")) {
                return LocalDate.parse(text);
            }
            if (text.matches("[0-9]{1,2}/[0-9]{1,2}/[0-9]{4}")) {
                String[] parts = text.split("/");
                return LocalDate.of(Integer.parseInt(parts[2]), Integer.parseInt(parts[1]), Integer.parseInt(parts[0]));
            }
        } catch (java.time.DateTimeException e) {
            return null;
        }
        return null;
    }

    /** The template: the columns, then one row per open milestone or per indicator of the editable commitments. */
    static String template(Kind kind, List<CommitmentState> editable) {
        StringBuilder csv = new StringBuilder("\uFEFF").append(SpreadsheetCsv.line(kind.columns));
        for (CommitmentState c : editable) {
            if (kind == Kind.PROGRESS) {
                c.milestones().stream().filter(m -> !m.completed()).forEach(m -> csv.append(SpreadsheetCsv.line(
                        List.of(c.commitmentId(), c.code(), m.milestoneId(), m.title(), "", "", "", ""))));
            } else {
                c.indicators().forEach(i -> csv.append(SpreadsheetCsv.line(List.of(c.commitmentId(), c.code(),
                        i.indicatorId(), i.name(), i.unit(), "", "", "", ""))));
            }
        }
        return csv.toString();
    }

}
