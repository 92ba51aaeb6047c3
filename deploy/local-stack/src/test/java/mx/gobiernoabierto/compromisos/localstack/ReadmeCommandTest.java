package mx.gobiernoabierto.compromisos.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * Runs the local stack as a user would: the README's command, in a child process, then Ctrl-C, then again.
 * The child runs in its own process group so that the interrupt reaches Maven and the JVM it forked, as a
 * terminal's Ctrl-C does.
 */
class ReadmeCommandTest {

    private static final Path ROOT = repositoryRoot();

    @TempDir
    Path data;

    @Test
    void theReadmeCommandRunsTheProductLoadsTheDemoStopsOnCtrlCAndKeepsTheDataAcrossARestart() throws Exception {
        String command = readmeRunCommand();
        int commandPort = freePort();
        int queryPort = freePort();
        String arguments = "--data-dir=" + data + " --command-port=" + commandPort + " --query-port=" + queryPort
                + " --provider-port=" + freePort() + " --postgres-port=" + freePort() + " --kafka-port=" + freePort();

        JsonNode before;
        Process first = start(command, "--demo " + arguments, "first.log");
        try {
            awaitHealthy(first, commandPort, queryPort, "first.log");
            before = awaitDemo(queryPort, "first.log");

            Process again = start(command, arguments, "again.log");
            assertThat(again.waitFor(5, TimeUnit.MINUTES)).as("a second start on the same data ends by itself").isTrue();
            String refusal = Files.readString(data.resolve("again.log"));
            assertThat(refusal).contains("another local stack is already running with its data in")
                    .as("a message, not a stack trace").doesNotContain("\tat ");
        } finally {
            interrupt(first);
        }
        assertThat(first.waitFor(120, TimeUnit.SECONDS)).as("stopped after Ctrl-C").isTrue();
        assertThat(Files.readString(data.resolve("first.log"))).contains("Stopped. Your data is in");

        Process second = start(command, arguments, "second.log");
        try {
            awaitHealthy(second, commandPort, queryPort, "second.log");
            JsonNode after = new Client("http://127.0.0.1:" + queryPort).get("/api/v1/commitments?size=500");
            assertThat(after.get("totalItems")).isEqualTo(before.get("totalItems"));
            assertThat(after.get("items").findValues("version")).isEqualTo(before.get("items").findValues("version"));
            String planId = after.get("items").get(0).get("planId").asString();
            JsonNode progress = new Client("http://127.0.0.1:" + queryPort).get("/api/v1/plans/" + planId + "/progress");
            assertThat(progress.get("commitmentsByStatus")).isNotEmpty();
        } finally {
            interrupt(second);
            second.waitFor(120, TimeUnit.SECONDS);
        }
    }

    /** The demo's views once the load has finished (the banner follows it) and the query side has settled. */
    private JsonNode awaitDemo(int queryPort, String log) {
        await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofSeconds(1))
                .until(() -> Files.readString(data.resolve(log)).contains("Compromisos is running"));
        Client query = new Client("http://127.0.0.1:" + queryPort);
        JsonNode[] previous = {null};
        return await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofSeconds(2)).ignoreExceptions()
                .until(() -> query.get("/api/v1/commitments?size=500"), list -> {
                    boolean settled = list.equals(previous[0]) && list.get("totalItems").asInt() >= 10
                            && list.get("items").findValuesAsString("status").contains("EVALUATED");
                    previous[0] = list;
                    return settled;
                });
    }

    private void awaitHealthy(Process process, int commandPort, int queryPort, String log) {
        await().atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofSeconds(1)).ignoreExceptions()
                .failFast("the local stack stopped; see its log " + data.resolve(log), () -> !process.isAlive())
                .untilAsserted(() -> {
            assertThat(new Client("http://127.0.0.1:" + commandPort).get("/actuator/health").get("status").asString()).isEqualTo("UP");
            assertThat(new Client("http://127.0.0.1:" + queryPort).get("/actuator/health").get("status").asString()).isEqualTo("UP");
        });
    }

    private Process start(String readmeCommand, String arguments, String log) throws IOException {
        List<String> command = new ArrayList<>(List.of("setsid"));
        command.addAll(List.of(readmeCommand.split(" ")));
        command.add("-B");
        command.add("-Dspring-boot.run.arguments=" + arguments);
        return new ProcessBuilder(command).directory(ROOT.toFile()).redirectErrorStream(true)
                .redirectOutput(data.resolve(log).toFile()).start();
    }

    /** Ctrl-C: SIGINT to the child's whole process group. */
    private static void interrupt(Process process) throws Exception {
        if (process.isAlive()) {
            new ProcessBuilder("kill", "-INT", "--", "-" + process.pid()).inheritIO().start().waitFor();
        }
    }

    /** The README's run command: the fenced line that starts the local stack, without its arguments. */
    private static String readmeRunCommand() throws IOException {
        return Files.readAllLines(ROOT.resolve("README.md")).stream()
                .map(String::strip)
                .filter(line -> line.startsWith("./mvnw") && line.contains("spring-boot:run") && line.contains("local-stack")
                        && !line.contains("-Dspring-boot.run.arguments"))
                .findFirst()
                .orElseThrow(() -> new AssertionError("the README gives no command that runs deploy/local-stack"));
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    static Path repositoryRoot() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.exists(dir.resolve("mvnw"))) {
            dir = dir.getParent();
        }
        if (dir == null) {
            throw new IllegalStateException("no mvnw above " + Path.of("").toAbsolutePath());
        }
        return dir;
    }
}
