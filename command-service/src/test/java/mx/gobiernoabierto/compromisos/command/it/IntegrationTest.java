package mx.gobiernoabierto.compromisos.command.it;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import mx.gobiernoabierto.compromisos.command.CommandServiceApplication;
import mx.gobiernoabierto.compromisos.infrastructure.KafkaEndpoint;
import mx.gobiernoabierto.compromisos.infrastructure.PostgresEndpoint;
import mx.gobiernoabierto.compromisos.infrastructure.TestInfrastructure;
import mx.gobiernoabierto.compromisos.support.testing.TestTokens;

/**
 * The command service on a real PostgreSQL (a database of its own) and a real Kafka broker, as
 * {@link TestInfrastructure} provides them. Callers sign in both ways at once: the demo users ({@link DemoUser}) of
 * the {@code demo} profile over HTTP Basic, and JWTs of a test identity provider ({@link TestTokens}). Every
 * subclass shares one application context, so tests keep apart by creating their own plans and commitments.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {CommandServiceApplication.CONFIG_NAME, "spring.profiles.active=demo"})
abstract class IntegrationTest {

    static final String TOPIC = "compromisos.events.it";
    static final TestTokens TOKENS = new TestTokens();
    private static final String DATABASE = TestInfrastructure.freshDatabase("command_it");

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        PostgresEndpoint postgres = TestInfrastructure.postgres();
        KafkaEndpoint kafka = TestInfrastructure.kafka();
        registry.add("spring.datasource.url", () -> DATABASE);
        registry.add("spring.datasource.username", postgres::username);
        registry.add("spring.datasource.password", postgres::password);
        registry.add("spring.kafka.bootstrap-servers", kafka::bootstrapServers);
        registry.add("compromisos.topic", () -> TOPIC);
        registry.add("compromisos.topic-partitions", () -> 3);
        registry.add("compromisos.snapshot-threshold", () -> 5);
        registry.add("axon.eventhandling.processors.kafka-publisher.batch-size", () -> 5);
        registry.add("compromisos.log.checkpoint-interval", () -> "1s");
        registry.add("spring.security.oauth2.resourceserver.jwt.public-key-location", TOKENS::publicKeyLocation);
        registry.add("compromisos.security.jwt.issuer", () -> TestTokens.ISSUER);
        registry.add("compromisos.security.jwt.audience", () -> TestTokens.AUDIENCE);
    }

    /** The API as the editor of Jalisco, the STL of the plans {@link Scenario} registers. */
    Api api() {
        return api(DemoUser.EDITOR_JALISCO);
    }

    Api api(DemoUser user) {
        return anonymousApi().as(user);
    }

    Api anonymousApi() {
        return new Api("http://127.0.0.1:" + port);
    }

    /** The API with a bearer token. */
    Api bearer(String token) {
        return anonymousApi().withAuthorization("Bearer " + token);
    }

    /** The API with a valid token of a caller with the roles and STLs of a demo user, but another subject. */
    Api bearerLike(DemoUser user) {
        return bearer(TOKENS.sign(TestTokens.with(TOKENS.claims("jwt-" + user.id), java.util.Map.of(
                "roles", java.util.List.of(user.role), "stl_ids", user.stls))));
    }

    long storedEvents(String aggregateId) {
        return jdbc.sql("SELECT count(*) FROM domainevententry WHERE aggregateidentifier = ?")
                .param(aggregateId).query(Long.class).single();
    }

    long allStoredEvents() {
        return jdbc.sql("SELECT count(*) FROM domainevententry").query(Long.class).single();
    }
}
