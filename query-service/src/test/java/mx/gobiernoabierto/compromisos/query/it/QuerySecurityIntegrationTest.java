package mx.gobiernoabierto.compromisos.query.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Reads are public; the replay and the other operator endpoints need the administrator. */
class QuerySecurityIntegrationTest extends QueryIntegrationTest {

    private static final String REPLAY = "/api/v1/admin/replay";

    @Autowired
    MeterRegistry meters;

    @Test
    void aReplayWithoutCredentialsIs401() {
        double before = denied("unauthenticated");

        Http.Reply reply = http().post(REPLAY);

        assertThat(reply.status()).as(reply.toString()).isEqualTo(401);
        assertThat(reply.contentType()).startsWith("application/problem+json");
        assertThat(reply.json().get("type").asString()).isEqualTo("/problems/unauthorized");
        assertThat(reply.header("WWW-Authenticate")).startsWith("Basic realm=\"compromisos\"");
        assertThat(denied("unauthenticated")).isEqualTo(before + 1);
    }

    @Test
    void aReplayWithAWrongPasswordIs401() {
        assertThat(http().as("admin", "demo-jalisco").post(REPLAY).status()).isEqualTo(401);
    }

    @Test
    void aReplayAsAnEditorOrTheEvaluatorIs403() {
        double before = denied("forbidden");

        Http.Reply editor = http().as("editor.jalisco", "demo-jalisco").post(REPLAY);
        Http.Reply evaluator = http().as("evaluador", "demo-evaluador").post(REPLAY);

        assertThat(editor.status()).as(editor.toString()).isEqualTo(403);
        assertThat(editor.json().get("type").asString()).isEqualTo("/problems/forbidden");
        assertThat(evaluator.status()).isEqualTo(403);
        assertThat(denied("forbidden")).isEqualTo(before + 2);
    }

    @Test
    void aReplayAsTheAdministratorRuns() {
        Http.Reply reply = http().as("admin", "demo-admin").post(REPLAY);

        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        assertThat(reply.json().has("equal")).isTrue();
    }

    @Test
    void everyReadIsPublic() {
        String unknown = "00000000-0000-4000-8000-000000000000";
        for (String path : new String[] {"/api/v1/commitments", "/api/v1/commitments?stlId=stl-jalisco&size=5",
                "/api/v1/sdg/progress", "/api/v1/export/commitments.csv", "/v3/api-docs", "/actuator/health",
                "/actuator/prometheus", "/swagger-ui/index.html"}) {
            assertThat(http().get(path).status()).as(path).isEqualTo(200);
        }
        for (String path : new String[] {"/api/v1/commitments/" + unknown, "/api/v1/commitments/" + unknown + "/history",
                "/api/v1/plans/" + unknown + "/progress", "/api/v1/indicators/" + unknown + "/series"}) {
            Http.Reply reply = http().get(path);
            assertThat(reply.status()).as(path).isEqualTo(404);
            assertThat(reply.json().get("type").asString()).isEqualTo("/problems/not-found");
        }
    }

    @Test
    void operatorEndpointsOtherThanHealthAndPrometheusNeedTheAdministrator() {
        assertThat(http().get("/actuator/metrics").status()).isEqualTo(401);
        assertThat(http().as("editor.oaxaca", "demo-oaxaca").get("/actuator/metrics").status()).isEqualTo(403);
        assertThat(http().as("admin", "demo-admin").get("/actuator/metrics").status()).isEqualTo(200);
    }

    @Test
    void nothingButReadsAndTheReplayIsOpenToWrites() {
        assertThat(http().post("/api/v1/commitments").status()).isEqualTo(401);
        Http.Reply admin = http().as("admin", "demo-admin").post("/api/v1/commitments");
        assertThat(admin.status()).isEqualTo(405);
        assertThat(admin.contentType()).startsWith("application/problem+json");
    }

    @Test
    void answersCarryTheSecurityHeaders() {
        Http.Reply read = http().get("/api/v1/commitments");
        Http.Reply docs = http().get("/swagger-ui/index.html");

        assertThat(read.header("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(read.header("X-Frame-Options")).isEqualTo("DENY");
        assertThat(read.header("Referrer-Policy")).isEqualTo("no-referrer");
        assertThat(read.header("Content-Security-Policy")).startsWith("default-src 'none'");
        assertThat(read.header("Set-Cookie")).isNull();
        assertThat(docs.header("Content-Security-Policy")).startsWith("default-src 'self'");
    }

    private double denied(String reason) {
        Counter counter = meters.find("compromisos.access.denied").tag("reason", reason).counter();
        return counter == null ? 0 : counter.count();
    }
}
