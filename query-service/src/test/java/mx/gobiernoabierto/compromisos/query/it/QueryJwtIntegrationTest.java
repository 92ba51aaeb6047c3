package mx.gobiernoabierto.compromisos.query.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import mx.gobiernoabierto.compromisos.support.testing.TestTokens;

/**
 * The replay behind JWTs: a context of its own, with the identity provider's public key, issuer and audience, on a
 * topic of its own (so that it never shares the other tests' partitions), closed after the class.
 */
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class QueryJwtIntegrationTest extends QueryIntegrationTest {

    private static final TestTokens TOKENS = new TestTokens();
    private static final String REPLAY = "/api/v1/admin/replay";

    @DynamicPropertySource
    static void jwt(DynamicPropertyRegistry registry) {
        registry.add("spring.security.oauth2.resourceserver.jwt.public-key-location", TOKENS::publicKeyLocation);
        registry.add("compromisos.security.jwt.issuer", () -> TestTokens.ISSUER);
        registry.add("compromisos.security.jwt.audience", () -> TestTokens.AUDIENCE);
        registry.add("compromisos.query.topic", () -> "compromisos.events.query-jwt-it");
        registry.add("compromisos.query.dead-letter-topic", () -> "compromisos.events.query-jwt-it.dlt");
        registry.add("spring.kafka.consumer.group-id", () -> "query-jwt-it");
    }

    @Test
    void anAdministratorsTokenRunsTheReplay() {
        Http.Reply reply = bearer(TOKENS.sign(TestTokens.with(TOKENS.claims("kc-admin"), Map.of("roles", List.of("ADMIN")))))
                .post(REPLAY);

        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
    }

    @Test
    void aTokenWithoutTheAdministratorsRoleIs403() {
        Http.Reply reply = bearer(TOKENS.sign(TestTokens.with(TOKENS.claims("kc-editor"),
                Map.of("roles", List.of("STL_EDITOR"), "stl_ids", List.of("stl-jalisco"))))).post(REPLAY);

        assertThat(reply.status()).isEqualTo(403);
        assertThat(reply.json().get("type").asString()).isEqualTo("/problems/forbidden");
    }

    @Test
    void anExpiredForeignOrMisaddressedTokenIs401() {
        Map<String, Object> admin = Map.of("roles", List.of("ADMIN"));
        Instant past = Instant.now().minusSeconds(3600);
        List<String> refused = List.of(
                TOKENS.sign(TestTokens.with(TOKENS.claims("kc-admin").issueTime(Date.from(past.minusSeconds(60)))
                        .notBeforeTime(Date.from(past.minusSeconds(60))).expirationTime(Date.from(past)), admin)),
                TOKENS.sign(TestTokens.with(TOKENS.claims("kc-admin").issuer("https://otro.example.test"), admin)),
                TOKENS.sign(TestTokens.with(TOKENS.claims("kc-admin").audience("otra-api"), admin)),
                TOKENS.signWithAnotherKey(TestTokens.with(TOKENS.claims("kc-admin"), admin)));

        for (String token : refused) {
            Http.Reply reply = bearer(token).post(REPLAY);
            assertThat(reply.status()).as(reply.toString()).isEqualTo(401);
            assertThat(reply.json().get("type").asString()).isEqualTo("/problems/unauthorized");
            assertThat(reply.header("WWW-Authenticate")).contains("Bearer", "error=\"invalid_token\"");
        }
    }

    @Test
    void readsNeedNoToken() {
        assertThat(http().get("/api/v1/commitments").status()).isEqualTo(200);
    }

    private Http bearer(String token) {
        return http().withAuthorization("Bearer " + token);
    }
}
