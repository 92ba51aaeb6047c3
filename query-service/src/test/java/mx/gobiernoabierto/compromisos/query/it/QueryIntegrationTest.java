package mx.gobiernoabierto.compromisos.query.it;

import java.util.Map;

import org.apache.kafka.clients.producer.KafkaProducer;
import tools.jackson.databind.JsonNode;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import mx.gobiernoabierto.compromisos.events.wire.EventEnvelope;
import mx.gobiernoabierto.compromisos.infrastructure.TestInfrastructure;
import mx.gobiernoabierto.compromisos.query.QueryServiceApplication;

/**
 * The query service on a real PostgreSQL (a database of its own) and a real Kafka broker, with the demo users of the
 * {@code demo} profile; tests play the command service's part by producing envelopes to the topic.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {QueryServiceApplication.CONFIG_NAME, "spring.profiles.active=demo"})
abstract class QueryIntegrationTest {

    static final String TOPIC = "compromisos.events.query-it";
    static final String DEAD_LETTERS = TOPIC + ".dlt";
    private static final String DATABASE = TestInfrastructure.freshDatabase("query_it");
    private static KafkaProducer<String, String> producer;

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", () -> DATABASE);
        registry.add("spring.datasource.username", () -> TestInfrastructure.postgres().username());
        registry.add("spring.datasource.password", () -> TestInfrastructure.postgres().password());
        registry.add("spring.kafka.bootstrap-servers", () -> TestInfrastructure.kafka().bootstrapServers());
        registry.add("compromisos.query.topic", () -> TOPIC);
        registry.add("compromisos.query.dead-letter-topic", () -> DEAD_LETTERS);
        registry.add("compromisos.query.min-version-wait", () -> "3s");
    }

    static synchronized void publish(EventEnvelope envelope) {
        publishRaw(envelope.aggregateId(), envelope.toJson());
    }

    static synchronized void publishRaw(String key, String value) {
        if (producer == null) {
            producer = new KafkaProducer<>(Map.of(
                    ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfrastructure.kafka().bootstrapServers(),
                    ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                    ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class));
        }
        try {
            producer.send(new ProducerRecord<>(TOPIC, key, value)).get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Waits until the commitment's view reaches the version (reads with minVersion, retried through rebalances). */
    JsonNode awaitVersion(String commitmentId, long version) {
        return org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(60))
                .until(() -> http().get("/api/v1/commitments/" + commitmentId + "?minVersion=" + version),
                        reply -> reply.status() == 200)
                .json();
    }

    Http http() {
        return new Http("http://127.0.0.1:" + port);
    }
}
