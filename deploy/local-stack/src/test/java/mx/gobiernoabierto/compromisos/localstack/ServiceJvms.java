package mx.gobiernoabierto.compromisos.localstack;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import mx.gobiernoabierto.compromisos.infrastructure.KafkaEndpoint;
import mx.gobiernoabierto.compromisos.infrastructure.PostgresEndpoint;

/**
 * The two services in a JVM each ({@link ServiceMain}), on free ports, with the JVM options given, their output in
 * log files. Only the processes started here are ever stopped.
 */
final class ServiceJvms implements AutoCloseable {

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
