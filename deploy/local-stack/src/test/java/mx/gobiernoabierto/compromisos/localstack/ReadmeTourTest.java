package mx.gobiernoabierto.compromisos.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import mx.gobiernoabierto.compromisos.infrastructure.TestInfrastructure;

/** The README's five-minute tour, run as written in bash against both services. */
class ReadmeTourTest {

    private static Services services;

    @BeforeAll
    static void startBothServices() {
        var postgres = TestInfrastructure.postgres();
        services = Services.start(
                postgres.withDatabase(EndToEndTest.dbName(TestInfrastructure.freshDatabase("tour_command"))),
                postgres.withDatabase(EndToEndTest.dbName(TestInfrastructure.freshDatabase("tour_query"))),
                TestInfrastructure.kafka(), 0, 0, List.of("--spring.profiles.active=demo", "--compromisos.topic=tour.events",
                        "--compromisos.query.topic=tour.events", "--compromisos.query.dead-letter-topic=tour.events.dlt"));
    }

    @AfterAll
    static void stop() {
        if (services != null) {
            services.close();
        }
    }

    @Test
    void theTourRunsAsWrittenAndEndsWithAnEvaluatedCommitmentWhoseChainIsValidOnBothServices() throws Exception {
        String tour = tourFromReadme();
        ProcessBuilder bash = new ProcessBuilder("bash", "-euo", "pipefail", "-c", tour).redirectErrorStream(true);
        bash.environment().put("C", "http://127.0.0.1:" + services.commandPort());
        bash.environment().put("Q", "http://127.0.0.1:" + services.queryPort());
        Process process = bash.start();
        String output = new String(process.getInputStream().readAllBytes());

        assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(output).isZero();
        assertThat(output).contains("\"status\":\"EVALUATED\"", "\"implementationProgress\":100.0");
        assertThat(output.split("\"valid\":true", -1)).as(output).hasSize(3);
    }

    private static String tourFromReadme() throws Exception {
        Path dir = Path.of("").toAbsolutePath();
        while (!Files.exists(dir.resolve("mvnw"))) {
            dir = dir.getParent();
        }
        List<String> lines = Files.readAllLines(dir.resolve("README.md"));
        int heading = lines.indexOf("## A five-minute tour");
        assertThat(heading).as("the README has its tour").isNotNegative();
        int start = heading;
        while (!lines.get(start).equals("```sh")) {
            start++;
        }
        int end = start + 1;
        while (!lines.get(end).equals("```")) {
            end++;
        }
        return String.join("\n", lines.subList(start + 1, end));
    }
}
