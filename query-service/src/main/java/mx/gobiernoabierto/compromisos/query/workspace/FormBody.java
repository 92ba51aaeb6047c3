package mx.gobiernoabierto.compromisos.query.workspace;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * What a person typed, as the command's JSON body. Only the form's own typing is checked here (a number that is not
 * a number cannot be sent as one); every rule of the domain is the command service's, whose problems come back
 * beside the fields they name. Empty optional fields are left out; lists are one entry per line.
 */
final class FormBody {

    /** The JSON body, and the fields whose text could not be typed (field → bundle key). */
    record Result(ObjectNode body, Map<String, String> errors) {
    }

    private FormBody() {
    }

    static Result of(List<CommandForm.Field> fields, Map<String, List<String>> typed) {
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        Map<String, String> errors = new LinkedHashMap<>();
        for (CommandForm.Field field : fields) {
            String text = first(typed, field.name()).strip();
            switch (field.kind()) {
                case TEXT, LONG_TEXT, DATE, CHOICE -> {
                    if (!text.isEmpty()) {
                        body.put(field.name(), text);
                    }
                }
                case NUMBER -> {
                    if (!text.isEmpty()) {
                        BigDecimal number = number(text);
                        if (number == null) {
                            errors.put(field.name(), "espacio.error.numero");
                        } else {
                            body.put(field.name(), number);
                        }
                    }
                }
                case INTEGER -> {
                    if (!text.isEmpty()) {
                        BigDecimal number = number(text);
                        if (number == null || number.stripTrailingZeros().scale() > 0) {
                            errors.put(field.name(), "espacio.error.entero");
                        } else {
                            body.put(field.name(), number.intValueExact());
                        }
                    }
                }
                case LINES -> {
                    ArrayNode list = body.putArray(field.name());
                    text.lines().map(String::strip).filter(line -> !line.isEmpty()).forEach(list::add);
                }
                case CHECKS, SDG_TARGETS -> {
                    ArrayNode list = body.putArray(field.name());
                    typed.getOrDefault(field.name(), List.of()).stream().map(String::strip)
                            .filter(value -> !value.isEmpty()).distinct().forEach(list::add);
                }
                case APPROVALS -> {
                    ArrayNode list = body.putArray(field.name());
                    for (String sector : field.options()) {
                        String name = first(typed, field.name() + "." + sector).strip();
                        if (!name.isEmpty()) {
                            list.addObject().put("sector", sector).put("name", name);
                        }
                    }
                }
            }
        }
        return new Result(body, errors);
    }

    /**
     * A number as people in Mexico type it: {@code 1,234.5} or {@code 1234.5}; a comma before exactly three digits
     * groups thousands. Anything else is not a number.
     */
    static BigDecimal number(String text) {
        String plain = text.replace(" ", "");
        if (!plain.matches("-?([0-9]{1,3}(,[0-9]{3})+|[0-9]+)(\\.[0-9]+)?")) {
            return null;
        }
        try {
            return new BigDecimal(plain.replace(",", ""));
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static String first(Map<String, List<String>> typed, String name) {
        List<String> values = typed.get(name);
        return values == null || values.isEmpty() || values.getFirst() == null ? "" : values.getFirst();
    }
}
