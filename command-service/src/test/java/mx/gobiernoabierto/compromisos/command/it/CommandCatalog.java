package mx.gobiernoabierto.compromisos.command.it;

import static mx.gobiernoabierto.compromisos.command.it.Api.body;
import static mx.gobiernoabierto.compromisos.command.it.Scenario.TODAY;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Every command endpoint of the contract, each with the rule of who may send it and a setup that brings a fresh
 * commitment (written by the editor of Jalisco) to a state in which the command succeeds.
 */
final class CommandCatalog {

    private CommandCatalog() {
    }

    /** Who asks. */
    enum Asker {
        ANONYMOUS(null), EDITOR_OF_THE_STL(DemoUser.EDITOR_JALISCO), EDITOR_OF_ANOTHER_STL(DemoUser.EDITOR_OAXACA),
        EVALUATOR(DemoUser.EVALUATOR), ADMIN(DemoUser.ADMIN);

        final DemoUser user;

        Asker(DemoUser user) {
            this.user = user;
        }
    }

    /** Who may send a command: the contract's three rules. */
    enum Rule {
        ADMIN_ONLY, EDITOR_OF_THE_STL_ONLY, EVALUATOR_ONLY;

        /** The demo user this rule allows. */
        DemoUser allowed() {
            return switch (this) {
                case ADMIN_ONLY -> DemoUser.ADMIN;
                case EDITOR_OF_THE_STL_ONLY -> DemoUser.EDITOR_JALISCO;
                case EVALUATOR_ONLY -> DemoUser.EVALUATOR;
            };
        }

        int status(Asker asker, int success) {
            if (asker == Asker.ANONYMOUS) {
                return 401;
            }
            boolean allowed = switch (this) {
                case ADMIN_ONLY -> asker == Asker.ADMIN;
                case EDITOR_OF_THE_STL_ONLY -> asker == Asker.EDITOR_OF_THE_STL;
                case EVALUATOR_ONLY -> asker == Asker.EVALUATOR;
            };
            return allowed ? success : 403;
        }
    }

    /** A command ready to send: the commitment (or plan) it is about is already in a state that accepts it. */
    record Request(String method, String path, Map<String, Object> body) {
    }

    @FunctionalInterface
    interface Setup {
        Request prepare(Scenario scenario);
    }

    record Endpoint(String name, Rule rule, int success, Setup setup) {
    }

