package mx.gobiernoabierto.compromisos.query.workspace;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class FormBodyTest {

    @Test
    void progressBecomesTheCommandsJsonWithOneEvidenceLinkPerLineAndEmptyOptionalFieldsLeftOut() {
        FormBody.Result result = FormBody.of(CommandForm.PROGRESS.fields(), Map.of("percent", List.of(" 60 "),
                "reportedOn", List.of("2025-06-15"), "note", List.of(""),
                "evidenceUrls", List.of("https://a.mx/1\r\n\r\n  https://a.mx/2  \n")));

        assertThat(result.errors()).isEmpty();
        assertThat(result.body().toString()).isEqualTo(
                "{\"percent\":60,\"reportedOn\":\"2025-06-15\",\"evidenceUrls\":[\"https://a.mx/1\",\"https://a.mx/2\"]}");
    }

    @Test
    void numbersAreReadAsMexicoWritesThemAndAnythingElseIsAnErrorOnItsField() {
        assertThat(FormBody.number("1,234.5")).isEqualByComparingTo("1234.5");
        assertThat(FormBody.number("-12.25")).isEqualByComparingTo("-12.25");
        assertThat(FormBody.number("1234")).isEqualByComparingTo(BigDecimal.valueOf(1234));
        assertThat(FormBody.number("1,23")).isNull();
        assertThat(FormBody.number("12,5")).as("a decimal comma is ambiguous: refused, not guessed").isNull();
        assertThat(FormBody.number("diez")).isNull();

        FormBody.Result result = FormBody.of(CommandForm.PROGRESS.fields(), Map.of("percent", List.of("60.5")));
        assertThat(result.errors()).containsEntry("percent", "espacio.error.entero");
        result = FormBody.of(CommandForm.MEASUREMENT.fields(), Map.of("value", List.of("mucho")));
        assertThat(result.errors()).containsEntry("value", "espacio.error.numero");
    }

    @Test
    void adoptionSendsOneApprovalPerSectorThatHasAName() {
        FormBody.Result result = FormBody.of(CommandForm.ADOPTION.fields(), Map.of("sessionDate", List.of("2025-06-01"),
                "approvals.GOVERNMENT", List.of("Ana"), "approvals.TRANSPARENCY_BODY", List.of(" "),
                "approvals.CIVIL_SOCIETY", List.of("Eva")));

        assertThat(result.body().toString()).isEqualTo("{\"sessionDate\":\"2025-06-01\",\"approvals\":["
                + "{\"sector\":\"GOVERNMENT\",\"name\":\"Ana\"},{\"sector\":\"CIVIL_SOCIETY\",\"name\":\"Eva\"}]}");
    }

    @Test
    void checkboxesBecomeListsWithoutRepeats() {
        FormBody.Result result = FormBody.of(List.of(CommandForm.Fields.DETAILS), Map.of(
                "ogpValues", List.of("TRANSPARENCY", "CIVIC_PARTICIPATION", "TRANSPARENCY"),
                "sdgTargets", List.of("16.6", "16.10")));

        assertThat(result.body().get("ogpValues").toString()).isEqualTo("[\"TRANSPARENCY\",\"CIVIC_PARTICIPATION\"]");
        assertThat(result.body().get("sdgTargets").toString()).isEqualTo("[\"16.6\",\"16.10\"]");
    }
}
