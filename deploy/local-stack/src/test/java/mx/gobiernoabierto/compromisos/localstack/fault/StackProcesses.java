package mx.gobiernoabierto.compromisos.localstack.fault;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import mx.gobiernoabierto.compromisos.localstack.LocalStack;

/**
 * The stack as separate OS processes on free random ports: a Kafka broker JVM ({@link KafkaBrokerMain}), and the
 * local stack JVM ({@link LocalStack}: both services, supervising its PostgreSQL server process) using that broker.
 * Only the processes started here are ever signalled.
 */
final class StackProcesses implements AutoCloseable {

    final Path directory;
    final int commandPort = OsProcesses.freePort();
    final int queryPort = OsProcesses.freePort();
    final int providerPort = OsProcesses.freePort();
    final int postgresPort = OsProcesses.freePort();
    final int kafkaPort = OsProcesses.freePort();
    final Tokens tokens;
    private Process kafka;
    private Process stack;
    private int starts;

    StackProcesses(Path directory) {
        this.directory = directory;
        this.tokens = new Tokens(directory);
    }

    String commandUrl() {
        return "http://127.0.0.1:" + commandPort;
    }

    String queryUrl() {
        return "http://127.0.0.1:" + queryPort;
    }

    String jdbcUrl(String database) {
        return "jdbc:postgresql://localhost:" + postgresPort + "/" + database;
    }

    Path postgresData() {
        return directory.resolve("data").resolve("postgres");
    }

    void startKafka() throws IOException {
        Path log = directory.resolve("kafka.log");
        long before = readyLines(log);
        kafka = OsProcesses.java(KafkaBrokerMain.class.getName(),
                List.of(directory.resolve("kafka").toString(), Integer.toString(kafkaPort)), Map.of(), log);
        long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        while (System.nanoTime() < deadline) {
            if (readyLines(log) > before) {
                return;
            }
            if (!kafka.isAlive()) {
                throw new IllegalStateException("the Kafka broker did not start; see " + log);
            }
            OsProcesses.sleep(Duration.ofMillis(100));
        }
        throw new IllegalStateException("the Kafka broker did not start within 2 minutes; see " + log);
    }

    private static long readyLines(Path log) throws IOException {
        return Files.exists(log) ? Files.readAllLines(log).stream().filter(l -> l.startsWith("KAFKA READY")).count() : 0;
    }

    /** Stops the broker (SIGTERM: a clean shutdown) and starts it again on the same port and logs. */
    void restartKafka(Duration down) throws IOException {
        OsProcesses.stop(kafka, Duration.ofSeconds(60));
        OsProcesses.sleep(down);
        startKafka();
    }

    /** Starts the local stack; returns once both services are ready (readiness includes the consumer's partitions). */
    void startStack() throws IOException {
        starts++;
        Path log = directory.resolve("stack-" + starts + ".log");
        stack = OsProcesses.java(LocalStack.class.getName(), List.of("--data-dir=" + directory.resolve("data"),
                        "--command-port=" + commandPort, "--query-port=" + queryPort, "--provider-port=" + providerPort,
                        "--postgres-port=" + postgresPort,
                        "--kafka-bootstrap=localhost:" + kafkaPort),
                Map.of("SPRING_SECURITY_OAUTH2_RESOURCESERVER_JWT_PUBLIC_KEY_LOCATION", tokens.publicKeyLocation(),
                        "LOGGING_LEVEL_ORG_APACHE_KAFKA", "WARN",
                        // what the recovery times are made of: the publisher's retries, the consumer's assignments
                        "LOGGING_LEVEL_ORG_AXONFRAMEWORK_EVENTHANDLING", "INFO",
                        "LOGGING_LEVEL_ORG_SPRINGFRAMEWORK_KAFKA_LISTENER", "INFO"), log);
        long start = System.nanoTime();
        awaitReady(Duration.ofMinutes(3), log);
        System.out.printf("fault-suite: stack start %d ready in %.1f s (log %s)%n", starts,
                (System.nanoTime() - start) / 1e9, log);
    }

    void awaitReady(Duration wait, Path log) {
        long deadline = System.nanoTime() + wait.toNanos();
        while (System.nanoTime() < deadline) {
            if (stack != null && !stack.isAlive()) {
                throw new IllegalStateException("the local stack exited with " + stack.exitValue() + "; see " + log);
            }
            if (ready(commandUrl()) && ready(queryUrl())) {
                return;
            }
            OsProcesses.sleep(Duration.ofMillis(100));
        }
        throw new IllegalStateException("the local stack was not ready within " + wait + "; see " + log);
    }

    private static boolean ready(String base) {
        try {
            return Http.get(base + "/actuator/health/readiness", Duration.ofSeconds(2)).ok();
        } catch (IOException e) {
            return false;
        }
    }

    long stackPid() {
        return stack.pid();
    }

    /** kill -9 of the services' JVM; its PostgreSQL server is left running, as after a real crash. */
    void killStack() {
        OsProcesses.signal(stack.pid(), "KILL");
        OsProcesses.awaitExit(stack, Duration.ofSeconds(30));
    }

    /** Ctrl-C: SIGINT to the stack's JVM; returns once it has stopped everything and exited. */
    void interruptStack() {
        OsProcesses.signal(stack.pid(), "INT");
        if (!OsProcesses.awaitExit(stack, Duration.ofMinutes(2))) {
            throw new IllegalStateException("the local stack did not stop within 2 minutes of SIGINT");
        }
    }

    /** kill -9 of the postmaster; the stack's supervisor is expected to start it again. */
    long killPostgres() {
        long pid = OsProcesses.postmaster(postgresData())
                .orElseThrow(() -> new IllegalStateException("no postmaster running in " + postgresData()));
        OsProcesses.signal(pid, "KILL");
        return pid;
    }

    String lastLog() {
        return directory.resolve("stack-" + starts + ".log").toString();
    }

    @Override
    public void close() {
        OsProcesses.stop(stack, Duration.ofSeconds(60));
        // a postmaster a killed stack left behind is ours too
        OsProcesses.postmaster(postgresData()).ifPresent(pid -> OsProcesses.signal(pid, "INT"));
        OsProcesses.stop(kafka, Duration.ofSeconds(60));
    }
}
