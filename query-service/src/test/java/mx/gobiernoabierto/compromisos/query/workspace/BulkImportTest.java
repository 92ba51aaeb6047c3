package mx.gobiernoabierto.compromisos.query.workspace;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import mx.gobiernoabierto.compromisos.events.CommitmentStatus;
import mx.gobiernoabierto.compromisos.events.Direction;
import mx.gobiernoabierto.compromisos.events.Frequency;
import mx.gobiernoabierto.compromisos.events.IndicatorKind;
import mx.gobiernoabierto.compromisos.events.OgpValue;
import mx.gobiernoabierto.compromisos.query.commitment.projection.CommitmentState;

class BulkImportTest {

    private static final CommitmentState MINE = new CommitmentState("c-1", "plan-1", "stl-jalisco", "JAL-01", "Título",
            "Problema", "Objetivo", List.of("Secretaría"), List.of(), List.of(OgpValue.TRANSPARENCY), List.of("16.6"),
            LocalDate.of(2025, 1, 1), LocalDate.of(2026, 12, 31), CommitmentStatus.IN_IMPLEMENTATION, null,
            List.of(new CommitmentState.Milestone("m-1", "Portal", "d", "r", LocalDate.of(2026, 1, 1),
                    LocalDate.of(2026, 1, 1), BigDecimal.ONE, 0, false, null, List.of())),
            List.of(new CommitmentState.Indicator("i-1", "Partidas", IndicatorKind.OUTPUT, "%", BigDecimal.ZERO,
                    LocalDate.of(2025, 1, 1), BigDecimal.TEN, LocalDate.of(2026, 12, 31), Direction.INCREASE,
                    Frequency.QUARTERLY, "Portal", null, List.of())),
            List.of(), null, 4, Instant.parse("2025-06-01T12:00:00Z"));

    @Test
    void eachProgressRowBecomesItsCommandOrSaysWhyItWillNotBeSent() throws Exception {
        SpreadsheetCsv.Sheet sheet = SpreadsheetCsv.parse(("hito_id,avance,fecha,nota,evidencias\n"
                + "m-1,60,2025-06-01,En pruebas,https://a.mx/1 https://a.mx/2\n"
                + "m-9,60,2025-06-01,,\n"
                + "m-1,sesenta,2025-13-01,,\n").getBytes(StandardCharsets.UTF_8), BulkImport.Kind.PROGRESS.required);

        List<BulkImport.Planned> rows = BulkImport.plan(BulkImport.Kind.PROGRESS, sheet, List.of(MINE));

        assertThat(rows.get(0).valid()).isTrue();
        assertThat(rows.get(0).apiPath()).isEqualTo("/api/v1/commitments/c-1/milestones/m-1/progress");
        assertThat(rows.get(0).body()).isEqualTo("{\"percent\":60,\"reportedOn\":\"2025-06-01\",\"note\":\"En pruebas\","
                + "\"evidenceUrls\":[\"https://a.mx/1\",\"https://a.mx/2\"]}");
        assertThat(rows.get(1).errors()).containsExactly("espacio.csv.error.hito");
        assertThat(rows.get(2).errors()).containsExactly("espacio.csv.error.avance", "espacio.csv.error.fecha");
        assertThat(rows.get(2).line()).isEqualTo(4);
    }

    @Test
    void measurementsFromExcelInSpanishTakeADecimalCommaAndDayFirstDates() throws Exception {
        SpreadsheetCsv.Sheet sheet = SpreadsheetCsv.parse(("indicador_id;valor;fecha;fuente\n"
                + "i-1;1.234,5;05/03/2025;Informe\n"
                + "i-1;12,5;2025-03-06;\n").getBytes(StandardCharsets.UTF_8), BulkImport.Kind.MEASUREMENTS.required);

        List<BulkImport.Planned> rows = BulkImport.plan(BulkImport.Kind.MEASUREMENTS, sheet, List.of(MINE));

        assertThat(rows.get(0).body()).isEqualTo("{\"value\":1234.5,\"measuredOn\":\"2025-03-05\",\"source\":\"Informe\"}");
        assertThat(rows.get(1).errors()).containsExactly("espacio.csv.error.fuente");
        assertThat(BulkImport.number("12,5", false)).as("in a comma-separated file a comma groups thousands").isNull();
        assertThat(BulkImport.number("1,234.5", false)).isEqualByComparingTo("1234.5");
        assertThat(BulkImport.date("31/02/2025")).isNull();
    }

    @Test
    void theTemplateListsOpenMilestonesWithTheColumnsTheImportReads() throws Exception {
        String template = BulkImport.template(BulkImport.Kind.PROGRESS, List.of(MINE));
        assertThat(template).startsWith("\uFEFFcompromiso_id,clave,hito_id,hito,avance,fecha,nota,evidencias\r\n")
                .contains("c-1,JAL-01,m-1,Portal,,,,\r\n");
        SpreadsheetCsv.parse(template.getBytes(StandardCharsets.UTF_8), BulkImport.Kind.PROGRESS.required);
    }
}
