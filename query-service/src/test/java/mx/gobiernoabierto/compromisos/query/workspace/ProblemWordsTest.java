package mx.gobiernoabierto.compromisos.query.workspace;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class ProblemWordsTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void aLifecycleRuleIsSaidAsWhatCouldNotBeDoneInTheCommitmentsStage() {
        ProblemWords.Said said = ProblemWords.of("avance", 409, json("""
                {"type":"https://x/problems/invalid-state","status":409,
                 "detail":"cannot log progress while the commitment is DRAFT; ..."}"""), Set.of("percent"));

        assertThat(said.summaryKey()).isEqualTo("espacio.regla.avance");
        assertThat(said.summaryArgs()).containsExactly("espacio.estadoEn.DRAFT");
    }

    @Test
    void eachFieldErrorLandsBesideItsFieldInSpanishAndOthersGoToTheSummary() {
        ProblemWords.Said said = ProblemWords.of("avance", 400, json("""
                {"type":"https://x/problems/validation","status":400,"errors":[
                 {"field":"evidenceUrls[0]","message":"not an http or https URL: ftp://x"},
                 {"field":"reportedOn","message":"reportedOn 2030-01-01 lies in the future (today is 2025-06-15)"}]}"""),
                Set.of("evidenceUrls", "reportedOn", "percent"));

        assertThat(said.fields()).containsEntry("evidenceUrls", "espacio.error.url")
                .containsEntry("reportedOn", "espacio.error.futuro").hasSize(2);
        assertThat(said.summaryKey()).isEqualTo("espacio.problema.validacion");

        said = ProblemWords.of("avance", 400, json("""
                {"type":"https://x/problems/validation","errors":[{"field":"If-Match","message":"bad"}]}"""),
                Set.of("percent"));
        assertThat(said.fields()).isEmpty();
        assertThat(said.summaryKey()).isEqualTo("espacio.problema.validacionGeneral");
    }

    @Test
    void aVersionConflictARefusalAndAnOtherRuleHaveTheirOwnWords() {
        assertThat(ProblemWords.of("informe", 409, json("{\"type\":\"/problems/version-conflict\",\"currentVersion\":7}"),
                Set.of()).summaryKey()).isEqualTo("espacio.problema.conflicto");
        assertThat(ProblemWords.of("avance", 403, json("{\"type\":\"/problems/forbidden\"}"), Set.of()).summaryKey())
                .isEqualTo("espacio.problema.prohibido");
        assertThat(ProblemWords.of("conclusion", 409, json("""
                {"type":"/problems/invalid-state","detail":"a commitment is completed only when all its milestones are; still open: m1"}"""),
                Set.of()).summaryKey()).isEqualTo("espacio.regla.hitosAbiertos");
        assertThat(ProblemWords.of("avance", 502, json("{}"), Set.of()).summaryKey())
                .isEqualTo("espacio.problema.servicio");
    }

    @Test
    void nestedFieldNamesBelongToTheirTopField() {
        assertThat(ProblemWords.topField("approvals[1].name")).isEqualTo("approvals");
        assertThat(ProblemWords.topField("evidenceUrls[0]")).isEqualTo("evidenceUrls");
        assertThat(ProblemWords.topField("percent")).isEqualTo("percent");
    }

    private static JsonNode json(String text) {
        return JSON.readTree(text);
    }
}
