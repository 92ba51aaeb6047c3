package mx.gobiernoabierto.compromisos.command.it;

import static mx.gobiernoabierto.compromisos.command.it.Api.body;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Builds commitments through the HTTP API, step by step, as an STL would: the administrator registers the plan of
 * {@code stl-jalisco}, and the API given (the editor of Jalisco) does the rest.
 */
final class Scenario {

    static final LocalDate TODAY = LocalDate.now(ZoneId.of("America/Mexico_City"));
    static final String STL = "stl-jalisco";

    private final Api api;
    String planId;
    String commitmentId;
    String milestoneId;
    String indicatorId;

    Scenario(Api api) {
        this.api = api;
    }

    /** The API this scenario writes with. */
    Api api() {
        return api;
    }

    Scenario plan() {
        Api.Reply reply = api.as(DemoUser.ADMIN).post("/api/v1/plans", body("stlId", STL, "stlName", "STL Jalisco",
                "jurisdiction", "Jalisco", "title", "Plan de Acción Local 2024-2026",
                "periodStart", "2024-01-01", "periodEnd", "2026-12-31"));
        assertThat(reply.status()).as(reply.toString()).isEqualTo(201);
        planId = reply.field("planId");
        return this;
    }

    Api.Reply draft(String code) {
        return api.post("/api/v1/commitments", draftBody(planId, code));
    }

    static Map<String, Object> draftBody(String planId, String code) {
        return body("planId", planId, "code", code,
                "title", "Presupuesto abierto municipal",
                "publicProblem", "La ciudadanía no conoce en qué se gasta el presupuesto municipal.",
                "objective", "Publicar el presupuesto en datos abiertos con participación ciudadana.",
                "responsibleInstitutions", List.of("Secretaría de la Hacienda Pública"),
                "civilSocietyOrganisations", List.of("Observatorio Ciudadano de Jalisco"),
                "ogpValues", List.of("TRANSPARENCY", "CIVIC_PARTICIPATION"),
                "sdgTargets", List.of("16.6", "16.10"),
                "startDate", TODAY.minusMonths(6).toString(),
                "endDate", TODAY.plusMonths(6).toString());
    }

    private String code;

    String code() {
        return code;
    }

    Scenario drafted() {
        if (planId == null) {
            plan();
        }
        code = "JAL-" + UUID.randomUUID().toString().substring(0, 8);
        Api.Reply reply = draft(code);
        assertThat(reply.status()).as(reply.toString()).isEqualTo(201);
        commitmentId = reply.field("commitmentId");
        return this;
    }

    Scenario planned() {
        drafted();
        Api.Reply milestone = api.post(path("/milestones"), body("title", "Publicar el portal",
                "description", "Portal de presupuesto en datos abiertos", "dueDate", TODAY.plusMonths(1).toString(),
                "responsible", "Dirección de Transparencia", "weight", 2));
        assertThat(milestone.status()).as(milestone.toString()).isEqualTo(201);
        milestoneId = milestone.field("milestoneId");
        Api.Reply indicator = api.post(path("/indicators"), body("name", "Municipios con presupuesto abierto",
                "kind", "OUTPUT", "unit", "municipios", "baseline", 10, "baselineDate", "2024-01-01",
                "target", 125, "targetDate", "2026-12-31", "direction", "INCREASE", "frequency", "QUARTERLY",
                "meansOfVerification", "Portal estatal de transparencia", "sdgIndicator", "16.6.2"));
        assertThat(indicator.status()).as(indicator.toString()).isEqualTo(201);
        indicatorId = indicator.field("indicatorId");
        return this;
    }

    Scenario adopted() {
        planned();
        ok(api.post(path("/adoption"), body("sessionDate", TODAY.minusDays(10).toString(), "approvals", List.of(
                body("sector", "GOVERNMENT", "name", "Mtra. Ana López"),
                body("sector", "TRANSPARENCY_BODY", "name", "Lic. Pedro Ruiz"),
                body("sector", "CIVIL_SOCIETY", "name", "Dra. Carmen Vega")))));
        return this;
    }

    Scenario inImplementation() {
        adopted();
        ok(api.post(path("/implementation"), body("startedOn", TODAY.minusDays(5).toString())));
        return this;
    }

    String path(String suffix) {
        return "/api/v1/commitments/" + commitmentId + suffix;
    }

    Api.Reply ok(Api.Reply reply) {
        assertThat(reply.status()).as(reply.toString()).isBetween(200, 201);
        return reply;
    }
}
