package mx.gobiernoabierto.compromisos.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Prints the server time of every portal page on the demo data, and of the dashboard and a plan page once a plan
 * has 200 commitments: p50 and p95 of the time to the last byte over loopback (the server's rendering plus one
 * local round trip), one request at a time after a warm-up. It asserts only that the pages answered, never how
 * fast: run it on purpose (see the pom) and read its output.
 */
@Tag("benchmark")
class PortalBenchmarkTest {

    private static final int WARM_UP = 20;
    private static final int SAMPLES = 100;
    private static final int COMMITMENTS = 200;
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @Test
    void serverTimeOfEveryPageOnTheDemoAndOfTheBusiestPagesWith200Commitments() throws Exception {
        try (PortalStack stack = PortalStack.startWithDemo("portal_bench")) {
            PortalStack.HandComputed known = stack.handComputedCommitment("NL-BENCH-01");
            Map<String, String> pages = new LinkedHashMap<>(stack.pages(known));
            pages.putAll(PortalStack.feeds(known));
            List<String> lines = new ArrayList<>();
            for (Map.Entry<String, String> page : pages.entrySet()) {
                lines.add(measure(stack.queryUrl, page.getKey(), page.getValue()));
            }

            Instant started = Instant.now();
            String planId = planWithCommitments(stack, COMMITMENTS);
            lines.add(String.format(Locale.ROOT, "  (%d commitments written in %d s)", COMMITMENTS,
                    Duration.between(started, Instant.now()).toSeconds()));
            lines.add(measure(stack.queryUrl, "dashboard, +200", "/"));
            lines.add(measure(stack.queryUrl, "plan of 200", "/planes/" + planId));

            System.out.println("\nPortal pages, server time over loopback (" + SAMPLES + " requests each, after "
                    + WARM_UP + " to warm up):\n" + String.join("\n", lines) + "\n");
        }
    }

    private static String measure(String base, String name, String path) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30)).build();
        for (int i = 0; i < WARM_UP; i++) {
            send(request);
        }
        double[] millis = new double[SAMPLES];
        int bytes = 0;
        for (int i = 0; i < SAMPLES; i++) {
            long start = System.nanoTime();
            bytes = send(request);
            millis[i] = (System.nanoTime() - start) / 1e6;
        }
        Arrays.sort(millis);
        return String.format(Locale.ROOT, "  %-18s p50 %6.1f ms  p95 %6.1f ms  %7d bytes  %s", name,
                millis[SAMPLES / 2], millis[(int) Math.ceil(SAMPLES * 0.95) - 1], bytes, path);
    }

    private static int send(HttpRequest request) throws Exception {
        HttpResponse<byte[]> response = HTTP.send(request, HttpResponse.BodyHandlers.ofByteArray());
        assertThat(response.statusCode()).as(request.uri().toString()).isEqualTo(200);
        return response.body().length;
    }

    /** A plan of Oaxaca with {@code count} commitments in implementation, each with a milestone and an indicator. */
    private static String planWithCommitments(PortalStack stack, int count) throws Exception {
        Client editor = new Client(stack.commandUrl, "editor.oaxaca", "demo-oaxaca");
        LocalDate today = PortalStack.TODAY;
        String planId = stack.admin.post("/api/v1/plans", Map.of("stlId", "stl-oaxaca", "stlName", "STL Oaxaca",
                "jurisdiction", "Oaxaca", "title", "Plan de 200 compromisos", "periodStart",
                today.minusYears(1).toString(), "periodEnd", today.plusYears(2).toString())).get("planId").asString();
        ExecutorService clients = Executors.newFixedThreadPool(4);
        try {
            List<Future<String>> written = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                int n = i;
                written.add(clients.submit(() -> commitmentInImplementation(editor, planId, n, today)));
            }
            for (Future<String> commitment : written) {
                // the query service has applied this commitment's last write (or the read answers 503 and fails)
                stack.query.get(commitment.get());
            }
            assertThat(stack.query.get("/api/v1/commitments?planId=" + planId + "&size=1").get("totalItems").asInt())
                    .isEqualTo(count);
            return planId;
        } finally {
            clients.shutdownNow();
        }
    }

    /** Writes one commitment and answers the query-service path that waits for its last write. */
    private static String commitmentInImplementation(Client editor, String planId, int n, LocalDate today) {
        String id = editor.post("/api/v1/commitments", Map.ofEntries(Map.entry("planId", planId),
                Map.entry("code", String.format(Locale.ROOT, "OAX-200-%03d", n)),
                Map.entry("title", "Compromiso de prueba número " + n),
                Map.entry("publicProblem", "Un problema público"), Map.entry("objective", "Un objetivo"),
                Map.entry("responsibleInstitutions", List.of("Secretaría de la Contraloría")),
                Map.entry("civilSocietyOrganisations", List.of("Observatorio ciudadano")),
                Map.entry("ogpValues", List.of(n % 2 == 0 ? "TRANSPARENCY" : "CIVIC_PARTICIPATION")),
                Map.entry("sdgTargets", List.of("16." + (1 + n % 10), (1 + n % 17) + ".1")),
                Map.entry("startDate", today.minusDays(100 + n).toString()),
                Map.entry("endDate", today.plusDays(100 + n).toString()))).get("commitmentId").asString();
        String path = "/api/v1/commitments/" + id;
        String milestone = editor.post(path + "/milestones", Map.of("title", "Hito", "description", "d",
                "dueDate", today.plusDays(50).toString(), "responsible", "Contraloría")).get("milestoneId").asString();
        editor.post(path + "/indicators", Map.ofEntries(Map.entry("name", "Indicador"), Map.entry("kind", "OUTPUT"),
                Map.entry("unit", "%"), Map.entry("baseline", 0), Map.entry("baselineDate", today.minusDays(100).toString()),
                Map.entry("target", 100), Map.entry("targetDate", today.plusDays(100).toString()),
                Map.entry("direction", "INCREASE"), Map.entry("frequency", "ANNUAL"),
                Map.entry("meansOfVerification", "Informe")));
        editor.post(path + "/adoption", Map.of("sessionDate", today.minusDays(90).toString(), "approvals", List.of(
                Map.of("sector", "GOVERNMENT", "name", "Ana"), Map.of("sector", "TRANSPARENCY_BODY", "name", "Luis"),
                Map.of("sector", "CIVIL_SOCIETY", "name", "Eva"))));
        editor.post(path + "/implementation", Map.of("startedOn", today.minusDays(80).toString()));
        long version = editor.post(path + "/milestones/" + milestone + "/progress", Map.of("percent", n % 101,
                "reportedOn", today.minusDays(1).toString())).get("version").asLong();
        return path + "?minVersion=" + version;
    }
}
