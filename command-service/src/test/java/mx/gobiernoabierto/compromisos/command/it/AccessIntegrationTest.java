package mx.gobiernoabierto.compromisos.command.it;

import static mx.gobiernoabierto.compromisos.command.it.Api.body;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** Authentication, the answers around the matrix (unknown ids, operator endpoints), the log of refusals, headers. */
class AccessIntegrationTest extends IntegrationTest {

    private static final String UNKNOWN = "00000000-0000-4000-8000-000000000000";

    @Test
    void aWrongPasswordOrAnUnknownUserIs401WithAChallengeAndWritesNothing() {
        Scenario scenario = new Scenario(api()).drafted();
        long before = allStoredEvents();

        for (String credentials : new String[] {"editor.jalisco:demo-oaxaca", "nadie:demo-jalisco", "editor.jalisco:"}) {
            Api.Reply reply = anonymousApi().withAuthorization("Basic " + Base64.getEncoder()
                            .encodeToString(credentials.getBytes(StandardCharsets.UTF_8)))
                    .post(scenario.path("/cancellation"), body("reason", "r"));

            assertThat(reply.status()).as(credentials).isEqualTo(401);
            assertThat(reply.field("type")).isEqualTo("/problems/unauthorized");
            assertThat(reply.headers().entrySet()).filteredOn(h -> h.getKey().equalsIgnoreCase("WWW-Authenticate"))
                    .flatExtracting(java.util.Map.Entry::getValue)
                    .contains("Basic realm=\"compromisos\", charset=\"UTF-8\"", "Bearer realm=\"compromisos\"");
        }
        assertThat(anonymousApi().withAuthorization("Basic %%%").post(scenario.path("/cancellation"),
                body("reason", "r")).status()).isEqualTo(401);
        assertThat(allStoredEvents()).isEqualTo(before);
    }

    @Test
    void readsArePublic() {
        Scenario scenario = new Scenario(api()).drafted();

        assertThat(anonymousApi().get(scenario.path("/integrity")).status()).isEqualTo(200);
        assertThat(anonymousApi().get("/actuator/health").status()).isEqualTo(200);
        assertThat(anonymousApi().get("/actuator/prometheus").status()).isEqualTo(200);
        assertThat(anonymousApi().get("/problems/forbidden").field("meaning")).contains("STL_EDITOR");
    }

    @Test
    void operatorEndpointsNeedTheAdministrator() {
        Api.Reply anonymous = anonymousApi().get("/actuator/metrics");
        Api.Reply editor = api().get("/actuator/metrics");
        Api.Reply admin = api(DemoUser.ADMIN).get("/actuator/metrics");

        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(editor.status()).isEqualTo(403);
        assertThat(editor.field("type")).isEqualTo("/problems/forbidden");
        assertThat(admin.status()).isEqualTo(200);
    }

    @Test
    void anEditorAskingAboutACommitmentThatDoesNotExistGets404AndAnonymousGets401First() {
        String path = "/api/v1/commitments/" + UNKNOWN + "/suspension";

        assertThat(api(DemoUser.EDITOR_JALISCO).post(path, body("reason", "r")).status()).isEqualTo(404);
        assertThat(api(DemoUser.EDITOR_OAXACA).post(path, body("reason", "r")).status()).isEqualTo(404);
        assertThat(anonymousApi().post(path, body("reason", "r")).status()).isEqualTo(401);
        assertThat(api(DemoUser.EVALUATOR).post(path, body("reason", "r")).status()).isEqualTo(403);
        assertThat(api(DemoUser.EDITOR_OAXACA).post("/api/v1/commitments/no-es-un-id/suspension", body("reason", "r"))
                .status()).isEqualTo(400);
        assertThat(api(DemoUser.EDITOR_OAXACA).post("/api/v1/commitments", Scenario.draftBody(UNKNOWN, "X-1"))
                .status()).isEqualTo(404);
    }

    @Test
    void aRefusalIsLoggedWithThePrincipalAndTheTarget() {
        Scenario scenario = new Scenario(api()).drafted();
        Logger logger = (Logger) LoggerFactory.getLogger("mx.gobiernoabierto.compromisos.support.security.AccessDenials");
        ListAppender<ILoggingEvent> appender = new ListAppender<>();
        appender.start();
        logger.addAppender(appender);
        try {
            api(DemoUser.EDITOR_OAXACA).post(scenario.path("/cancellation"), body("reason", "r"));
            anonymousApi().post(scenario.path("/suspension"), body("reason", "r"));
        } finally {
            logger.detachAppender(appender);
        }

        assertThat(appender.list).extracting(ILoggingEvent::getFormattedMessage).anySatisfy(line -> assertThat(line)
                .contains("forbidden", "principal=usr-oax-editor-01", "method=POST", "path=" + scenario.path("/cancellation")));
        assertThat(appender.list).extracting(ILoggingEvent::getFormattedMessage).anySatisfy(line -> assertThat(line)
                .contains("unauthenticated", "principal=anonymous", "path=" + scenario.path("/suspension")));
        assertThat(appender.list).extracting(e -> e.getLevel().toString()).containsOnly("WARN");
    }

    @Test
    void oneCallersIdempotencyKeyIsNeverReplayedToAnother() {
        Scenario scenario = new Scenario(api()).drafted();
        String key = "compartida-" + scenario.commitmentId;
        Map<String, Object> milestone = body("title", "Hito", "description", "d", "responsible", "r",
                "dueDate", Scenario.TODAY.toString());
        assertThat(api().post(scenario.path("/milestones"), milestone, "Idempotency-Key", key).status()).isEqualTo(201);

        Api.Reply other = api(DemoUser.EDITOR_OAXACA).post(scenario.path("/milestones"), milestone, "Idempotency-Key", key);

        assertThat(other.status()).isEqualTo(403);
        assertThat(other.header("Idempotent-Replayed")).isNull();
    }

    @Test
    void answersCarryTheSecurityHeaders() {
        Api.Reply command = api().post("/api/v1/commitments/" + UNKNOWN + "/suspension", body("reason", "r"));
        Api.Reply read = anonymousApi().get("/api/v1/commitments/" + UNKNOWN + "/integrity");
        Api.Reply docs = anonymousApi().get("/swagger-ui/index.html");

        for (Api.Reply reply : new Api.Reply[] {command, read}) {
            assertThat(reply.header("X-Content-Type-Options")).isEqualTo("nosniff");
            assertThat(reply.header("X-Frame-Options")).isEqualTo("DENY");
            assertThat(reply.header("Referrer-Policy")).isEqualTo("no-referrer");
            assertThat(reply.header("Cache-Control")).contains("no-store");
            assertThat(reply.header("Content-Security-Policy")).startsWith("default-src 'none'").contains("frame-ancestors 'none'");
            assertThat(reply.header("Set-Cookie")).isNull();
        }
        assertThat(docs.status()).isEqualTo(200);
        assertThat(docs.header("Content-Security-Policy")).startsWith("default-src 'self'").contains("frame-ancestors 'none'");
    }
}
