package mx.gobiernoabierto.compromisos.query.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.http.HttpRequest;
import java.util.List;

import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Malformed and hostile query parameters and paths on every read: bad ids, huge values, injections, bad dates and
 * instants, out-of-range numbers. Every answer is a 4xx problem without internals, never a 5xx.
 */
class HostileQueryIntegrationTest extends QueryIntegrationTest {

    private static final String ID = "00000000-0000-4000-8000-000000000000";
    private static final List<String> BAD_IDS = List.of("no-es-un-id", "3F2B8C1E-6D4A-4F7E-9A1B-2C3D4E5F6A7B",
            "%27%20OR%20%271%27%3D%271", "a".repeat(3000), "%00", "..%2F..%2Fetc%2Fpasswd", "%2e%2e", "x;jsessionid=1",
            "%3Cscript%3Ealert(1)%3C%2Fscript%3E");
    private static final List<String> BAD_LIST_PARAMETERS = List.of("planId=no-es-un-id", "planId=%27%20OR%201%3D1--",
            "stlId=%27%20OR%201%3D1--", "stlId=" + "a".repeat(3000), "stlId=STL-JALISCO", "stlId=stl_jalisco",
            "status=VIBES", "status=%00", "sdgGoal=18", "sdgGoal=0", "sdgGoal=-1", "sdgGoal=abc",
            "sdgGoal=99999999999", "ogpValue=TRANSPARENCIA", "ogpValue=" + "x".repeat(3000), "page=-1",
            "page=99999999999", "page=abc", "page=4294968", "size=0", "size=501", "size=-5", "size=99999999999",
            "size=1e3", "on=2025-13-01", "on=2025-02-30", "on=ayer", "on=%2B999999999-12-31", "on=2025-1-5",
            "on=" + "9".repeat(3000));
    private static final List<String> BAD_DETAIL_PARAMETERS = List.of("on=2025-13-01", "on=%2B999999999-12-31",
            "minVersion=-1", "minVersion=abc", "minVersion=99999999999999999999", "minVersion=1e3",
            "asOf=ayer", "asOf=2025-13-01T00:00:00Z", "asOf=%2B999999999-12-31T00:00:00Z",
            "asOf=2025-03-01T12:00:00%2B01:00", "asOf=" + "1".repeat(3000));

    @Test
    void everyBadIdOrParameterIsA4xxProblem() {
        SoftAssertions softly = new SoftAssertions();
        for (String id : BAD_IDS) {
            for (String path : List.of("/api/v1/commitments/" + id, "/api/v1/commitments/" + id + "/history",
                    "/api/v1/commitments/" + id + "/integrity", "/api/v1/indicators/" + id + "/series",
                    "/api/v1/plans/" + id + "/progress")) {
                check(softly, path);
            }
        }
        for (String parameter : BAD_LIST_PARAMETERS) {
            check(softly, "/api/v1/commitments?" + parameter);
            check(softly, "/api/v1/export/commitments.csv?" + parameter.replaceFirst("^(page|size)=", "sdgGoal="));
        }
        for (String parameter : List.of("planId=no-es-un-id", "stlId=%27%20OR%201%3D1--", "stlId=" + "a".repeat(3000))) {
            check(softly, "/api/v1/sdg/progress?" + parameter);
        }
        for (String parameter : BAD_DETAIL_PARAMETERS) {
            check(softly, "/api/v1/commitments/" + ID + "?" + parameter);
        }
        check(softly, "/api/v1/plans/" + ID + "/progress?on=ayer");
        softly.assertAll();
    }

    @Test
    void aBodyOverOneMebibyteIs413EvenBeforeAuthentication() {
        byte[] huge = new byte[1024 * 1024 + 1];

        Http.Reply declared = http().send("POST", "/api/v1/admin/replay", HttpRequest.BodyPublishers.ofByteArray(huge),
                "Content-Type", "application/json");
        Http.Reply chunked = http().send("POST", "/api/v1/admin/replay",
                HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(huge)), "Content-Type", "application/json");

        for (Http.Reply reply : List.of(declared, chunked)) {
            assertThat(reply.status()).isEqualTo(413);
            assertThat(reply.json().get("type").asString()).isEqualTo("/problems/payload-too-large");
        }
    }

    private void check(SoftAssertions softly, String path) {
        Http.Reply reply = http().get(path);
        String what = path.substring(0, Math.min(path.length(), 120)) + " -> " + reply.status() + " "
                + reply.text().substring(0, Math.min(reply.text().length(), 200));
        softly.assertThat(reply.status()).as(what).isBetween(400, 499);
        softly.assertThat(reply.contentType()).as(what).startsWith("application/problem+json");
        if (reply.contentType().startsWith("application/problem+json")) {
            JsonNode problem = reply.json();
            softly.assertThat(problem.get("type").asString()).as(what).startsWith("/problems/");
            softly.assertThat(problem.get("status").asInt()).as(what).isEqualTo(reply.status());
        }
        softly.assertThat(reply.text()).as(what).doesNotContain("Exception", "\tat ", "org.", "java.", "SQL", "postgres");
    }
}
