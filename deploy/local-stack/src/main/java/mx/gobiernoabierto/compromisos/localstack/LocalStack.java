package mx.gobiernoabierto.compromisos.localstack;

import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Stream;

import mx.gobiernoabierto.compromisos.infrastructure.KafkaEndpoint;
import mx.gobiernoabierto.compromisos.infrastructure.LocalKafka;
import mx.gobiernoabierto.compromisos.infrastructure.LocalPostgres;
import mx.gobiernoabierto.compromisos.infrastructure.PostgresEndpoint;

/**
 * The whole product on one machine: a real PostgreSQL server (from Maven), a Kafka broker in this JVM, the demo's
 * OpenID Connect provider ({@link DemoIdentityProvider}), the command service and the query service. Data lives in
 * one directory and survives restarts; Ctrl-C stops everything in order, in one shutdown hook (services first, so
 * requests in flight are answered and the publisher's last batch reaches Kafka, then the provider, Kafka and
 * PostgreSQL). A PostgreSQL server that a killed run left behind is stopped on
 * start, and PostgreSQL is restarted if it dies.
 */
public final class LocalStack {

    private LocalStack() {
    }

    public static void main(String[] args) throws Exception {
        Options options;
        try {
            options = Options.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("local-stack: " + e.getMessage());
            System.err.println(Options.USAGE);
            System.exit(2);
            return;
        }
        if (options.help()) {
            System.out.println(Options.USAGE);
            return;
        }
        PrintStream out = System.out;
        Files.createDirectories(options.dataDirectory());
        FileChannel lockFile = FileChannel.open(options.dataDirectory().resolve("local-stack.lock"),
                StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        FileLock lock = tryLock(lockFile);
        if (lock == null) {
            System.err.println("local-stack: another local stack is already running with its data in "
                    + options.dataDirectory() + ". Stop it first (Ctrl-C in its terminal), or start this one with "
                    + "another --data-dir and other ports.");
            System.exit(3);
            return;
        }
        List<String> busy = busyPorts(options);
        if (!busy.isEmpty()) {
            System.err.println("local-stack: these ports are taken: " + String.join(", ", busy)
                    + ". Choose others with --command-port, --query-port, --provider-port, --postgres-port, --kafka-port.");
            System.exit(4);
            return;
        }

        // The one place that stops everything, in order, whether the start completed or not: the services (no new
        // requests, the ones in flight answered, publisher and consumer stopped), then Kafka, then PostgreSQL.
        Running running = new Running();
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.out.println("Stopping: the services (finishing requests in flight), then Kafka, then PostgreSQL ...");
            long start = System.nanoTime();
            stop(running, lock, lockFile);
            System.out.printf("Stopped. Your data is in %s (stopped in %.1f s)%n", options.dataDirectory(),
                    (System.nanoTime() - start) / 1e9);
            stopped.countDown();
        }, "local-stack-shutdown"));

        long started = System.nanoTime();
        String kafkaBootstrap;
        try {
            out.println("Starting PostgreSQL (data in " + options.dataDirectory().resolve("postgres") + ") ...");
            running.postgres = LocalPostgres.start(options.dataDirectory().resolve("postgres"), options.postgresPort());
            PostgresEndpoint commandDatabase = database(running.postgres, "compromisos_command");
            PostgresEndpoint queryDatabase = database(running.postgres, "compromisos_query");
            if (options.kafkaBootstrap() == null) {
                out.println("Starting Kafka (log in " + options.dataDirectory().resolve("kafka") + ") ...");
                running.kafka = LocalKafka.start(options.dataDirectory().resolve("kafka"), options.kafkaPort());
                kafkaBootstrap = running.kafka.bootstrapServers();
            } else {
                kafkaBootstrap = options.kafkaBootstrap();
            }
            out.println("Starting the sign-in provider (OpenID Connect, the demo users) ...");
            running.provider = DemoIdentityProvider.start(options.providerPort(),
                    "http://127.0.0.1:" + options.queryPort());
            out.println("Starting the query service and the command service ...");
            List<String> settings = new ArrayList<>(List.of("--axon.update-check.disabled=true",
                            "--spring.profiles.active=demo",
                            // after a crash the group still lists the dead consumer until its session times out:
                            // a short session lets the restarted one take the partitions within seconds
                            "--spring.kafka.consumer.properties.session.timeout.ms=6000",
                            "--spring.kafka.consumer.properties.heartbeat.interval.ms=1500",
                            LogSigningKey.setting(options.dataDirectory()),
                            // the portal's pages, on whichever port was chosen, may read the command service's answers
                            "--compromisos.cors.allowed-origins=http://localhost:" + options.queryPort()
                                    + ",http://127.0.0.1:" + options.queryPort()));
            // both services accept the provider's tokens and the workspace signs people in with it; unless the
            // environment names JWTs of its own for the services (the fault suite's tokens), which then stay theirs
            boolean ownJwts = Stream.of("ISSUER_URI", "JWK_SET_URI", "PUBLIC_KEY_LOCATION")
                    .anyMatch(name -> System.getenv("SPRING_SECURITY_OAUTH2_RESOURCESERVER_JWT_" + name) != null);
            settings.addAll(ownJwts ? running.provider.workspaceSettings() : running.provider.serviceSettings());
            if (ownJwts) {
                out.println("The services accept the JWTs that SPRING_SECURITY_OAUTH2_RESOURCESERVER_JWT_* names, not "
                        + "the sign-in provider's: the workspace's forms are refused unless that is the same issuer.");
            }
            running.services = Services.start(commandDatabase, queryDatabase, new KafkaEndpoint(kafkaBootstrap, "local"),
                    options.commandPort(), options.queryPort(), settings);
        } catch (RuntimeException e) {
            System.err.println("local-stack: could not start: " + e.getMessage());
            System.exit(1);
            return;
        }

        String commandUrl = "http://localhost:" + options.commandPort();
        String queryUrl = "http://localhost:" + options.queryPort();
        if (options.demo()) {
            out.println("Loading the demo (Jalisco, Oaxaca, Nuevo León) through the HTTP API ...");
            DemoData.Summary demo = new DemoData(commandUrl, queryUrl, out).load();
            out.println("Demo loaded: " + demo);
        }
        out.printf("""

                Compromisos is running (started in %.1f s).
                  Command service  %s   (writes; API docs %s/swagger-ui.html)
                  Query service    %s   (public reads; API docs %s/swagger-ui.html)
                  Workspace        %s/espacio   (STL members' forms; sign in as a demo user)
                  Sign-in provider %s   (OpenID Connect; issues the tokens both services accept)
                  PostgreSQL       %s   (databases compromisos_command, compromisos_query; user postgres)
                  Kafka            %s   (topic compromisos.events)
                  Data directory   %s

                Try it:
                  curl -s '%s/api/v1/commitments?size=5'
                  curl -s '%s/api/v1/sdg/progress'
                  curl -s %s/actuator/health
                Load the demo with --demo. Stop with Ctrl-C: nothing is lost.
                %n""", (System.nanoTime() - started) / 1e9, commandUrl, commandUrl, queryUrl, queryUrl,
                "http://127.0.0.1:" + options.queryPort(), running.provider.issuer(),
                running.postgres.jdbcUrl("compromisos_command"), kafkaBootstrap, options.dataDirectory(), queryUrl,
                queryUrl, commandUrl);
        stopped.await();
    }

    private static FileLock tryLock(FileChannel channel) throws IOException {
        try {
            FileLock lock = channel.tryLock();
            if (lock != null) {
                channel.truncate(0);
                channel.write(StandardCharsets.UTF_8.encode(ProcessHandle.current().pid() + "\n"));
                channel.force(true);
            }
            return lock;
        } catch (OverlappingFileLockException e) {
            return null;
        }
    }

    private static List<String> busyPorts(Options options) {
        // PostgreSQL's port is checked by LocalPostgres, after it stopped a server an earlier run left on this data
        List<String> busy = new ArrayList<>();
        int[] ports = {options.commandPort(), options.queryPort(), options.providerPort(),
                options.kafkaBootstrap() == null ? options.kafkaPort() : -1};
        String[] names = {"command service", "query service", "sign-in provider", "Kafka"};
        for (int i = 0; i < ports.length; i++) {
            if (ports[i] < 0) {
                continue;
            }
            try (ServerSocket socket = new ServerSocket(ports[i], 1, InetAddress.getLoopbackAddress())) {
                socket.setReuseAddress(true);
            } catch (IOException e) {
                busy.add(ports[i] + " (" + names[i] + ")");
            }
        }
        return busy;
    }

    /** The service's database on the local server, created on first start. */
    private static PostgresEndpoint database(LocalPostgres postgres, String name) {
        PostgresEndpoint server = postgres.endpoint();
        try (Connection connection = DriverManager.getConnection(server.jdbcUrl(), server.username(), server.password());
             var exists = connection.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
            exists.setString(1, name);
            if (!exists.executeQuery().next()) {
                try (var create = connection.createStatement()) {
                    create.execute("CREATE DATABASE " + name);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create database " + name + ": " + e.getMessage(), e);
        }
        return server.withDatabase(name);
    }

    /** What has been started so far; the shutdown hook stops it. */
    private static final class Running {
        volatile Services services;
        volatile DemoIdentityProvider provider;
        volatile LocalKafka kafka;
        volatile LocalPostgres postgres;
    }

    private static void stop(Running running, FileLock lock, FileChannel lockFile) {
        for (AutoCloseable part : new AutoCloseable[] {running.services, running.provider, running.kafka,
                running.postgres}) {
            if (part != null) {
                try {
                    part.close();
                } catch (Exception e) {
                    System.err.println("local-stack: while stopping: " + e);
                }
            }
        }
        try {
            lock.release();
            lockFile.close();
        } catch (IOException e) {
            System.err.println("local-stack: while releasing the lock: " + e);
        }
    }

    /** Command-line options; each also has an environment variable. */
    record Options(Path dataDirectory, int commandPort, int queryPort, int providerPort, int postgresPort,
                   int kafkaPort, String kafkaBootstrap, boolean demo, boolean help) {

        static final String USAGE = """
                Usage: local-stack [--data-dir=DIR] [--command-port=8081] [--query-port=8082] [--provider-port=8083]
                                   [--postgres-port=54320] [--kafka-port=9092] [--kafka-bootstrap=HOST:PORT] [--demo]
                  --data-dir       where PostgreSQL and Kafka keep their data (COMPROMISOS_DATA_DIR;
                                   default ~/.compromisos/local-stack)
                  --kafka-bootstrap  use this running Kafka instead of starting one (COMPROMISOS_KAFKA_BOOTSTRAP)
                  --demo           load the demo STLs, plans and commitments (again is harmless)
                  --provider-port  the demo users' OpenID Connect provider, where the workspace signs in
                Ports: COMPROMISOS_COMMAND_PORT, COMPROMISOS_QUERY_PORT, COMPROMISOS_PROVIDER_PORT,
                       COMPROMISOS_POSTGRES_PORT, COMPROMISOS_KAFKA_PORT.""";

        static Options parse(String[] args) {
            Path data = Path.of(env("COMPROMISOS_DATA_DIR", System.getProperty("user.home") + "/.compromisos/local-stack"));
            int command = port("COMPROMISOS_COMMAND_PORT", 8081);
            int query = port("COMPROMISOS_QUERY_PORT", 8082);
            int provider = port("COMPROMISOS_PROVIDER_PORT", 8083);
            int postgres = port("COMPROMISOS_POSTGRES_PORT", 54320);
            int kafka = port("COMPROMISOS_KAFKA_PORT", 9092);
            String kafkaBootstrap = env("COMPROMISOS_KAFKA_BOOTSTRAP", null);
            boolean demo = false;
            boolean help = false;
            for (String arg : args) {
                String value = arg.contains("=") ? arg.substring(arg.indexOf('=') + 1) : "";
                switch (arg.contains("=") ? arg.substring(0, arg.indexOf('=')) : arg) {
                    case "--data-dir" -> data = Path.of(value);
                    case "--command-port" -> command = parsePort(arg, value);
                    case "--query-port" -> query = parsePort(arg, value);
                    case "--provider-port" -> provider = parsePort(arg, value);
                    case "--postgres-port" -> postgres = parsePort(arg, value);
                    case "--kafka-port" -> kafka = parsePort(arg, value);
                    case "--kafka-bootstrap" -> kafkaBootstrap = value.isBlank() ? null : value;
                    case "--demo" -> demo = true;
                    case "--help", "-h" -> help = true;
                    default -> throw new IllegalArgumentException("unknown option " + arg);
                }
            }
            return new Options(data.toAbsolutePath().normalize(), command, query, provider, postgres, kafka,
                    kafkaBootstrap, demo, help);
        }

        private static String env(String name, String fallback) {
            String value = System.getenv(name);
            return value == null || value.isBlank() ? fallback : value;
        }

        private static int port(String variable, int fallback) {
            return parsePort(variable, env(variable, Integer.toString(fallback)));
        }

        private static int parsePort(String name, String value) {
            try {
                int port = Integer.parseInt(value);
                if (port < 1 || port > 65535) {
                    throw new NumberFormatException();
                }
                return port;
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(name + " needs a port number from 1 to 65535, not '" + value + "'");
            }
        }
    }
}
