package mx.gobiernoabierto.compromisos.command.it;

import static mx.gobiernoabierto.compromisos.command.it.Api.body;
import static mx.gobiernoabierto.compromisos.command.it.Scenario.TODAY;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every row of the contract's error table: its status, its problem type, and no event written. */
class ErrorContractIntegrationTest extends IntegrationTest {

    private static final String UNKNOWN = "00000000-0000-4000-8000-000000000000";

    private Api api;
    private Scenario scenario;

    @BeforeEach
    void aCommitmentInDraftWithAMilestone() {
        api = api();
        scenario = new Scenario(api).planned();
    }

    static Stream<Arguments> badRequests() {
        return Stream.of(
                bad("malformed JSON", "", s -> "POST /milestones {\"title\": ", "validation", null),
                bad("missing field", "", s -> "POST /milestones " + json(body("title", "Hito", "description", "d",
                        "responsible", "r")), "validation", "dueDate"),
                bad("unknown field", "", s -> "POST /milestones " + json(body("title", "Hito", "description", "d",
                        "responsible", "r", "dueDate", TODAY.toString(), "colour", "rojo")), "validation", "colour"),
                bad("bad date", "", s -> "POST /milestones " + json(body("title", "Hito", "description", "d",
                        "responsible", "r", "dueDate", "2025-13-45")), "validation", "dueDate"),
                bad("negative weight", "", s -> "POST /milestones " + json(body("title", "Hito", "description", "d",
                        "responsible", "r", "dueDate", TODAY.toString(), "weight", -2)), "validation", "weight"),
                bad("due date outside the commitment", "", s -> "POST /milestones " + json(body("title", "Hito",
                        "description", "d", "responsible", "r", "dueDate", TODAY.plusYears(3).toString())),
                        "validation", "dueDate"),
                bad("unknown enum value", "", s -> "POST /indicators " + json(body("name", "n", "kind", "VIBES",
                        "unit", "u", "baseline", 1, "baselineDate", "2024-01-01", "target", 2, "targetDate",
                        "2025-01-01", "direction", "INCREASE", "frequency", "ANNUAL", "meansOfVerification", "m")),
                        "validation", "kind"),
                bad("number as text", "", s -> "POST /indicators " + json(body("name", "n", "kind", "OUTPUT",
                        "unit", "u", "baseline", "uno", "baselineDate", "2024-01-01", "target", 2, "targetDate",
                        "2025-01-01", "direction", "INCREASE", "frequency", "ANNUAL", "meansOfVerification", "m")),
                        "validation", "baseline"),
                bad("bad SDG code", "", s -> "PUT /details " + json(detailsWith("sdgTargets", List.of("16.6", "18.1"))),
                        "validation", "sdgTargets"),
                bad("end before start", "", s -> "PUT /details " + json(detailsWith("endDate", "2020-01-01")),
                        "validation", "endDate"),
                bad("adoption without all sectors", "", s -> "POST /adoption " + json(body("sessionDate",
                        TODAY.toString(), "approvals", List.of(body("sector", "GOVERNMENT", "name", "Ana")))),
                        "validation", "approvals"),
                bad("session date in the future", "", s -> "POST /adoption " + json(body("sessionDate",
                        TODAY.plusDays(2).toString(), "approvals", allSectors())), "validation", "sessionDate"),
                bad("malformed If-Match", "abc", s -> "POST /suspension " + json(body("reason", "veda")),
                        "validation", "If-Match"),
                bad("malformed commitment id", "", s -> "POST !/api/v1/commitments/not-a-uuid/suspension "
                        + json(body("reason", "veda")), "validation", "commitmentId"),
                bad("progress on a draft", "", s -> "POST /milestones/" + s.milestoneId + "/progress "
                        + json(body("percent", 10, "reportedOn", TODAY.toString())), "invalid-state", null),
                bad("resume what is not suspended", "", s -> "POST /resumption {}", "invalid-state", null),
                bad("version mismatch", "\"0\"", s -> "POST /suspension " + json(body("reason", "veda")),
                        "version-conflict", null),
                bad("unknown commitment", "", s -> "POST !/api/v1/commitments/" + UNKNOWN + "/suspension "
                        + json(body("reason", "veda")), "not-found", null),
                bad("unknown milestone", "", s -> "POST /milestones/" + UNKNOWN + "/reschedule "
                        + json(body("newDueDate", TODAY.toString(), "reason", "r")), "not-found", null),
                bad("unknown plan", "", s -> "POST !/api/v1/commitments " + json(Scenario.draftBody(UNKNOWN, "X-1")),
                        "not-found", null),
                bad("duplicate code", "", s -> "POST !/api/v1/commitments " + json(Scenario.draftBody(s.planId,
                        s.code())), "duplicate-code", null));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badRequests")
    void badRequestsGetTheirProblemAndWriteNothing(String name, String ifMatch, Function<Scenario, String> request,
                                                   String type, String field) {
        long eventsBefore = allStoredEvents();
        String line = request.apply(scenario);
        String method = line.substring(0, line.indexOf(' '));
        String rest = line.substring(line.indexOf(' ') + 1);
        String path = rest.substring(0, rest.indexOf(' '));
        String json = rest.substring(rest.indexOf(' ') + 1);
        String url = path.startsWith("!") ? path.substring(1) : scenario.path(path);

        Api.Reply reply = ifMatch.isEmpty() ? api.send(method, url, json) : api.send(method, url, json, "If-Match", ifMatch);

        assertThat(reply.status()).as(reply.toString()).isEqualTo(switch (type) {
            case "validation" -> 400;
            case "not-found" -> 404;
            default -> 409;
        });
        assertThat(reply.header("Content-Type")).startsWith("application/problem+json");
        assertThat(reply.field("type")).endsWith("/" + type);
        assertThat(reply.json().get("title").asString()).isNotBlank();
        assertThat(reply.json().get("status").asInt()).isEqualTo(reply.status());
        assertThat(reply.json().get("detail").asString()).isNotBlank().doesNotContain("Exception", "mx.gobiernoabierto");
        if (field != null) {
            assertThat(reply.json().get("errors").findValuesAsString("field")).contains(field);
        }
        if (type.equals("version-conflict")) {
            assertThat(reply.json().get("currentVersion").asLong()).isEqualTo(2);
        }
        assertThat(allStoredEvents()).isEqualTo(eventsBefore);
    }

    @Test
    void aBodyOverOneMebibyteIsRefusedWith413() {
        long eventsBefore = allStoredEvents();
        String huge = json(body("reason", "x".repeat(1024 * 1024 + 10)));

        Api.Reply reply = api.post(scenario.path("/suspension"), huge);

        assertThat(reply.status()).isEqualTo(413);
        assertThat(reply.field("type")).endsWith("/payload-too-large");
        assertThat(allStoredEvents()).isEqualTo(eventsBefore);
    }

    @Test
    void aRepeatedIdempotencyKeyReturnsTheFirstAnswerAndWritesOnce() {
        Map<String, Object> milestone = body("title", "Segundo hito", "description", "d", "responsible", "r",
                "dueDate", TODAY.toString());
        Api.Reply first = api.post(scenario.path("/milestones"), milestone, "Idempotency-Key", "jal-hito-2-" + scenario.commitmentId);
        long eventsAfterFirst = storedEvents(scenario.commitmentId);

        Api.Reply repeat = api.post(scenario.path("/milestones"), milestone, "Idempotency-Key", "jal-hito-2-" + scenario.commitmentId);

        assertThat(first.status()).isEqualTo(201);
        assertThat(repeat.status()).isEqualTo(201);
        assertThat(repeat.text()).isEqualTo(first.text());
        assertThat(repeat.header("ETag")).isEqualTo(first.header("ETag"));
        assertThat(repeat.header("Location")).isEqualTo(first.header("Location"));
        assertThat(storedEvents(scenario.commitmentId)).isEqualTo(eventsAfterFirst);
    }

    @Test
    void anIdempotencyKeyReusedWithAnotherBodyIs422AndWritesNothing() {
        String key = "clave-" + scenario.commitmentId;
        api.post(scenario.path("/milestones"), body("title", "Hito A", "description", "d", "responsible", "r",
                "dueDate", TODAY.toString()), "Idempotency-Key", key);
        long eventsBefore = storedEvents(scenario.commitmentId);

        Api.Reply reuse = api.post(scenario.path("/milestones"), body("title", "Hito B", "description", "d",
                "responsible", "r", "dueDate", TODAY.toString()), "Idempotency-Key", key);

        assertThat(reuse.status()).isEqualTo(422);
        assertThat(reuse.field("type")).endsWith("/idempotency-key-reuse");
        assertThat(storedEvents(scenario.commitmentId)).isEqualTo(eventsBefore);
    }

    @Test
    void aFailedRequestKeepsNoIdempotencyKeySoARetryIsJudgedAfresh() {
        String key = "reintento-" + scenario.commitmentId;
        Map<String, Object> start = body("startedOn", TODAY.toString());
        Api.Reply tooEarly = api.post(scenario.path("/implementation"), start, "Idempotency-Key", key);
        assertThat(tooEarly.status()).isEqualTo(409);

        scenario.ok(api.post(scenario.path("/adoption"), body("sessionDate", TODAY.toString(), "approvals", allSectors())));
        Api.Reply retried = api.post(scenario.path("/implementation"), start, "Idempotency-Key", key);

        assertThat(retried.status()).isEqualTo(200);
    }

    @Test
    void aMatchingIfMatchIsAccepted() {
        Api.Reply reply = api.post(scenario.path("/suspension"), body("reason", "veda"), "If-Match", "\"2\"");

        assertThat(reply.status()).isEqualTo(409); // a draft cannot be suspended: the version check passed first
        assertThat(reply.field("type")).endsWith("/invalid-state");
        Api.Reply revised = api.put(scenario.path("/details"), detailsWith("title", "Presupuesto abierto"), "If-Match", "\"2\"");
        assertThat(revised.status()).isEqualTo(200);
        assertThat(revised.header("ETag")).isEqualTo("\"3\"");
    }

    private static Arguments bad(String name, String ifMatch, Function<Scenario, String> request, String type, String field) {
        return Arguments.of(name, ifMatch, request, type, field);
    }

    private static String json(Object body) {
        return Api.JSON.writeValueAsString(body);
    }

    private static List<Map<String, Object>> allSectors() {
        return List.of(body("sector", "GOVERNMENT", "name", "Ana"), body("sector", "TRANSPARENCY_BODY", "name", "Luis"),
                body("sector", "CIVIL_SOCIETY", "name", "Eva"));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> detailsWith(String field, Object value) {
        Map<String, Object> details = new java.util.LinkedHashMap<>((Map<String, Object>) Scenario.draftBody("x", "x"));
        details.remove("planId");
        details.remove("code");
        details.put(field, value);
        return details;
    }
}
