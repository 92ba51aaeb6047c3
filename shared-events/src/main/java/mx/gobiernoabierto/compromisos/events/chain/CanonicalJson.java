package mx.gobiernoabierto.compromisos.events.chain;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.JsonNode;

/**
 * RFC 8785 JSON Canonicalization Scheme (JCS): object members sorted by the UTF-16 code units of their names,
 * no insignificant white space, strings with only the escapes JSON requires, and numbers as IEEE 754 doubles
 * written the way ECMAScript's {@code Number.prototype.toString} writes them.
 */
public final class CanonicalJson {

    private CanonicalJson() {
    }

    /** The canonical text of a JSON value; throws {@link IllegalArgumentException} for NaN or infinite numbers. */
    public static String canonicalize(JsonNode node) {
        StringBuilder out = new StringBuilder();
        write(node, out);
        return out.toString();
    }

    private static void write(JsonNode node, StringBuilder out) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            out.append("null");
        } else if (node.isObject()) {
            List<Map.Entry<String, JsonNode>> members = new ArrayList<>(node.properties());
            members.sort(Map.Entry.comparingByKey());
            out.append('{');
            for (int i = 0; i < members.size(); i++) {
                if (i > 0) {
                    out.append(',');
                }
                writeString(members.get(i).getKey(), out);
                out.append(':');
                write(members.get(i).getValue(), out);
            }
            out.append('}');
        } else if (node.isArray()) {
            out.append('[');
            for (int i = 0; i < node.size(); i++) {
                if (i > 0) {
                    out.append(',');
                }
                write(node.get(i), out);
            }
            out.append(']');
        } else if (node.isBoolean()) {
            out.append(node.booleanValue());
        } else if (node.isNumber()) {
            // numberValue().doubleValue() gives ±Infinity for a decimal beyond the double range, which number()
            // rejects as documented; JsonNode.doubleValue() would throw a Jackson exception instead
            out.append(number(node.numberValue().doubleValue()));
        } else if (node.isString()) {
            writeString(node.stringValue(), out);
        } else {
            throw new IllegalArgumentException("not a JSON value: " + node.getNodeType());
        }
    }

    private static void writeString(String value, StringBuilder out) {
        out.append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }

    /**
     * ECMAScript's Number-to-String for a double: the shortest digits that round-trip (see
     * {@link #shortestDigits}), in plain notation for exponents from -7 to 20 and in {@code d.ddde±x} notation
     * otherwise.
     */
    static String number(double value) {
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            throw new IllegalArgumentException("JSON has no " + value);
        }
        if (value == 0) {
            return "0";
        }
        String sign = value < 0 ? "-" : "";
        BigDecimal shortest = shortestDigits(Math.abs(value));
        String digits = shortest.unscaledValue().toString();
        int k = digits.length();
        int n = k - shortest.scale();
        StringBuilder out = new StringBuilder(sign);
        if (k <= n && n <= 21) {
            out.append(digits).append("0".repeat(n - k));
        } else if (0 < n && n <= 21) {
            out.append(digits, 0, n).append('.').append(digits, n, k);
        } else if (-6 < n && n <= 0) {
            out.append("0.").append("0".repeat(-n)).append(digits);
        } else {
            int exponent = n - 1;
            out.append(digits.charAt(0));
            if (k > 1) {
                out.append('.').append(digits, 1, k);
            }
            out.append('e').append(exponent < 0 ? '-' : '+').append(Math.abs(exponent));
        }
        return out.toString();
    }

    /**
     * The shortest decimal that rounds to {@code magnitude} (positive and finite), the closest to it if several
     * have that length. {@link Double#toString} picks the same decimal but for one case: where a single digit
     * would do, it may write two that lie closer ({@code 4.9E-324} for {@link Double#MIN_VALUE}, which
     * ECMAScript writes {@code 5e-324}); then the closest one-digit decimal that rounds to the value is taken.
     */
    private static BigDecimal shortestDigits(double magnitude) {
        BigDecimal javaDigits = new BigDecimal(Double.toString(magnitude)).stripTrailingZeros();
        if (javaDigits.precision() != 2) {
            return javaDigits;
        }
        BigDecimal exact = new BigDecimal(magnitude);
        BigDecimal best = null;
        for (RoundingMode mode : new RoundingMode[] {RoundingMode.FLOOR, RoundingMode.CEILING}) {
            BigDecimal candidate = javaDigits.round(new MathContext(1, mode));
            if (Double.parseDouble(candidate.toString()) != magnitude) {
                continue;
            }
            if (best == null) {
                best = candidate;
            } else {
                int closer = candidate.subtract(exact).abs().compareTo(best.subtract(exact).abs());
                if (closer < 0 || (closer == 0 && !candidate.unscaledValue().testBit(0))) {
                    best = candidate;
                }
            }
        }
        return best == null ? javaDigits : best.stripTrailingZeros();
    }
}
