package mx.gobiernoabierto.compromisos.localstack;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import mx.gobiernoabierto.compromisos.infrastructure.KafkaEndpoint;
import mx.gobiernoabierto.compromisos.infrastructure.PostgresEndpoint;

/**
 * The two services in a JVM each ({@link ServiceMain}), on free ports, with the JVM options given, their output in
 * log files. Only the processes started here are ever stopped.
 */
final class ServiceJvms implements AutoCloseable {

    /** The unit of {@code /proc/<pid>/stat}'s times: {@code USER_HZ}, 100 on every Linux platform Java runs on. */
    private static final int CLOCK_TICKS_PER_SECOND = 100;

    private final int commandPort = Services.freePort();
    private final int queryPort = Services.freePort();
    private final Process command;
    private final Process query;

    /**
     * Starts both at once and returns when both are ready (the query service's readiness includes its consumer's
     * partitions).
     */
    ServiceJvms(PostgresEndpoint commandDatabase, PostgresEndpoint queryDatabase, KafkaEndpoint kafka,
                List<String> jvmOptions, List<String> extra, Path logs) throws IOException {
        Files.createDirectories(logs);
        List<String> querySettings = Services.arguments(queryDatabase, kafka, queryPort, extra);
        querySettings.add("--compromisos.query.command-service-url=http://localhost:" + commandPort);
        query = start("query", jvmOptions, querySettings, logs.resolve("query-service.log"));
        command = start("command", jvmOptions, Services.arguments(commandDatabase, kafka, commandPort, extra),
                logs.resolve("command-service.log"));
        try {
            awaitReady(logs);
        } catch (RuntimeException e) {
            close();
            throw e;
        }
    }

    int commandPort() {
        return commandPort;
    }

    int queryPort() {
        return queryPort;
    }

    long commandPid() {
        return command.pid();
    }

    long queryPid() {
        return query.pid();
    }

    /**
     * The CPU time (user and system, {@code /proc/<pid>/stat}) used so far, in seconds: {command service, query
     * service, this JVM (the benchmark's clients and its Kafka broker), PostgreSQL}. Read before and after a phase, it
     * says what the phase cost each. PostgreSQL's backends that ended during the phase are missed (the services keep
     * pooled connections, so few do).
     */
    double[] cpuSeconds() throws IOException {
        return new double[] {cpuSeconds(command.pid()), cpuSeconds(query.pid()), cpuSeconds(ProcessHandle.current().pid()),
                postgresCpuSeconds()};
    }

    /** The CPU seconds of every PostgreSQL process of this machine (the benchmark's server and its backends). */
    private static double postgresCpuSeconds() throws IOException {
        double seconds = 0;
        try (Stream<Path> processes = Files.list(Path.of("/proc"))) {
            for (Path process : processes.filter(p -> p.getFileName().toString().chars().allMatch(Character::isDigit))
                    .toList()) {
                try {
                    String stat = Files.readString(process.resolve("stat"));
                    if (name(stat).equals("postgres")) {
                        seconds += cpuSecondsOf(stat);
                    }
                } catch (NoSuchFileException | AccessDeniedException gone) {
                    // the process ended between the listing and the read, or is not ours to read
                }
            }
        }
        return seconds;
    }

    /**
     * The CPU seconds each kind of thread of the command service has used so far, by thread name with its digits taken
     * out (so the web server's threads add up as one kind). Threads that ended are not counted.
     */
    Map<String, Double> commandCpuSecondsByThread() throws IOException {
        Map<String, Double> seconds = new TreeMap<>();
        Path tasks = Path.of("/proc", Long.toString(command.pid()), "task");
        try (Stream<Path> threads = Files.list(tasks)) {
            for (Path thread : threads.toList()) {
                try {
                    String stat = Files.readString(thread.resolve("stat"));
                    seconds.merge(name(stat).replaceAll("\\d+", "N"), cpuSecondsOf(stat), Double::sum);
                } catch (NoSuchFileException ended) {
                    // the thread ended between the listing and the read
                }
            }
        }
        return seconds;
    }

    private static double cpuSeconds(long pid) throws IOException {
        return cpuSecondsOf(Files.readString(Path.of("/proc", Long.toString(pid), "stat")));
    }

    /** The process's or thread's name in a {@code /proc} stat line: in parentheses, and it may hold spaces. */
    private static String name(String stat) {
        return stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
    }

    private static double cpuSecondsOf(String stat) {
        // the fields after the command name, which is in parentheses and may hold spaces: utime and stime are 14 and 15
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / (double) CLOCK_TICKS_PER_SECOND;
    }

    /** The peak resident set size of a process ({@code VmHWM} of {@code /proc/<pid>/status}), in MiB. */
    static double peakResidentMiB(long pid) throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
            if (line.startsWith("VmHWM:")) {
                return Double.parseDouble(line.substring("VmHWM:".length()).replace("kB", "").trim()) / 1024.0;
            }
        }
        throw new IllegalStateException("no VmHWM in /proc/" + pid + "/status");
    }

    private static Process start(String service, List<String> jvmOptions, List<String> settings, Path log)
            throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), ServiceMain.class.getName(), service));
        command.addAll(settings);
        return new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.to(log.toFile())).start();
    }

    private void awaitReady(Path logs) {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(4);
        boolean commandReady = false;
        boolean queryReady = false;
        while (!(commandReady && queryReady)) {
            for (Process process : List.of(command, query)) {
                if (!process.isAlive()) {
                    throw new IllegalStateException("a service exited with " + process.exitValue() + "; see " + logs);
                }
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the services were not ready within 4 minutes; see " + logs);
            }
            commandReady = commandReady || ready(http, commandPort);
            queryReady = queryReady || ready(http, queryPort);
            sleep(200);
        }
    }

    private static boolean ready(HttpClient http, int port) {
        try {
            return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/health/readiness"))
                    .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** SIGTERM to both (a graceful stop), SIGKILL to what has not ended a minute later. */
    @Override
    public void close() {
        for (Process process : List.of(command, query)) {
            process.destroy();
        }
        for (Process process : List.of(command, query)) {
            try {
                if (!process.waitFor(60, TimeUnit.SECONDS)) {
                    process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