    static final List<Endpoint> ENDPOINTS = List.of(
            new Endpoint("POST /plans", Rule.ADMIN_ONLY, 201, s -> new Request("POST", "/api/v1/plans",
                    body("stlId", Scenario.STL, "stlName", "STL Jalisco", "jurisdiction", "Jalisco",
                            "title", "Plan de Acción Local 2024-2026", "periodStart", "2024-01-01", "periodEnd", "2026-12-31"))),
            new Endpoint("POST /commitments", Rule.EDITOR_OF_THE_STL_ONLY, 201, s -> {
                s.plan();
                return new Request("POST", "/api/v1/commitments",
                        Scenario.draftBody(s.planId, "JAL-" + UUID.randomUUID().toString().substring(0, 8)));
            }),
            new Endpoint("PUT /details", Rule.EDITOR_OF_THE_STL_ONLY, 200, s -> {
                s.drafted();
                Map<String, Object> details = new java.util.LinkedHashMap<>(draftDetails());
                details.put("title", "Presupuesto abierto y participativo");
                return new Request("PUT", s.path("/details"), details);
            }),
            new Endpoint("POST /milestones", Rule.EDITOR_OF_THE_STL_ONLY, 201, s -> {
                s.drafted();
                return new Request("POST", s.path("/milestones"), body("title", "Hito", "description", "Descripción",
                        "dueDate", TODAY.toString(), "responsible", "Dirección de Transparencia", "weight", 2));
            }),
            new Endpoint("POST /indicators", Rule.EDITOR_OF_THE_STL_ONLY, 201, s -> {
                s.drafted();
                return new Request("POST", s.path("/indicators"), body("name", "Indicador", "kind", "OUTPUT",
                        "unit", "municipios", "baseline", 10, "baselineDate", "2024-01-01", "target", 125,
                        "targetDate", "2026-12-31", "direction", "INCREASE", "frequency", "QUARTERLY",
                        "meansOfVerification", "Portal estatal", "sdgIndicator", "16.6.2"));
            }),
            new Endpoint("POST /adoption", Rule.EDITOR_OF_THE_STL_ONLY, 200, s -> {
                s.planned();
                return new Request("POST", s.path("/adoption"), body("sessionDate", TODAY.toString(),
                        "approvals", allSectors()));
            }),
            new Endpoint("POST /implementation", Rule.EDITOR_OF_THE_STL_ONLY, 200, s -> {
                s.adopted();
                return new Request("POST", s.path("/implementation"), body("startedOn", TODAY.toString()));
            }),
            new Endpoint("POST /milestones/{mid}/progress", Rule.EDITOR_OF_THE_STL_ONLY, 200, s -> {
                s.inImplementation();
                return new Request("POST", s.path("/milestones/" + s.milestoneId + "/progress"),
                        body("percent", 30, "note", "Portal en pruebas", "evidenceUrls",
                                List.of("https://transparencia.jalisco.gob.mx/presupuesto"), "reportedOn", TODAY.toString()));
            }),
            new Endpoint("POST /milestones/{mid}/completion", Rule.EDITOR_OF_THE_STL_ONLY, 200, s -> {
                s.inImplementation();
                return new Request("POST", s.path("/milestones/" + s.milestoneId + "/completion"),
                        body("completedOn", TODAY.toString(), "evidenceUrls", List.of("https://example.org/acta.pdf"),
                                "note", "Acta de entrega"));
            }),
            new Endpoint("POST /milestones/{mid}/reschedule", Rule.EDITOR_OF_THE_STL_ONLY, 200, s -> {
                s.planned();
                return new Request("POST", s.path("/milestones/" + s.milestoneId + "/reschedule"),
                        body("newDueDate", TODAY.plusMonths(2).toString(), "reason", "Veda electoral"));
            }),
            new Endpoint("POST /indicators/{iid}/measurements", Rule.EDITOR_OF_THE_STL_ONLY, 201, s -> {
                s.inImplementation();
                return new Request("POST", s.path("/indicators/" + s.indicatorId + "/measurements"),
                        body("value", 20.5, "measuredOn", TODAY.toString(), "source", "Portal estatal", "note", "Corte trimestral"));
            }),
            new Endpoint("POST /indicators/{iid}/measurements/{msid}/correction", Rule.EDITOR_OF_THE_STL_ONLY, 200, s -> {
                s.inImplementation();
                String measurementId = s.ok(s.api().post(s.path("/indicators/" + s.indicatorId + "/measurements"),
                        body("value", 20, "measuredOn", TODAY.toString(), "source", "Portal estatal"))).field("measurementId");
                return new Request("POST", s.path("/indicators/" + s.indicatorId + "/measurements/" + measurementId
                        + "/correction"), body("value", 21, "reason", "Se contó dos veces un municipio"));
            }),
            new Endpoint("POST /monitoring-reports", Rule.EDITOR_OF_THE_STL_ONLY, 201, s -> {
                s.inImplementation();
                return new Request("POST", s.path("/monitoring-reports"), body("periodEnd", TODAY.toString(),
                        "assessment", "ON_TRACK", "narrative", "Avance conforme al plan"));
            }),
            new Endpoint("POST /completion", Rule.EDITOR_OF_THE_STL_ONLY, 200, s -> {
                completed(s);
                return new Request("POST", s.path("/completion"), body("completedOn", TODAY.toString()));
            }),
            new Endpoint("POST /evaluation", Rule.EVALUATOR_ONLY, 200, s -> {
                completed(s);
                s.ok(s.api().post(s.path("/completion"), body("completedOn", TODAY.toString())));
                return new Request("POST", s.path("/evaluation"), body("evaluatedOn", TODAY.toString(),
                        "completionLevel", "COMPLETE", "didItOpenGovernment", "MAJOR",
                        "findings", "El portal se usa", "evaluator", "Mecanismo de Revisión Independiente"));
            }),
            new Endpoint("POST /suspension", Rule.EDITOR_OF_THE_STL_ONLY, 200, s -> {
                s.adopted();
                return new Request("POST", s.path("/suspension"), body("reason", "Veda electoral"));
            }),
            new Endpoint("POST /resumption", Rule.EDITOR_OF_THE_STL_ONLY, 200, s -> {
                s.adopted();
                s.ok(s.api().post(s.path("/suspension"), body("reason", "Veda electoral")));
                return new Request("POST", s.path("/resumption"), body());
            }),
            new Endpoint("POST /cancellation", Rule.EDITOR_OF_THE_STL_ONLY, 200, s -> {
                s.drafted();
                return new Request("POST", s.path("/cancellation"), body("reason", "El STL lo retiró"));
            }));

    static Endpoint endpoint(String name) {
        return ENDPOINTS.stream().filter(e -> e.name().equals(name)).findFirst().orElseThrow();
    }

    static void completed(Scenario s) {
        s.inImplementation();
        s.ok(s.api().post(s.path("/milestones/" + s.milestoneId + "/completion"),
                body("completedOn", TODAY.toString(), "evidenceUrls", List.of("https://example.org/acta.pdf"))));
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> draftDetails() {
        Map<String, Object> details = new java.util.LinkedHashMap<>((Map<String, Object>) Scenario.draftBody("x", "x"));
        details.remove("planId");
        details.remove("code");
        return details;
    }

    static List<Map<String, Object>> allSectors() {
        return List.of(body("sector", "GOVERNMENT", "name", "Ana"), body("sector", "TRANSPARENCY_BODY", "name", "Luis"),
                body("sector", "CIVIL_SOCIETY", "name", "Eva"));
    }
}
