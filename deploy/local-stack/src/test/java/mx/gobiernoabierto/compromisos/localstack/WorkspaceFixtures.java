package mx.gobiernoabierto.compromisos.localstack;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.JsonNode;

/**
 * Commitments in each stage, written through the command service's API by an editor of the plan's STL, each with
 * one milestone and one indicator, and read back on the query side before a test opens its pages.
 */
final class WorkspaceFixtures {

    /** A commitment and the milestone and indicator it was drafted with. */
    record Fixture(String id, String milestone, String indicator) {
    }

    private final Client editor;
    private final Client query;
    private final String planId;
    private final String codePrefix;
    private final LocalDate today;
    private int counter;

    WorkspaceFixtures(Client editor, Client query, String planId, String codePrefix, LocalDate today) {
        this.editor = editor;
        this.query = query;
        this.planId = planId;
        this.codePrefix = codePrefix;
        this.today = today;
    }

    Fixture draft() {
        String code = codePrefix + (++counter);
        String id = editor.post("/api/v1/commitments", Map.ofEntries(Map.entry("planId", planId),
                Map.entry("code", code), Map.entry("title", "Presupuesto abierto " + counter),
                Map.entry("publicProblem", "No se sabe en qué se gasta"), Map.entry("objective", "Publicarlo"),
                Map.entry("responsibleInstitutions", List.of("Hacienda")), Map.entry("civilSocietyOrganisations", List.of()),
                Map.entry("ogpValues", List.of("TRANSPARENCY")), Map.entry("sdgTargets", List.of("16.6")),
                Map.entry("startDate", "2025-01-01"), Map.entry("endDate", "2027-12-31"))).get("commitmentId").asString();
        String path = "/api/v1/commitments/" + id;
        String milestone = editor.post(path + "/milestones", Map.of("title", "Portal", "description", "d",
                "dueDate", "2027-06-30", "responsible", "Transparencia")).get("milestoneId").asString();
        JsonNode indicator = editor.post(path + "/indicators", Map.ofEntries(
                Map.entry("name", "Partidas publicadas"), Map.entry("kind", "OUTPUT"), Map.entry("unit", "%"),
                Map.entry("baseline", 10), Map.entry("baselineDate", "2025-01-01"), Map.entry("target", 2000),
                Map.entry("targetDate", "2027-12-31"), Map.entry("direction", "INCREASE"),
                Map.entry("frequency", "QUARTERLY"), Map.entry("meansOfVerification", "Portal")));
        return caughtUp(new Fixture(id, milestone, indicator.get("indicatorId").asString()),
                indicator.get("version").asLong());
    }

    Fixture adopted() {
        Fixture c = draft();
        return caughtUp(c, editor.post(path(c) + "/adoption", Map.of("sessionDate", today.toString(), "approvals",
                List.of(Map.of("sector", "GOVERNMENT", "name", "Ana"), Map.of("sector", "TRANSPARENCY_BODY", "name", "Luis"),
                        Map.of("sector", "CIVIL_SOCIETY", "name", "Eva")))).get("version").asLong());
    }

    Fixture inImplementation() {
        Fixture c = adopted();
        return caughtUp(c, editor.post(path(c) + "/implementation", Map.of("startedOn", today.toString()))
                .get("version").asLong());
    }

    Fixture suspended() {
        Fixture c = inImplementation();
        return caughtUp(c, editor.post(path(c) + "/suspension", Map.of("reason", "Sin presupuesto este año"))
                .get("version").asLong());
    }

    /** Records a measurement of the commitment's indicator; its id, once the query side has it. */
    String measurement(Fixture c, int value) {
        JsonNode answer = editor.post(path(c) + "/indicators/" + c.indicator() + "/measurements",
                Map.of("value", value, "measuredOn", today.toString(), "source", "Informe"));
        caughtUp(c, answer.get("version").asLong());
        return answer.get("measurementId").asString();
    }

    private static String path(Fixture c) {
        return "/api/v1/commitments/" + c.id();
    }

    private Fixture caughtUp(Fixture c, long version) {
        query.get(path(c) + "?minVersion=" + version);
        return c;
    }
}
