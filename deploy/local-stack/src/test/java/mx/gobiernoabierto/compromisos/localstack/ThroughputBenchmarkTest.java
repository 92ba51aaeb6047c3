package mx.gobiernoabierto.compromisos.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

import mx.gobiernoabierto.compromisos.infrastructure.TestInfrastructure;

/**
 * Prints figures of the whole path on this machine: command latency and throughput over HTTP, and how long a
 * write takes to show in the query service's view. It asserts only that the work was done, never how fast: run
 * it on purpose (see the pom) and read its output. The one user has a cheap bcrypt cost so that the figures are
 * the product's and not the password check's (production uses JWTs, which cost no hashing).
 */
@Tag("benchmark")
class ThroughputBenchmarkTest {

    private static final LocalDate TODAY = LocalDate.now(ZoneId.of("America/Mexico_City"));
    private static final int CLIENTS = 8;
    private static final int COMMANDS_PER_CLIENT = 200;

    @Test
    void commandsPerSecondAndReadYourWriteLatency() throws Exception {
        String hash = "{bcrypt}" + new BCryptPasswordEncoder(4).encode("bench");
        List<String> user = List.of("--compromisos.security.users[0].username=bench",
                "--compromisos.security.users[0].password=" + hash, "--compromisos.security.users[0].id=usr-bench-01",
                "--compromisos.security.users[0].display-name=Benchmark",
                "--compromisos.security.users[0].roles=ADMIN,STL_EDITOR",
                "--compromisos.security.users[0].stls=stl-bench");
        List<String> settings = new ArrayList<>(user);
        settings.addAll(List.of("--compromisos.topic=bench.events", "--compromisos.query.topic=bench.events",
                "--compromisos.query.dead-letter-topic=bench.events.dlt", "--logging.level.root=WARN"));
        var postgres = TestInfrastructure.postgres();
        try (Services services = Services.start(
                postgres.withDatabase(EndToEndTest.dbName(TestInfrastructure.freshDatabase("bench_command"))),
                postgres.withDatabase(EndToEndTest.dbName(TestInfrastructure.freshDatabase("bench_query"))),
                TestInfrastructure.kafka(), 0, 0, settings)) {
            Client command = new Client("http://127.0.0.1:" + services.commandPort(), "bench", "bench");
            Client query = new Client("http://127.0.0.1:" + services.queryPort());
            String planId = command.post("/api/v1/plans", Map.of("stlId", "stl-bench", "stlName", "STL de prueba",
                    "jurisdiction", "Prueba", "title", "Plan de prueba", "periodStart", "2020-01-01",
                    "periodEnd", "2035-12-31")).get("planId").asString();
            List<String[]> commitments = new ArrayList<>();
            for (int i = 0; i < CLIENTS; i++) {
                commitments.add(inImplementation(command, planId, i));
            }
            warmUp(command, commitments.getFirst());

            List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
            long started = System.nanoTime();
            try (ExecutorService pool = Executors.newFixedThreadPool(CLIENTS)) {
                List<Future<?>> clients = new ArrayList<>();
                for (String[] commitment : commitments) {
                    clients.add(pool.submit(() -> {
                        for (int n = 0; n < COMMANDS_PER_CLIENT; n++) {
                            long t = System.nanoTime();
                            progress(command, commitment, n % 100);
                            latencies.add(System.nanoTime() - t);
                        }
                        return null;
                    }));
                }
                for (Future<?> client : clients) {
                    client.get();
                }
            }
            double seconds = (System.nanoTime() - started) / 1e9;
            int total = CLIENTS * COMMANDS_PER_CLIENT;
            Collections.sort(latencies);
            System.out.printf("benchmark: %d commands from %d concurrent clients in %.2f s: %.0f commands/s;"
                            + " latency p50 %.1f ms, p95 %.1f ms, p99 %.1f ms%n", total, CLIENTS, seconds, total / seconds,
                    percentile(latencies, 50), percentile(latencies, 95), percentile(latencies, 99));

            List<Long> visible = new ArrayList<>();
            String[] one = commitments.getFirst();
            for (int n = 0; n < 50; n++) {
                long t = System.nanoTime();
                long version = progress(command, one, n);
                query.get("/api/v1/commitments/" + one[0] + "?minVersion=" + version);
                visible.add(System.nanoTime() - t);
            }
            Collections.sort(visible);
            System.out.printf("benchmark: write then read-your-write through Kafka (one client): p50 %.1f ms,"
                    + " p95 %.1f ms%n", percentile(visible, 50), percentile(visible, 95));
            assertThat(latencies).hasSize(total);
        }
    }

    private static String[] inImplementation(Client command, String planId, int i) {
        String id = command.post("/api/v1/commitments", Map.ofEntries(Map.entry("planId", planId),
                Map.entry("code", "BENCH-" + i), Map.entry("title", "Compromiso de prueba " + i),
                Map.entry("publicProblem", "Problema"), Map.entry("objective", "Objetivo"),
                Map.entry("responsibleInstitutions", List.of("Institución")),
                Map.entry("civilSocietyOrganisations", List.of("Organización")),
                Map.entry("ogpValues", List.of("TRANSPARENCY")), Map.entry("sdgTargets", List.of("16.6")),
                Map.entry("startDate", "2020-01-01"), Map.entry("endDate", "2035-12-31"))).get("commitmentId").asString();
        String path = "/api/v1/commitments/" + id;
        String milestone = command.post(path + "/milestones", Map.of("title", "Hito", "description", "d",
                "dueDate", "2030-01-01", "responsible", "r")).get("milestoneId").asString();
        command.post(path + "/indicators", Map.ofEntries(Map.entry("name", "Indicador"), Map.entry("kind", "OUTPUT"),
                Map.entry("unit", "u"), Map.entry("baseline", 0), Map.entry("baselineDate", "2020-01-01"),
                Map.entry("target", 100), Map.entry("targetDate", "2035-12-31"), Map.entry("direction", "INCREASE"),
                Map.entry("frequency", "ANNUAL"), Map.entry("meansOfVerification", "m")));
        command.post(path + "/adoption", Map.of("sessionDate", TODAY.toString(), "approvals", List.of(
                Map.of("sector", "GOVERNMENT", "name", "A"), Map.of("sector", "TRANSPARENCY_BODY", "name", "B"),
                Map.of("sector", "CIVIL_SOCIETY", "name", "C"))));
        command.post(path + "/implementation", Map.of("startedOn", TODAY.toString()));
        return new String[] {id, milestone};
    }

    private static void warmUp(Client command, String[] commitment) {
        for (int n = 0; n < 100; n++) {
            progress(command, commitment, n);
        }
    }

    private static long progress(Client command, String[] commitment, int percent) {
        return command.post("/api/v1/commitments/" + commitment[0] + "/milestones/" + commitment[1] + "/progress",
                Map.of("percent", percent, "reportedOn", TODAY.toString())).get("version").asLong();
    }

    private static double percentile(List<Long> sortedNanos, int percentile) {
        int index = Math.min(sortedNanos.size() - 1, (int) Math.ceil(percentile / 100.0 * sortedNanos.size()) - 1);
        return sortedNanos.get(Math.max(0, index)) / 1e6;
    }
}
