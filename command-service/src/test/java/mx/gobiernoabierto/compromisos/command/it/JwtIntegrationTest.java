package mx.gobiernoabierto.compromisos.command.it;

import static mx.gobiernoabierto.compromisos.command.it.Api.body;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.nimbusds.jwt.JWTClaimsSet;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import mx.gobiernoabierto.compromisos.support.testing.TestTokens;

/**
 * The production path: bearer JWTs signed by the identity provider's key (here a key made by the test, configured
 * as {@code public-key-location} for every integration test), from the configured issuer, for the configured
 * audience, with roles and STL ids in claims.
 */
class JwtIntegrationTest extends IntegrationTest {

    private final String editorSubject = "kc-" + UUID.randomUUID();
    private String planId;

    @BeforeEach
    void aPlanOfJaliscoRegisteredByAnAdministratorsToken() {
        String admin = "kc-admin-" + UUID.randomUUID();
        Api.Reply plan = bearer(TokenFor.roles(admin, List.of("ADMIN"), List.of())).post("/api/v1/plans",
                body("stlId", Scenario.STL, "stlName", "STL Jalisco", "jurisdiction", "Jalisco",
                        "title", "Plan de Acción Local", "periodStart", "2024-01-01", "periodEnd", "2026-12-31"));
        assertThat(plan.status()).as(plan.toString()).isEqualTo(201);
        planId = plan.field("planId");
        assertThat(actorOf(planId)).isEqualTo(admin);
    }

    @Test
    void aValidTokenOfTheStlsEditorIsAcceptedAndItsSubjectIsTheActor() {
        Api editor = bearer(TokenFor.roles(editorSubject, List.of("STL_EDITOR"), List.of(Scenario.STL)));

        Api.Reply drafted = editor.post("/api/v1/commitments", Scenario.draftBody(planId, code()));

        assertThat(drafted.status()).as(drafted.toString()).isEqualTo(201);
        String commitmentId = drafted.field("commitmentId");
        assertThat(actorOf(commitmentId)).isEqualTo(editorSubject);
        Api.Reply cancelled = editor.post("/api/v1/commitments/" + commitmentId + "/cancellation", body("reason", "r"));
        assertThat(cancelled.status()).isEqualTo(200);
        assertThat(actorOf(commitmentId)).isEqualTo(editorSubject);
        assertThat(anonymousApi().get("/api/v1/commitments/" + commitmentId + "/integrity").json().get("valid").asBoolean())
                .isTrue();
    }

    @Test
    void rolesAndStlsMayAlsoComeAsSpaceSeparatedStrings() {
        Api editor = bearer(TOKENS.sign(TestTokens.with(TOKENS.claims(editorSubject),
                Map.of("roles", "offline_access STL_EDITOR", "stl_ids", "stl-oaxaca stl-jalisco"))));

        assertThat(editor.post("/api/v1/commitments", Scenario.draftBody(planId, code())).status()).isEqualTo(201);
    }

    @Test
    void anExpiredTokenIs401AndWritesNothing() {
        Instant past = Instant.now().minusSeconds(3600);
        String expired = TOKENS.sign(TestTokens.with(TOKENS.claims(editorSubject)
                .issueTime(Date.from(past.minusSeconds(600))).notBeforeTime(Date.from(past.minusSeconds(600)))
                .expirationTime(Date.from(past)), editorClaims()));

        assertRefusedAsUnauthenticated(expired);
    }

    @Test
    void aTokenFromAnotherIssuerIs401() {
        assertRefusedAsUnauthenticated(TOKENS.sign(TestTokens.with(TOKENS.claims(editorSubject)
                .issuer("https://login.example.test/realms/otro"), editorClaims())));
    }

    @Test
    void aTokenForAnotherAudienceOrNoneIs401() {
        assertRefusedAsUnauthenticated(TOKENS.sign(TestTokens.with(TOKENS.claims(editorSubject)
                .audience("otra-api"), editorClaims())));
        assertRefusedAsUnauthenticated(TOKENS.sign(TestTokens.with(TOKENS.claims(editorSubject)
                .audience((String) null), editorClaims())));
    }

