package mx.gobiernoabierto.compromisos.infrastructure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The local-stack servers keep their data across a stop and a start on the same directory and port.
 */
class LocalStackTest {

    @Test
    void postgresKeepsDataAcrossRestarts(@TempDir Path directory) throws Exception {
        Path data = directory.resolve("pgdata");
        int port = freePort();

        try (LocalPostgres postgres = LocalPostgres.start(data, port)) {
            assertThat(postgres.port()).isEqualTo(port);
            try (Connection connection = DriverManager.getConnection(postgres.jdbcUrl("postgres"), "postgres", "");
                 Statement statement = connection.createStatement()) {
                statement.execute("CREATE TABLE survives (id INT)");
                statement.execute("INSERT INTO survives VALUES (1)");
            }
        }
        assertThat(data.resolve("postgresql.conf")).exists();

        try (LocalPostgres postgres = LocalPostgres.start(data, port);
             Connection connection = DriverManager.getConnection(postgres.endpoint().jdbcUrl(), "postgres", "");
             Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery("SELECT count(*) FROM survives")) {
            assertThat(result.next()).isTrue();
            assertThat(result.getInt(1)).isEqualTo(1);
        }
    }

    @Test
    void postgresIsDurableAndNewClustersHaveDataChecksums(@TempDir Path directory) throws Exception {
        try (LocalPostgres postgres = LocalPostgres.start(directory.resolve("pgdata"), 0)) {
            assertThat(show(postgres, "fsync")).isEqualTo("on");
            assertThat(show(postgres, "synchronous_commit")).isEqualTo("on");
            assertThat(show(postgres, "full_page_writes")).isEqualTo("on");
            assertThat(show(postgres, "data_checksums")).isEqualTo("on");
        }
    }

    @Test
    void aServerLeftRunningOnTheDataDirectoryIsStoppedBeforeTheStart(@TempDir Path directory) throws Exception {
        Path data = directory.resolve("pgdata");
        try (LocalPostgres first = LocalPostgres.start(data, 0)) {
            assertThat(show(first, "fsync")).isEqualTo("on");
        }
        // what a JVM killed with -9 leaves behind: a postmaster that nobody supervises
        int port = freePort();
        Process orphan = new ProcessBuilder(PostgresBinaries.unpacked().command("postgres",
                List.of("-D", data.toString(), "-p", Integer.toString(port))))
                .redirectErrorStream(true).redirectOutput(directory.resolve("orphan.log").toFile()).start();
        try {
            await().atMost(Duration.ofSeconds(60)).ignoreExceptions().until(() -> {
                try (Connection ignored = DriverManager.getConnection("jdbc:postgresql://localhost:" + port + "/postgres",
                        "postgres", "")) {
                    return true;
                }
            });

            try (LocalPostgres postgres = LocalPostgres.start(data, 0)) {
                assertThat(orphan.isAlive()).isFalse();
                assertThat(postgres.pid()).isPresent().get().isNotEqualTo(orphan.pid());
                assertThat(show(postgres, "fsync")).isEqualTo("on");
            }
        } finally {
            orphan.destroyForcibly();
        }
    }

    @Test
    void aPostgresKilledWithSigkillIsStartedAgainWithItsCommittedData(@TempDir Path directory) throws Exception {
        try (LocalPostgres postgres = LocalPostgres.start(directory.resolve("pgdata"), 0)) {
            try (Connection connection = DriverManager.getConnection(postgres.jdbcUrl("postgres"), "postgres", "");
                 Statement statement = connection.createStatement()) {
                statement.execute("CREATE TABLE acknowledged (id INT)");
                statement.execute("INSERT INTO acknowledged SELECT generate_series(1, 1000)");
            }
            long killed = postgres.pid().orElseThrow();
            ProcessHandle.of(killed).orElseThrow().destroyForcibly();

            await().atMost(Duration.ofSeconds(60)).until(() -> postgres.restarts() == 1);
            assertThat(postgres.pid()).isPresent().get().isNotEqualTo(killed);
            try (Connection connection = DriverManager.getConnection(postgres.jdbcUrl("postgres"), "postgres", "");
                 Statement statement = connection.createStatement();
                 ResultSet result = statement.executeQuery("SELECT count(*) FROM acknowledged")) {
                assertThat(result.next()).isTrue();
                assertThat(result.getInt(1)).isEqualTo(1000);
            }
        }
    }

    @Test
    void kafkaKeepsRecordsAndOffsetsAcrossRestarts(@TempDir Path directory) throws Exception {
        Path logs = directory.resolve("kafka");
        int port = freePort();
        String topic = KafkaRoundTrip.uniqueName("local-stack");
        String group = KafkaRoundTrip.uniqueName("group");

        try (LocalKafka kafka = LocalKafka.start(logs, port)) {
            assertThat(kafka.bootstrapServers()).isEqualTo("localhost:" + port);
            KafkaRoundTrip.createTopic(kafka.bootstrapServers(), topic);
            KafkaRoundTrip.send(kafka.bootstrapServers(), topic, "k1", "before restart");
        }
        assertThat(logs.resolve("meta.properties")).exists();

        try (LocalKafka kafka = LocalKafka.start(logs, port)) {
            List<ConsumerRecord<String, String>> first = KafkaRoundTrip.poll(kafka.bootstrapServers(), topic, group,
                    1, Duration.ofSeconds(60));
            assertThat(first).extracting(ConsumerRecord::value).containsExactly("before restart");
            KafkaRoundTrip.send(kafka.bootstrapServers(), topic, "k2", "after restart");
        }

        try (LocalKafka kafka = LocalKafka.start(logs, port)) {
            // the group committed offset 1 before the last restart, so only the new record is read
            List<ConsumerRecord<String, String>> second = KafkaRoundTrip.poll(kafka.bootstrapServers(), topic, group,
                    1, Duration.ofSeconds(60));
            assertThat(second).extracting(ConsumerRecord::value).containsExactly("after restart");
        }
    }

    private static String show(LocalPostgres postgres, String setting) throws Exception {
        try (Connection connection = DriverManager.getConnection(postgres.jdbcUrl("postgres"), "postgres", "");
             Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery("SHOW " + setting)) {
            assertThat(result.next()).isTrue();
            return result.getString(1);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
