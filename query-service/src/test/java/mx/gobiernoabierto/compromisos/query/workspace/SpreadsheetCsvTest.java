package mx.gobiernoabierto.compromisos.query.workspace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;

class SpreadsheetCsvTest {

    private static final List<String> REQUIRED = List.of("hito_id", "avance", "fecha");

    @Test
    void readsAUtf8FileWithCommasQuotesAndLineBreaksInsideQuotes() throws Exception {
        SpreadsheetCsv.Sheet sheet = SpreadsheetCsv.parse(bytes("""
                hito_id,avance,fecha,nota\r
                m1,60,2025-06-01,"Portal en pruebas, ""beta""\r
                segunda línea"\r
                m2,70,2025-06-02,\r
                """), REQUIRED);

        assertThat(sheet.separator()).isEqualTo(',');
        assertThat(sheet.rows()).hasSize(2);
        assertThat(sheet.rows().get(0).get("nota")).isEqualTo("Portal en pruebas, \"beta\"\r\nsegunda línea");
        assertThat(sheet.rows().get(1).line()).as("rows are numbered as the spreadsheet numbers them").isEqualTo(3);
        assertThat(sheet.rows().get(1).get("nota")).isEmpty();
    }

    @Test
    void readsWhatExcelInSpanishSavesSemicolonsAndAByteOrderMark() throws Exception {
        SpreadsheetCsv.Sheet sheet = SpreadsheetCsv.parse(bytes("\uFEFFhito_id;avance;fecha\r\nm1;60;05/06/2025\r\n;;\r\n"),
                REQUIRED);

        assertThat(sheet.separator()).isEqualTo(';');
        assertThat(sheet.header()).containsExactly("hito_id", "avance", "fecha");
        assertThat(sheet.rows()).as("an empty row is left out").hasSize(1);
        assertThat(sheet.rows().getFirst().get("fecha")).isEqualTo("05/06/2025");
    }

    @Test
    void aFileThatCannotBeReadWholeIsRefusedWithTheReasonAndTheLine() {
        assertThatThrownBy(() -> SpreadsheetCsv.parse(new byte[] {'h', 'i', (byte) 0xE9, '\n'}, REQUIRED))
                .hasFieldOrPropertyWithValue("reason", "espacio.csv.noUtf8");
        assertThatThrownBy(() -> SpreadsheetCsv.parse(bytes("hito_id,avance\nm1,60\n"), REQUIRED))
                .hasFieldOrPropertyWithValue("reason", "espacio.csv.columnas");
        assertThatThrownBy(() -> SpreadsheetCsv.parse(bytes("hito_id,avance,fecha\nm1,60,2025-01-01\nm2,\"70,2025\n"), REQUIRED))
                .hasFieldOrPropertyWithValue("reason", "espacio.csv.comillas").hasFieldOrPropertyWithValue("line", 3);
        assertThatThrownBy(() -> SpreadsheetCsv.parse(bytes("hito_id,avance,fecha\nm1,60,2025-01-01,extra\n"), REQUIRED))
                .hasFieldOrPropertyWithValue("reason", "espacio.csv.demasiadasCeldas").hasFieldOrPropertyWithValue("line", 2);
        assertThatThrownBy(() -> SpreadsheetCsv.parse(bytes("  \n"), REQUIRED))
                .hasFieldOrPropertyWithValue("reason", "espacio.csv.vacio");
        assertThatThrownBy(() -> SpreadsheetCsv.parse(bytes("hito_id,avance,fecha\nm1,6\"0,2025-01-01\n"), REQUIRED))
                .hasFieldOrPropertyWithValue("reason", "espacio.csv.comillas");
    }

    @Test
    void theTemplateLineQuotesWhatNeedsQuotingAndDisarmsFormulas() {
        assertThat(SpreadsheetCsv.line(List.of("a", "b,c", "=SUMA(A1)", "dijo \"sí\""))).isEqualTo(
                "a,\"b,c\",'=SUMA(A1),\"dijo \"\"sí\"\"\"\r\n");
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
