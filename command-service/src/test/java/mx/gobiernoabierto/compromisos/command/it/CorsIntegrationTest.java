package mx.gobiernoabierto.compromisos.command.it;

import static mx.gobiernoabierto.compromisos.command.it.Api.body;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * Cross-origin sharing: the portal's origin (by default {@code http://localhost:8082}) may read the public answers
 * from a browser, other origins may not, and no origin may write.
 */
class CorsIntegrationTest extends IntegrationTest {

    private static final String PORTAL = "http://localhost:8082";

    @Test
    void thePortalsOriginMayReadIntegrityFromABrowserWithoutCredentials() {
        Scenario scenario = new Scenario(api()).drafted();

        Api.Reply reply = anonymousApi().send("GET", scenario.path("/integrity"), null, "Origin", PORTAL,
                "Accept", "application/json");

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.header("Access-Control-Allow-Origin")).isEqualTo(PORTAL);
        assertThat(reply.header("Access-Control-Allow-Credentials")).isNull();
        assertThat(reply.header("Vary")).contains("Origin");
        assertThat(reply.json().get("valid").asBoolean()).isTrue();
    }

    @Test
    void aPreflightForAReadIsAnsweredForThePortalOnly() {
        Scenario scenario = new Scenario(api()).drafted();

        Api.Reply portal = anonymousApi().send("OPTIONS", scenario.path("/integrity"), null, "Origin", PORTAL,
                "Access-Control-Request-Method", "GET", "Access-Control-Request-Headers", "accept");
        Api.Reply elsewhere = anonymousApi().send("OPTIONS", scenario.path("/integrity"), null,
                "Origin", "https://otro-sitio.example", "Access-Control-Request-Method", "GET");

        assertThat(portal.status()).isEqualTo(200);
        assertThat(portal.header("Access-Control-Allow-Origin")).isEqualTo(PORTAL);
        assertThat(portal.header("Access-Control-Allow-Methods")).doesNotContain("POST", "PUT", "DELETE");
        assertThat(elsewhere.status()).isEqualTo(403);
        assertThat(elsewhere.header("Access-Control-Allow-Origin")).isNull();
    }

    @Test
    void anotherOriginGetsNoPermissionToRead() {
        Scenario scenario = new Scenario(api()).drafted();

        Api.Reply reply = anonymousApi().send("GET", scenario.path("/integrity"), null,
                "Origin", "https://otro-sitio.example");

        assertThat(reply.header("Access-Control-Allow-Origin")).isNull();
    }

    @Test
    void noOriginMayWriteNotEvenThePortalWithValidCredentials() {
        Scenario scenario = new Scenario(api()).drafted();
        long before = allStoredEvents();

        Api.Reply preflight = anonymousApi().send("OPTIONS", scenario.path("/cancellation"), null, "Origin", PORTAL,
                "Access-Control-Request-Method", "POST", "Access-Control-Request-Headers", "authorization,content-type");
        Api.Reply write = api().post(scenario.path("/cancellation"), body("reason", "desde otro origen"),
                "Origin", PORTAL);

        assertThat(preflight.status()).isEqualTo(403);
        assertThat(preflight.header("Access-Control-Allow-Origin")).isNull();
        assertThat(write.status()).isEqualTo(403);
        assertThat(write.header("Access-Control-Allow-Origin")).isNull();
        assertThat(allStoredEvents()).isEqualTo(before);
    }
}