    @Test
    void aTokenSignedWithAnotherKeyOrTamperedWithIs401() {
        assertRefusedAsUnauthenticated(TOKENS.signWithAnotherKey(TestTokens.with(TOKENS.claims(editorSubject), editorClaims())));
        String valid = TOKENS.sign(TestTokens.with(TOKENS.claims(editorSubject), Map.of("roles", List.of("EVALUATOR"))));
        String[] parts = valid.split("\\.");
        String forged = parts[0] + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(
                TOKENS.claims(editorSubject).claim("roles", List.of("STL_EDITOR")).claim("stl_ids", List.of(Scenario.STL))
                        .build().toString().getBytes(StandardCharsets.UTF_8)) + "." + parts[2];
        assertRefusedAsUnauthenticated(forged);
        String unsigned = Base64.getUrlEncoder().withoutPadding().encodeToString("{\"alg\":\"none\"}".getBytes())
                + "." + parts[1] + ".";
        assertRefusedAsUnauthenticated(unsigned);
        assertRefusedAsUnauthenticated("no-es-un-jwt");
    }

    @Test
    void aTokenWithoutASubjectIs401() {
        JWTClaimsSet claims = TestTokens.with(TOKENS.claims(editorSubject).subject(null), editorClaims());

        assertRefusedAsUnauthenticated(TOKENS.sign(claims));
    }

    @Test
    void aValidTokenWithoutARoleIs403AndWritesNothing() {
        long before = allStoredEvents();
        Api.Reply reply = bearer(TOKENS.sign(TestTokens.with(TOKENS.claims(editorSubject),
                Map.of("stl_ids", List.of(Scenario.STL))))).post("/api/v1/commitments", Scenario.draftBody(planId, code()));

        assertThat(reply.status()).as(reply.toString()).isEqualTo(403);
        assertThat(reply.field("type")).isEqualTo("/problems/forbidden");
        assertThat(allStoredEvents()).isEqualTo(before);
    }

    @Test
    void anEditorOfAnotherStlByTokenIs403() {
        Api.Reply reply = bearer(TokenFor.roles(editorSubject, List.of("STL_EDITOR"), List.of("stl-oaxaca")))
                .post("/api/v1/commitments", Scenario.draftBody(planId, code()));

        assertThat(reply.status()).isEqualTo(403);
    }

    @Test
    void anIdempotencyKeyOfOneCallerIsNotReplayedToAnotherOfTheSameStl() {
        Api first = bearer(TokenFor.roles(editorSubject, List.of("STL_EDITOR"), List.of(Scenario.STL)));
        Api second = bearer(TokenFor.roles("kc-" + UUID.randomUUID(), List.of("STL_EDITOR"), List.of(Scenario.STL)));
        String key = "clave-" + UUID.randomUUID();
        Map<String, Object> draft = Scenario.draftBody(planId, code());

        Api.Reply mine = first.post("/api/v1/commitments", draft, "Idempotency-Key", key);
        Api.Reply theirs = second.post("/api/v1/commitments", draft, "Idempotency-Key", key);

        assertThat(mine.status()).isEqualTo(201);
        assertThat(theirs.status()).as(theirs.toString()).isEqualTo(422);
        assertThat(theirs.field("type")).endsWith("/idempotency-key-reuse");
    }

    @Test
    void readsNeedNoToken() {
        assertThat(anonymousApi().get("/actuator/health").status()).isEqualTo(200);
    }

    private void assertRefusedAsUnauthenticated(String token) {
        long before = allStoredEvents();

        Api.Reply reply = bearer(token).post("/api/v1/commitments", Scenario.draftBody(planId, code()));

        assertThat(reply.status()).as(reply.toString()).isEqualTo(401);
        assertThat(reply.field("type")).isEqualTo("/problems/unauthorized");
        assertThat(reply.header("WWW-Authenticate")).contains("Bearer", "error=\"invalid_token\"");
        assertThat(allStoredEvents()).isEqualTo(before);
    }

    private Map<String, Object> editorClaims() {
        return Map.of("roles", List.of("STL_EDITOR"), "stl_ids", List.of(Scenario.STL));
    }

    private String actorOf(String aggregateId) {
        byte[] metadata = jdbc.sql("""
                        SELECT metadata FROM domainevententry WHERE aggregateidentifier = ?
                        ORDER BY sequencenumber DESC LIMIT 1""")
                .param(aggregateId).query(byte[].class).single();
        JsonNode json = Api.JSON.readTree(new String(metadata, StandardCharsets.UTF_8));
        return json.get("actor").asString();
    }

    private static String code() {
        return "JWT-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private static final class TokenFor {
        static String roles(String subject, List<String> roles, List<String> stls) {
            return TOKENS.sign(TestTokens.with(TOKENS.claims(subject), Map.of("roles", roles, "stl_ids", stls)));
        }
    }
}
