package mx.gobiernoabierto.compromisos.infrastructure;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.Set;

import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.metadata.storage.Formatter;
import org.apache.kafka.server.common.MetadataVersion;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A single-node Kafka (KRaft, combined broker and controller) for the local stack, running inside this JVM,
 * whose topics, records and committed offsets survive restarts.
 *
 * <p>This does not use {@code EmbeddedKafkaKraftBroker}: that class (and the {@code KafkaClusterTestKit} under
 * it) always formats a new cluster with a random cluster id in a temporary directory, overrides
 * {@code log.dirs}, and listens on random ports ({@code kafkaPorts(...)} is ignored in KRaft mode). Instead
 * this class runs Kafka's own {@code KafkaRaftServer}, which comes with the same jars: on the first start it
 * formats the directory (like {@code kafka-storage.sh format}), later starts reuse it.
 *
 * <p>The client listener is {@code PLAINTEXT://localhost:<port>}; the controller listener takes a random
 * free port on each start (the quorum is static, so this is allowed). Internal topics use replication factor
 * 1; topics are created on first use with 3 partitions. No JVM shutdown hook is registered: whoever starts the
 * broker stops it, in its own order (the local stack stops it after the services and before PostgreSQL).
 */
public final class LocalKafka implements AutoCloseable {

    /** The default client port. */
    public static final int DEFAULT_PORT = 9092;

    private static final Logger LOG = LoggerFactory.getLogger(LocalKafka.class);
    private static final int NODE_ID = 1;
    private static final String CONTROLLER_LISTENER = "CONTROLLER";

    private final KafkaRaftServer server;
    private final Path logDirectory;
    private final int port;
    private boolean closed;

    private LocalKafka(KafkaRaftServer server, Path logDirectory, int port) {
        this.server = server;
        this.logDirectory = logDirectory;
        this.port = port;
    }

    /**
     * Starts Kafka on {@code localhost:9092} with its logs in {@code logDirectory}.
     *
     * @param logDirectory where topics and cluster metadata live; created if missing, kept on {@link #close()}
     * @return the running broker, ready for clients
     * @see #start(Path, int)
     */
    public static LocalKafka start(Path logDirectory) {
        return start(logDirectory, DEFAULT_PORT);
    }

    /**
     * Starts Kafka on {@code localhost:port} with its logs in {@code logDirectory}, formatting the directory
     * first if it is new. Returns once the broker is registered and unfenced.
     *
     * @param logDirectory where topics and cluster metadata live; created if missing, kept on {@link #close()}
     * @param port         the client port; 0 for a random free one
     * @return the running broker, ready for clients
     * @throws IllegalStateException if formatting or starting fails (e.g. the port is taken)
     */
    public static LocalKafka start(Path logDirectory, int port) {
        Objects.requireNonNull(logDirectory, "logDirectory");
        Path directory = logDirectory.toAbsolutePath().normalize();
        long start = System.nanoTime();
        try {
            Files.createDirectories(directory);
            int clientPort = port == 0 ? freePort() : port;
            int controllerPort = freePort();
            String existingClusterId = clusterId(directory);
            String clusterId = existingClusterId != null ? existingClusterId : Uuid.randomUuid().toString();
            if (existingClusterId == null) {
                format(directory, clusterId);
            }
            Map<String, Object> properties = brokerProperties(directory, clientPort, controllerPort);
            KafkaRaftServer server = new KafkaRaftServer(new KafkaConfig(properties, false), Time.SYSTEM);
            try {
                server.startup();
            } catch (RuntimeException e) {
                stopQuietly(server);
                throw e;
            }
            LOG.info("Local Kafka: {} log directory {} (cluster {}), listening at localhost:{}, started in {} ms",
                    existingClusterId != null ? "existing" : "new", directory, clusterId, clientPort,
                    (System.nanoTime() - start) / 1_000_000);
            return new LocalKafka(server, directory, clientPort);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start Kafka in " + directory + ": " + e.getMessage(), e);
        } catch (Exception e) {
            throw new IllegalStateException("Could not start Kafka in " + directory + " on port " + port + ": "
                    + e.getMessage(), e);
        }
    }

    /**
     * The client port.
     *
     * @return the port clients connect to
     */
    public int port() {
        return port;
    }

    /**
     * The log directory.
     *
     * @return the absolute path of the log directory
     */
    public Path logDirectory() {
        return logDirectory;
    }

    /**
     * The value for the clients' {@code bootstrap.servers}.
     *
     * @return {@code localhost:<port>}
     */
    public String bootstrapServers() {
        return "localhost:" + port;
    }

    /**
     * The endpoint of this broker.
     *
     * @return the endpoint, with source {@code "local"}
     */
    public KafkaEndpoint endpoint() {
        return new KafkaEndpoint(bootstrapServers(), "local");
    }

    /**
     * Shuts the broker down cleanly and waits for it; the log directory is kept. Calling it again does nothing.
     */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        server.shutdown();
        server.awaitShutdown();
        LOG.info("Local Kafka stopped; data kept in {}", logDirectory);
    }

    static Map<String, Object> brokerProperties(Path directory, int clientPort, int controllerPort) {
        Map<String, Object> p = new HashMap<>();
        p.put("process.roles", "broker,controller");
        p.put("node.id", Integer.toString(NODE_ID));
        p.put("controller.quorum.voters", NODE_ID + "@localhost:" + controllerPort);
        p.put("listeners", "PLAINTEXT://localhost:" + clientPort + "," + CONTROLLER_LISTENER + "://localhost:" + controllerPort);
        p.put("advertised.listeners", "PLAINTEXT://localhost:" + clientPort);
        p.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT," + CONTROLLER_LISTENER + ":PLAINTEXT");
        p.put("controller.listener.names", CONTROLLER_LISTENER);
        p.put("inter.broker.listener.name", "PLAINTEXT");
        p.put("log.dirs", directory.toString());
        p.put("num.partitions", "3");
        p.put("auto.create.topics.enable", "true");
        p.put("offsets.topic.replication.factor", "1");
        p.put("transaction.state.log.replication.factor", "1");
        p.put("transaction.state.log.min.isr", "1");
        p.put("share.coordinator.state.topic.replication.factor", "1");
        p.put("share.coordinator.state.topic.min.isr", "1");
        p.put("group.initial.rebalance.delay.ms", "0");
        p.put("log.cleaner.dedupe.buffer.size", "2097152");
        return p;
    }

    private static void format(Path directory, String clusterId) throws Exception {
        new Formatter()
                .setPrintStream(new PrintStream(OutputStream.nullOutputStream(), true, StandardCharsets.UTF_8))
                .setNodeId(NODE_ID)
                .setClusterId(clusterId)
                .setDirectories(Set.of(directory.toString()))
                .setMetadataLogDirectory(directory.toString())
                .setControllerListenerName(CONTROLLER_LISTENER)
                .setReleaseVersion(MetadataVersion.latestProduction())
                .setIgnoreFormatted(true)
                .run();
    }

    /** The cluster id in {@code meta.properties}, or {@code null} if the directory is not formatted. */
    private static String clusterId(Path directory) throws IOException {
        Path meta = directory.resolve("meta.properties");
        if (!Files.isRegularFile(meta)) {
            return null;
        }
        Properties properties = new Properties();
        try (InputStream in = Files.newInputStream(meta)) {
            properties.load(in);
        }
        String id = properties.getProperty("cluster.id");
        return id == null || id.isBlank() ? null : id;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        }
    }

    private static void stopQuietly(KafkaRaftServer server) {
        try {
            server.shutdown();
            server.awaitShutdown();
        } catch (RuntimeException e) {
            LOG.debug("While stopping a Kafka server that did not start", e);
        }
    }
}
