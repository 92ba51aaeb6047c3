package mx.gobiernoabierto.compromisos.query.export;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CsvTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiterString = " => ", quoteCharacter = '`', value = {
            "=HYPERLINK(\"http://example.org\") => `\"'=HYPERLINK(\"\"http://example.org\"\")\"`",
            "=1+2 => '=1+2",
            "+cmd|' /C calc'!A0 => '+cmd|' /C calc'!A0",
            "-2+3 => '-2+3",
            "@SUM(A1:A2) => '@SUM(A1:A2)",
            "\uff1dcmd => '\uff1dcmd",
            "\uff20SUM(A1) => '\uff20SUM(A1)",
            "- => '-",
            "--5 => '--5"})
    void aCellThatASpreadsheetWouldRunAsAFormulaIsNeutralised(String value, String cell) {
        assertThat(Csv.cell(value)).isEqualTo(cell);
    }

    @Test
    void aCellStartingWithATabOrALineBreakIsNeutralisedAndQuotedWhereNeeded() {
        assertThat(Csv.cell("\t=1+2")).isEqualTo("'\t=1+2");
        assertThat(Csv.cell("\r=1+2")).isEqualTo("\"'\r=1+2\"");
        assertThat(Csv.cell("\n=1+2")).isEqualTo("\"'\n=1+2\"");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"-12", "-12.5", "0", "55.0", "16.6;16.10", "Presupuesto abierto", "JAL-2024-03", "2025-03-01"})
    void plainNumbersAndOrdinaryTextStayAsTheyAre(String value) {
        assertThat(Csv.cell(value)).isEqualTo(value);
    }

    @Test
    void commasQuotesAndLineBreaksAreQuotedAsRfc4180Says() {
        assertThat(Csv.cell("a,b")).isEqualTo("\"a,b\"");
        assertThat(Csv.cell("dijo \"sí\"")).isEqualTo("\"dijo \"\"sí\"\"\"");
        assertThat(Csv.cell("línea\notra")).isEqualTo("\"línea\notra\"");
    }
}
