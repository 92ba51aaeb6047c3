package mx.gobiernoabierto.compromisos.events.chain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.DecimalNode;
import tools.jackson.databind.node.DoubleNode;
import tools.jackson.databind.node.ObjectNode;

import mx.gobiernoabierto.compromisos.events.wire.EventJson;

/** RFC 8785 (JSON Canonicalization Scheme), the form of the payload that the audit hash is computed over. */
class CanonicalJsonTest {

    @Test
    void theRfcExampleCanonicalizesAsTheRfcShows() {
        JsonNode input = EventJson.readTree(resource("canonical/rfc8785-example-input.json"));

        String canonical = CanonicalJson.canonicalize(input);

        assertThat(canonical).isEqualTo(resource("canonical/rfc8785-example-output.json"));
        assertThat(canonical.getBytes(StandardCharsets.UTF_8)).endsWith(
                HexFormat.of().parseHex("e282ac245c75303030665c6e4127425c225c5c5c5c5c222f227d"));
    }

    @Test
    void membersAreSortedByTheirNamesUtf16CodeUnitsAsInTheRfcSortingExample() {
        ObjectNode object = EventJson.mapper().createObjectNode();
        object.put("\u20ac", "Euro Sign");
        object.put("\r", "Carriage Return");
        object.put("\ufb33", "Hebrew Letter Dalet With Dagesh");
        object.put("1", "One");
        object.put("\ud83d\ude00", "Emoji: Grinning Face");
        object.put("\u0080", "Control");
        object.put("\u00f6", "Latin Small Letter O With Diaeresis");

        // U+1F600 (surrogates D83D DE00) comes before U+FB33: code units, not code points, decide
        assertThat(CanonicalJson.canonicalize(object)).isEqualTo("{"
                + "\"\\r\":\"Carriage Return\","
                + "\"1\":\"One\","
                + "\"\u0080\":\"Control\","
                + "\"\u00f6\":\"Latin Small Letter O With Diaeresis\","
                + "\"\u20ac\":\"Euro Sign\","
                + "\"\ud83d\ude00\":\"Emoji: Grinning Face\","
                + "\"\ufb33\":\"Hebrew Letter Dalet With Dagesh\"}");
    }

    @Test
    void nestedObjectsAndArraysAreCanonicalAtEveryLevelAndArraysKeepTheirOrder() {
        JsonNode input = EventJson.readTree("""
                { "b": [3, {"z": true, "a": null}, [2, 1]],
                  "a": { "d": [], "c": {} , "ñandú": "ave", "nido": "árbol" } }
                """);

        assertThat(CanonicalJson.canonicalize(input))
                .isEqualTo("{\"a\":{\"c\":{},\"d\":[],\"nido\":\"árbol\",\"ñandú\":\"ave\"},"
                        + "\"b\":[3,{\"a\":null,\"z\":true},[2,1]]}");
    }

    @Test
    void theSameValueWrittenInAnotherOrderOrLayoutHasTheSameCanonicalForm() {
        JsonNode compact = EventJson.readTree("{\"percent\":40,\"note\":\"Avance del 40 %\",\"evidenceUrls\":[]}");
        JsonNode spaced = EventJson.readTree("""
                {
                  "evidenceUrls" : [ ],
                  "note" : "Avance del 40 %",
                  "percent" : 40.0
                }
                """);

        assertThat(CanonicalJson.canonicalize(spaced)).isEqualTo(CanonicalJson.canonicalize(compact))
                .isEqualTo("{\"evidenceUrls\":[],\"note\":\"Avance del 40 %\",\"percent\":40}");
    }

