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

import mx.gobiernoabierto.compromisos.infrastructure.LocalKafka;
import mx.gobiernoabierto.compromisos.infrastructure.LocalPostgres;
import mx.gobiernoabierto.compromisos.infrastructure.PostgresEndpoint;

/**
 * The whole product on one machine: a real PostgreSQL server (from Maven), a Kafka broker in this JVM, the command
 * service and the query service. Data lives in one directory and survives restarts; Ctrl-C stops everything in
 * order (services first, so the publisher's last batch reaches Kafka, then Kafka, then PostgreSQL).
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
                    + ". Choose others with --command-port, --query-port, --postgres-port, --kafka-port.");
            System.exit(4);
            return;
        }

        long started = System.nanoTime();
        out.println("Starting PostgreSQL (data in " + options.dataDirectory().resolve("postgres") + ") ...");
        LocalPostgres postgres = LocalPostgres.start(options.dataDirectory().resolve("postgres"), options.postgresPort());
        LocalKafka kafka = null;
        Services services = null;
        CountDownLatch stopped = new CountDownLatch(1);
        try {
            PostgresEndpoint commandDatabase = database(postgres, "compromisos_command");
            PostgresEndpoint queryDatabase = database(postgres, "compromisos_query");
            out.println("Starting Kafka (log in " + options.dataDirectory().resolve("kafka") + ") ...");
            kafka = LocalKafka.start(options.dataDirectory().resolve("kafka"), options.kafkaPort());
            out.println("Starting the command service and the query service ...");
            services = Services.start(commandDatabase, queryDatabase, kafka.endpoint(), options.commandPort(),
                    options.queryPort(), List.of("--axon.update-check.disabled=true", "--spring.profiles.active=demo",
                            LogSigningKey.setting(options.dataDirectory()),
                            // the portal's pages, on whichever port was chosen, may read the command service's answers
                            "--compromisos.cors.allowed-origins=http://localhost:" + options.queryPort()
                                    + ",http://127.0.0.1:" + options.queryPort()));
        } catch (RuntimeException e) {
            System.err.println("local-stack: could not start: " + e.getMessage());
            stop(services, kafka, postgres, lock, lockFile);
            System.exit(1);
            return;
        }
        Services running = services;
        LocalKafka runningKafka = kafka;
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.out.println("Stopping the services, Kafka and PostgreSQL ...");
            stop(running, runningKafka, postgres, lock, lockFile);
            System.out.println("Stopped. Your data is in " + options.dataDirectory());
            stopped.countDown();
        }, "local-stack-shutdown"));

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
                  PostgreSQL       %s   (databases compromisos_command, compromisos_query; user postgres)
                  Kafka            %s   (topic compromisos.events)
                  Data directory   %s

                Try it:
                  curl -s '%s/api/v1/commitments?size=5'
                  curl -s '%s/api/v1/sdg/progress'
                  curl -s %s/actuator/health
                Load the demo with --demo. Stop with Ctrl-C: nothing is lost.
                %n""", (System.nanoTime() - started) / 1e9, commandUrl, commandUrl, queryUrl, queryUrl,
                postgres.jdbcUrl("compromisos_command"), kafka.bootstrapServers(), options.dataDirectory(), queryUrl,
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
        List<String> busy = new ArrayList<>();
        int[] ports = {options.commandPort(), options.queryPort(), options.postgresPort(), options.kafkaPort()};
        String[] names = {"command service", "query service", "PostgreSQL", "Kafka"};
        for (int i = 0; i < ports.length; i++) {
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

    private static void stop(Services services, LocalKafka kafka, LocalPostgres postgres, FileLock lock,
                             FileChannel lockFile) {
        for (AutoCloseable part : new AutoCloseable[] {services, kafka, postgres}) {
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
    record Options(Path dataDirectory, int commandPort, int queryPort, int postgresPort, int kafkaPort, boolean demo,
                   boolean help) {

        static final String USAGE = """
                Usage: local-stack [--data-dir=DIR] [--command-port=8081] [--query-port=8082]
                                   [--postgres-port=54320] [--kafka-port=9092] [--demo]
                  --data-dir       where PostgreSQL and Kafka keep their data (COMPROMISOS_DATA_DIR;
                                   default ~/.compromisos/local-stack)
                  --demo           load the demo STLs, plans and commitments (again is harmless)
                Ports: COMPROMISOS_COMMAND_PORT, COMPROMISOS_QUERY_PORT, COMPROMISOS_POSTGRES_PORT, COMPROMISOS_KAFKA_PORT.""";

        static Options parse(String[] args) {
            Path data = Path.of(env("COMPROMISOS_DATA_DIR", System.getProperty("user.home") + "/.compromisos/local-stack"));
            int command = port("COMPROMISOS_COMMAND_PORT", 8081);
            int query = port("COMPROMISOS_QUERY_PORT", 8082);
            int postgres = port("COMPROMISOS_POSTGRES_PORT", 54320);
            int kafka = port("COMPROMISOS_KAFKA_PORT", 9092);
            boolean demo = false;
            boolean help = false;
            for (String arg : args) {
                String value = arg.contains("=") ? arg.substring(arg.indexOf('=') + 1) : "";
                switch (arg.contains("=") ? arg.substring(0, arg.indexOf('=')) : arg) {
                    case "--data-dir" -> data = Path.of(value);
                    case "--command-port" -> command = parsePort(arg, value);
                    case "--query-port" -> query = parsePort(arg, value);
                    case "--postgres-port" -> postgres = parsePort(arg, value);
                    case "--kafka-port" -> kafka = parsePort(arg, value);
                    case "--demo" -> demo = true;
                    case "--help", "-h" -> help = true;
                    default -> throw new IllegalArgumentException("unknown option " + arg);
                }
            }
            return new Options(data.toAbsolutePath().normalize(), command, query, postgres, kafka, demo, help);
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
