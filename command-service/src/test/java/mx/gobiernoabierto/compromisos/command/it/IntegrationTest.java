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

/**
 * The command service on a real PostgreSQL (a database of its own) and a real Kafka broker, as
 * {@link TestInfrastructure} provides them. Every subclass shares one application context, so tests keep apart
 * by creating their own plans and commitments.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = CommandServiceApplication.CONFIG_NAME)
abstract class IntegrationTest {

    static final String TOPIC = "compromisos.events.it";
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
    }

    Api api() {
        return new Api("http://127.0.0.1:" + port);
    }

    long storedEvents(String aggregateId) {
        return jdbc.sql("SELECT count(*) FROM domainevententry WHERE aggregateidentifier = ?")
                .param(aggregateId).query(Long.class).single();
    }

    long allStoredEvents() {
        return jdbc.sql("SELECT count(*) FROM domainevententry").query(Long.class).single();
    }
}