    @ParameterizedTest(name = "{0} is written {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            `"\\u001f"`                | `"\\u001f"`
            `"\\u0000\\u0001\\u000B"`  | `"\\u0000\\u0001\\u000b"`
            `"línea 1\\nlínea 2"`      | `"línea 1\\nlínea 2"`
            `"\\b\\f\\r\\t"`           | `"\\b\\f\\r\\t"`
            `"dijo \\"sí\\""`          | `"dijo \\"sí\\""`
            `"C:\\\\datos"`            | `"C:\\\\datos"`
            `"https:\\/\\/datos.jalisco.gob.mx"` | `"https://datos.jalisco.gob.mx"`
            `"\\u007f"`                | `"\u007f"`
            `"Compañía"`              | `"Compañía"`
            `"\\u00f1 \\u20ac \\ud83d\\ude00"` | `"ñ € 😀"`
            `"120 € en Tlaquepaque 🚧"` | `"120 € en Tlaquepaque 🚧"`
            """)
    void stringsCarryOnlyTheEscapesJsonRequiresAndEverythingElseLiterally(String json, String canonical) {
        assertThat(CanonicalJson.canonicalize(EventJson.readTree(json))).isEqualTo(canonical);
    }

    @ParameterizedTest(name = "{0} is written {1}")
    @CsvSource(delimiter = '|', textBlock = """
            0                       | 0
            -0                      | 0
            -0.0                    | 0
            1                       | 1
            -1                      | -1
            100                     | 100
            0.5                     | 0.5
            4.5                     | 4.5
            4.50                    | 4.5
            12.50                   | 12.5
            2e-3                    | 0.002
            0.000001                | 0.000001
            1e-6                    | 0.000001
            1e-7                    | 1e-7
            -1.5e-10                | -1.5e-10
            1e20                    | 100000000000000000000
            1e21                    | 1e+21
            1E30                    | 1e+30
            1e23                    | 1e+23
            123456789012345680000   | 123456789012345680000
            9007199254740992        | 9007199254740992
            9007199254740993        | 9007199254740992
            5e-324                  | 5e-324
            1.7976931348623157e308  | 1.7976931348623157e+308
            333333333.33333329      | 333333333.3333333
            0.000000000000000000000000001 | 1e-27
            """)
    void numbersAreWrittenAsEcmaScriptWritesTheirDouble(String json, String canonical) {
        assertThat(CanonicalJson.canonicalize(EventJson.readTree(json))).isEqualTo(canonical);
    }

    /** RFC 8785, Appendix B: IEEE 754 bits and their canonical text. */
    @ParameterizedTest(name = "{0} is written {1}")
    @CsvSource(delimiter = '|', textBlock = """
            0000000000000000 | 0
            8000000000000000 | 0
            0000000000000001 | 5e-324
            8000000000000001 | -5e-324
            7fefffffffffffff | 1.7976931348623157e+308
            ffefffffffffffff | -1.7976931348623157e+308
            4340000000000000 | 9007199254740992
            c340000000000000 | -9007199254740992
            4430000000000000 | 295147905179352830000
            44b52d02c7e14af5 | 9.999999999999997e+22
            44b52d02c7e14af6 | 1e+23
            44b52d02c7e14af7 | 1.0000000000000001e+23
            444b1ae4d6e2ef4e | 999999999999999700000
            444b1ae4d6e2ef4f | 999999999999999900000
            444b1ae4d6e2ef50 | 1e+21
            3eb0c6f7a0b5ed8c | 9.999999999999997e-7
            3eb0c6f7a0b5ed8d | 0.000001
            41b3de4355555553 | 333333333.3333332
            41b3de4355555554 | 333333333.33333325
            41b3de4355555555 | 333333333.3333333
            41b3de4355555556 | 333333333.3333334
            41b3de4355555557 | 333333333.33333343
            becbf647612f3696 | -0.0000033333333333333333
            43143ff3c1cb0959 | 1424953923781206.2
            """)
    void numbersMatchTheRfcAppendixBVectors(String ieee754Bits, String canonical) {
        double value = Double.longBitsToDouble(Long.parseUnsignedLong(ieee754Bits, 16));

        assertThat(CanonicalJson.canonicalize(DoubleNode.valueOf(value))).isEqualTo(canonical);
    }

    @Test
    void numbersMatchWhatEcmaScriptWritesForAFrozenSampleOfDoubles() {
        List<String> vectors = resource("canonical/ecmascript-numbers.csv").lines()
                .filter(line -> !line.startsWith("#"))
                .toList();
        List<String> mismatches = new ArrayList<>();
        for (String vector : vectors) {
            String[] bitsAndText = vector.split(",");
            double value = Double.longBitsToDouble(Long.parseUnsignedLong(bitsAndText[0], 16));
            String canonical = CanonicalJson.canonicalize(DoubleNode.valueOf(value));
            if (!canonical.equals(bitsAndText[1])) {
                mismatches.add(bitsAndText[0] + ": expected " + bitsAndText[1] + " but was " + canonical);
            }
        }

        assertThat(vectors).hasSizeGreaterThan(1000);
        assertThat(mismatches).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(doubles = {Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY})
    void nanAndInfinityHaveNoJsonFormAndAreRejected(double notANumber) {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> CanonicalJson.canonicalize(DoubleNode.valueOf(notANumber)));
    }

    @Test
    void aDecimalBeyondTheRangeOfADoubleIsRejected() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> CanonicalJson.canonicalize(DecimalNode.valueOf(new BigDecimal("1E+400"))));
        assertThatIllegalArgumentException()
                .isThrownBy(() -> CanonicalJson.canonicalize(EventJson.readTree("{\"value\":-2e400}")));
    }

    private static String resource(String name) {
        try (InputStream in = CanonicalJsonTest.class.getClassLoader().getResourceAsStream(name)) {
            assertThat(in).as(name).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
