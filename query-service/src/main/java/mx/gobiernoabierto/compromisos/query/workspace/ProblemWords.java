package mx.gobiernoabierto.compromisos.query.workspace;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import tools.jackson.databind.JsonNode;

/**
 * Puts a command service problem into the person's words: a summary (bundle key and arguments) and, for each field
 * the problem names ({@code errors[].field}), a message beside that field. The command service's English detail is
 * read only to choose the words; it is never shown as is.
 */
final class ProblemWords {

    /** What to say: a summary for the top of the form and one message per field the form shows. */
    record Said(String summaryKey, List<Object> summaryArgs, Map<String, String> fields) {
    }

    private static final Pattern WHILE_STATUS = Pattern.compile("while the commitment is ([A-Z_]+)");

    /** English message fragment → Spanish bundle key, first match wins. */
    private static final Map<String, String> FIELD_WORDS = ordered(
            "lies in the future", "espacio.error.futuro",
            "lies outside the commitment's dates", "espacio.error.fueraDeFechas",
            "is before", "espacio.error.antes",
            "not an http or https url", "espacio.error.url",
            "needs at least one evidence link", "espacio.error.evidencia",
            "named approval from every sector", "espacio.error.aprobaciones",
            "percent must be a whole number", "espacio.error.porcentaje",
            "weight must be a positive", "espacio.error.peso",
            "target must differ from baseline", "espacio.error.metaIgualBase",
            "an indicator whose target is", "espacio.error.sentido",
            "not an sdg indicator code", "espacio.error.indicadorOds",
            "not an sdg target", "espacio.error.metaOds",
            "must not be", "espacio.error.obligatorio",
            "size must be", "espacio.error.largo",
            "letters, digits", "espacio.error.clave",
            "must be a slug", "espacio.error.slug",
            "must be a plan id", "espacio.error.plan");

    private static final Map<String, String> STATE_WORDS = ordered(
            "takes no more progress", "espacio.regla.hitoConcluido",
            "is already completed", "espacio.regla.hitoConcluido",
            "cannot be rescheduled", "espacio.regla.hitoConcluido",
            "only when all its milestones are", "espacio.regla.hitosAbiertos",
            "at least one milestone and one indicator", "espacio.regla.faltaHitoIndicador",
            "it is final", "espacio.regla.final");

    private ProblemWords() {
    }

    /**
     * @param formKey    the form that was sent (its rule sentence says what could not be done)
     * @param status     the command service's status
     * @param problem    its problem body
     * @param formFields the names of the fields the form shows; errors on other fields go into the summary
     */
    static Said of(String formKey, int status, JsonNode problem, Set<String> formFields) {
        String type = problem.path("type").asString("");
        type = type.substring(type.lastIndexOf('/') + 1);
        String detail = problem.path("detail").asString("");
        Map<String, String> fields = new LinkedHashMap<>();
        boolean unplaced = false;
        for (JsonNode error : problem.path("errors")) {
            String field = topField(error.path("field").asString(""));
            String words = words(FIELD_WORDS, error.path("message").asString(""), "espacio.error.revisar");
            if (formFields.contains(field)) {
                fields.putIfAbsent(field, words);
            } else {
                unplaced = true;
            }
        }
        return switch (type) {
            case "validation" -> new Said(unplaced || fields.isEmpty() ? "espacio.problema.validacionGeneral"
                    : "espacio.problema.validacion", List.of(), fields);
            case "version-conflict" -> new Said("espacio.problema.conflicto", List.of(), fields);
            case "invalid-state" -> {
                Matcher status1 = WHILE_STATUS.matcher(detail);
                if (status1.find()) {
                    yield new Said("espacio.regla." + formKey, List.of("espacio.estadoEn." + status1.group(1)),
                            fields);
                }
                yield new Said(words(STATE_WORDS, detail, "espacio.problema.estado"), List.of(), fields);
            }
            case "duplicate-code" -> {
                if (formFields.contains("code")) {
                    fields.put("code", "espacio.error.claveUsada");
                }
                yield new Said("espacio.problema.validacion", List.of(), fields);
            }
            case "forbidden" -> new Said("espacio.problema.prohibido", List.of(), fields);
            case "unauthorized" -> new Said("espacio.problema.sesion", List.of(), fields);
            case "not-found" -> new Said("espacio.problema.noEncontrado", List.of(), fields);
            case "idempotency-key-reuse" -> new Said("espacio.problema.reenvio", List.of(), fields);
            case "payload-too-large" -> new Said("espacio.problema.grande", List.of(), fields);
            default -> new Said(status == 401 ? "espacio.problema.sesion" : status == 403
                    ? "espacio.problema.prohibido" : "espacio.problema.servicio", List.of(), fields);
        };
    }

    /** {@code approvals[1].name} and {@code evidenceUrls[0]} belong to the fields {@code approvals}, {@code evidenceUrls}. */
    static String topField(String field) {
        int cut = field.length();
        for (char c : new char[] {'[', '.'}) {
            int at = field.indexOf(c);
            if (at >= 0 && at < cut) {
                cut = at;
            }
        }
        return field.substring(0, cut);
    }

    private static String words(Map<String, String> table, String english, String fallback) {
        String lower = english.toLowerCase(java.util.Locale.ROOT);
        return table.entrySet().stream().filter(entry -> lower.contains(entry.getKey())).map(Map.Entry::getValue)
                .findFirst().orElse(fallback);
    }

    private static Map<String, String> ordered(String... pairs) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put(pairs[i], pairs[i + 1]);
        }
        return map;
    }
}
