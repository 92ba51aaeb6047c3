package mx.gobiernoabierto.compromisos.infrastructure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/**
 * Starts whatever {@link TestInfrastructure} chooses in this environment and uses it for real.
 */
class TestInfrastructureTest {

    private static final String EXPECTED_PG_SOURCE = System.getenv(TestInfrastructure.JDBC_URL) != null
            ? "environment" : null;
    private static final String EXPECTED_KAFKA_SOURCE = System.getenv(TestInfrastructure.KAFKA_BOOTSTRAP) != null
            ? "environment" : null;

    @Test
    void postgresAnswersSelectOne() throws SQLException {
        PostgresEndpoint postgres = TestInfrastructure.postgres();

        if (EXPECTED_PG_SOURCE != null) {
            assertThat(postgres.source()).isEqualTo(EXPECTED_PG_SOURCE);
        } else {
            assertThat(postgres.source()).isIn("testcontainers", "embedded");
        }
        try (Connection connection = connect(postgres.jdbcUrl(), postgres);
             Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery("SELECT 1")) {
            assertThat(result.next()).isTrue();
            assertThat(result.getInt(1)).isEqualTo(1);
        }
    }

    @Test
    void endpointsAreJvmWideSingletonsEvenWhenAskedConcurrently() throws Exception {
        Set<Object> seen = ConcurrentHashMap.newKeySet();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Callable<Object>> calls = new java.util.ArrayList<>();
            for (int i = 0; i < 8; i++) {
                calls.add(i % 2 == 0 ? TestInfrastructure::postgres : TestInfrastructure::kafka);
            }
            for (Future<Object> result : pool.invokeAll(calls)) {
                seen.add(System.identityHashCode(result.get()));
            }
        } finally {
            pool.shutdown();
        }
        assertThat(seen).hasSize(2);
        assertThat(TestInfrastructure.postgres()).isSameAs(TestInfrastructure.postgres());
        assertThat(TestInfrastructure.kafka()).isSameAs(TestInfrastructure.kafka());
    }

    @Test
    void freshDatabasesAreSeparateAndUsable() throws SQLException {
        PostgresEndpoint postgres = TestInfrastructure.postgres();

        String first = TestInfrastructure.freshDatabase("TestInfrastructure Test");
        String second = TestInfrastructure.freshDatabase("TestInfrastructure Test");

        assertThat(first).isNotEqualTo(second).startsWith("jdbc:postgresql:");
        String firstName = databaseName(first);
        assertThat(firstName).matches("testinfrastructure_test_[a-z0-9]{8}");
        try (Connection connection = connect(first, postgres); Statement statement = connection.createStatement()) {
            try (ResultSet result = statement.executeQuery("SELECT current_database()")) {
                assertThat(result.next()).isTrue();
                assertThat(result.getString(1)).isEqualTo(firstName);
            }
            statement.execute("CREATE TABLE only_here (id BIGINT PRIMARY KEY)");
            statement.execute("INSERT INTO only_here VALUES (1)");
        }
        try (Connection connection = connect(second, postgres); Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery("SELECT count(*) FROM pg_tables WHERE tablename = 'only_here'")) {
            assertThat(result.next()).isTrue();
            assertThat(result.getInt(1)).isZero();
        }
    }

    @Test
    void databasePrefixesBecomeLowercaseIdentifiers() {
        assertThat(TestInfrastructure.databasePrefix("Command-Service.IT")).isEqualTo("command_service_it");
        assertThat(TestInfrastructure.databasePrefix("42 answers")).isEqualTo("db_42_answers");
        assertThat(TestInfrastructure.databasePrefix("  ")).isEqualTo("test");
        assertThat(TestInfrastructure.databasePrefix(null)).isEqualTo("test");
        assertThat(TestInfrastructure.databasePrefix("ÁrbolDeCompromisos")).isEqualTo("rboldecompromisos");
        assertThat(TestInfrastructure.databasePrefix("x".repeat(100))).hasSize(40);
        assertThat(TestInfrastructure.databasePrefix("a" + "_".repeat(60) + "b")).isEqualTo("a");
    }

    @Test
    void jdbcUrlsGetAnotherDatabase() {
        assertThat(JdbcUrls.withDatabase("jdbc:postgresql://localhost:5432/postgres", "x"))
                .isEqualTo("jdbc:postgresql://localhost:5432/x");
        assertThat(JdbcUrls.withDatabase("jdbc:postgresql://h1:1,h2:2/postgres?sslmode=disable&user=a", "x"))
                .isEqualTo("jdbc:postgresql://h1:1,h2:2/x?sslmode=disable&user=a");
        assertThat(JdbcUrls.withDatabase("jdbc:postgresql://localhost/", "x")).isEqualTo("jdbc:postgresql://localhost/x");
        assertThat(JdbcUrls.withDatabase("jdbc:postgresql://localhost", "x")).isEqualTo("jdbc:postgresql://localhost/x");
        assertThat(JdbcUrls.withDatabase("jdbc:postgresql:postgres?a=b", "x")).isEqualTo("jdbc:postgresql:x?a=b");
        assertThatThrownBy(() -> JdbcUrls.withDatabase("jdbc:mysql://localhost/db", "x"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void passwordsStayOutOfToString() {
        assertThat(new PostgresEndpoint("jdbc:postgresql://h/db", "u", "secret", "environment").toString())
                .doesNotContain("secret");
    }

    @Test
    void kafkaCarriesARecordFromProducerToConsumerGroup() throws Exception {
        KafkaEndpoint kafka = TestInfrastructure.kafka();
        if (EXPECTED_KAFKA_SOURCE != null) {
            assertThat(kafka.source()).isEqualTo(EXPECTED_KAFKA_SOURCE);
        } else {
            assertThat(kafka.source()).isIn("testcontainers", "embedded");
        }
        String topic = KafkaRoundTrip.uniqueName("infrastructure-test");

        KafkaRoundTrip.send(kafka.bootstrapServers(), topic, "compromiso-1", "{\"hello\":\"kafka\"}");
        List<ConsumerRecord<String, String>> records = KafkaRoundTrip.poll(kafka.bootstrapServers(), topic,
                KafkaRoundTrip.uniqueName("group"), 1, Duration.ofSeconds(60));

        assertThat(records).singleElement().satisfies(record -> {
            assertThat(record.key()).isEqualTo("compromiso-1");
            assertThat(record.value()).isEqualTo("{\"hello\":\"kafka\"}");
        });
    }

    private static Connection connect(String url, PostgresEndpoint credentials) throws SQLException {
        return DriverManager.getConnection(url, credentials.username(), credentials.password());
    }

    private static String databaseName(String jdbcUrl) {
        String withoutQuery = jdbcUrl.contains("?") ? jdbcUrl.substring(0, jdbcUrl.indexOf('?')) : jdbcUrl;
        return withoutQuery.substring(withoutQuery.lastIndexOf('/') + 1);
    }
}
