package mx.gobiernoabierto.compromisos.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import mx.gobiernoabierto.compromisos.events.CommitmentStatus;
import mx.gobiernoabierto.compromisos.infrastructure.TestInfrastructure;

/**
 * The demo, loaded through the HTTP API into both services against a real PostgreSQL and Kafka: every lifecycle
 * state and schedule situation shows in the query service, and a second load is answered entirely from the
 * stored first answers and changes nothing.
 */
class DemoDataTest {

    private static final int COMMITMENTS = 10;
    private static Services services;
    private static Client command;
    private static Client query;
    private static String commandUrl;
    private static String queryUrl;

    @BeforeAll
    static void startBothServices() {
        var postgres = TestInfrastructure.postgres();
        services = Services.start(
                postgres.withDatabase(dbName(TestInfrastructure.freshDatabase("demo_command"))),
                postgres.withDatabase(dbName(TestInfrastructure.freshDatabase("demo_query"))),
                TestInfrastructure.kafka(), 0, 0, List.of("--spring.profiles.active=demo", "--compromisos.topic=demo.events",
                        "--compromisos.query.topic=demo.events", "--compromisos.query.dead-letter-topic=demo.events.dlt"));
        commandUrl = "http://127.0.0.1:" + services.commandPort();
        queryUrl = "http://127.0.0.1:" + services.queryPort();
        command = new Client(commandUrl);
        query = new Client(queryUrl);
    }

    @AfterAll
    static void stop() {
        if (services != null) {
            services.close();
        }
    }

    @Test
    void theDemoCoversEveryStateAndLoadingItAgainChangesNothing() {
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        DemoData demo = new DemoData(commandUrl, queryUrl, new PrintStream(printed, true, StandardCharsets.UTF_8));

        long started = System.nanoTime();
        DemoData.Summary first = demo.load();
        long firstMillis = (System.nanoTime() - started) / 1_000_000;
        System.out.println(printed.toString(StandardCharsets.UTF_8));
        System.out.println("First load (" + firstMillis + " ms): " + first);

        assertThat(first.plans()).isEqualTo(3);
        assertThat(first.commitments()).isEqualTo(COMMITMENTS);
        assertThat(first.replayed()).isZero();
        assertThat(first.requests()).isGreaterThan(150);
        assertThat(printed.toString(StandardCharsets.UTF_8).lines().filter(line -> line.matches("\\s+[A-Z]+-2025-\\d\\d .*")))
                .hasSize(COMMITMENTS);
        Map<String, Long> versions = demo.versionsByCode();
        Map<String, String> ids = demo.idsByCode();

        // the query service catches up with every commitment at the version the command service gave
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250)).untilAsserted(() -> {
            JsonNode list = query.get("/api/v1/commitments?size=500");
            assertThat(list.get("totalItems").asLong()).isEqualTo(COMMITMENTS);
            assertThat(versionsOf(list)).isEqualTo(versions);
        });
        JsonNode list = query.get("/api/v1/commitments?size=500");

        // three plans, each with its progress
        Set<String> planIds = new HashSet<>();
        list.get("items").forEach(item -> planIds.add(item.get("planId").asString()));
        assertThat(planIds).hasSize(3).containsExactlyInAnyOrderElementsOf(demo.planIds().values());
        int counted = 0;
        for (String planId : planIds) {
            JsonNode plan = query.get("/api/v1/plans/" + planId + "/progress");
            assertThat(plan.get("stlId").asString()).isIn("stl-jalisco", "stl-oaxaca", "stl-nuevo-leon");
            for (JsonNode n : plan.get("commitmentsByStatus")) {
                counted += n.asInt();
            }
        }
        assertThat(counted).isEqualTo(COMMITMENTS);
        JsonNode jalisco = query.get("/api/v1/plans/" + demo.planIds().get("stl-jalisco") + "/progress");
        assertThat(jalisco.get("atRisk").asInt()).isEqualTo(1);
        JsonNode oaxaca = query.get("/api/v1/plans/" + demo.planIds().get("stl-oaxaca") + "/progress");
        assertThat(oaxaca.get("delayed").asInt()).isEqualTo(1);
        assertThat(oaxaca.get("overdueMilestones").asInt()).isGreaterThanOrEqualTo(2);

        // every lifecycle state, and the three schedule situations of the commitments in implementation
        Map<String, String> statusByCode = new HashMap<>();
        Map<String, String> scheduleByCode = new HashMap<>();
        list.get("items").forEach(item -> {
            statusByCode.put(item.get("code").asString(), item.get("status").asString());
            scheduleByCode.put(item.get("code").asString(), text(item.get("scheduleStatus")));
        });
        assertThat(Set.copyOf(statusByCode.values())).containsExactlyInAnyOrderElementsOf(
                Arrays.stream(CommitmentStatus.values()).map(Enum::name).toList());
        assertThat(statusByCode.values().stream().filter("IN_IMPLEMENTATION"::equals)).hasSize(3);
        assertThat(scheduleByCode).containsEntry("JAL-2025-01", "ON_TRACK")
                .containsEntry("JAL-2025-02", "AT_RISK")
                .containsEntry("OAX-2025-01", "DELAYED");
        JsonNode delayed = query.get("/api/v1/commitments/" + ids.get("OAX-2025-01"));
        assertThat(delayed.get("milestonesOverdue").asInt()).isEqualTo(2);
        int rescheduled = 0;
        for (JsonNode milestone : delayed.get("milestones")) {
            if (!milestone.get("dueDate").asString().equals(milestone.get("originalDueDate").asString())) {
                rescheduled++;
            }
        }
        assertThat(rescheduled).isEqualTo(1);

        // SDG progress over several goals
        JsonNode sdg = query.get("/api/v1/sdg/progress");
        Set<Integer> goals = new HashSet<>();
        sdg.get("goals").forEach(goal -> goals.add(goal.get("goal").asInt()));
        assertThat(goals).hasSizeGreaterThanOrEqualTo(6).contains(5, 6, 11, 12, 16);

        // corrected measurements show as corrected, with the corrected value as the value
        int corrected = 0;
        int evaluated = 0;
        for (String id : ids.values()) {
            JsonNode detail = query.get("/api/v1/commitments/" + id);
            for (JsonNode indicator : detail.get("indicators")) {
                for (JsonNode measurement : indicator.get("measurements")) {
                    if (measurement.get("corrected").asBoolean()) {
                        corrected++;
                        assertThat(measurement.get("value").decimalValue())
                                .isNotEqualByComparingTo(measurement.get("originalValue").decimalValue());
                    }
                }
            }
            if (detail.get("evaluation") != null && !detail.get("evaluation").isNull()) {
                evaluated++;
                assertThat(detail.get("evaluation").get("completionLevel").asString()).isEqualTo("COMPLETE");
            }
        }
        assertThat(corrected).isEqualTo(2);
        assertThat(evaluated).isEqualTo(1);
        Map<String, Long> eventsBefore = eventCounts(ids);
        assertThat(eventsBefore).isEqualTo(versions.entrySet().stream()
                .collect(Collectors.toMap(e -> ids.get(e.getKey()), e -> e.getValue() + 1)));

        // loading again is answered from the first answers and writes nothing
        ByteArrayOutputStream printedAgain = new ByteArrayOutputStream();
        DemoData again = new DemoData(commandUrl, queryUrl, new PrintStream(printedAgain, true, StandardCharsets.UTF_8));
        started = System.nanoTime();
        DemoData.Summary second = again.load();
        long secondMillis = (System.nanoTime() - started) / 1_000_000;
        System.out.println(printedAgain.toString(StandardCharsets.UTF_8));
        System.out.println("Second load (" + secondMillis + " ms): " + second);

        assertThat(second.requests()).isEqualTo(first.requests());
        assertThat(second.replayed()).isEqualTo(second.requests());
        assertThat(second.plans()).isEqualTo(3);
        assertThat(second.commitments()).isEqualTo(COMMITMENTS);
        assertThat(again.idsByCode()).isEqualTo(ids);
        assertThat(again.versionsByCode()).isEqualTo(versions);
        assertThat(again.planIds()).isEqualTo(demo.planIds());
        assertThat(eventCounts(ids)).isEqualTo(eventsBefore);
        JsonNode after = query.get("/api/v1/commitments?size=500");
        assertThat(after.get("totalItems").asLong()).isEqualTo(COMMITMENTS);
        assertThat(versionsOf(after)).isEqualTo(versions);

        // a load days later keeps the first load's dates (found through the query service) and also writes nothing
        ByteArrayOutputStream printedLater = new ByteArrayOutputStream();
        DemoData later = new DemoData(commandUrl, queryUrl, new PrintStream(printedLater, true, StandardCharsets.UTF_8),
                Clock.offset(Clock.systemUTC(), Duration.ofDays(3)));
        DemoData.Summary third = later.load();
        System.out.println(printedLater.toString(StandardCharsets.UTF_8));
        System.out.println("Load three days later: " + third);
        assertThat(printedLater.toString(StandardCharsets.UTF_8)).contains("first loaded on");
        assertThat(third.replayed()).isEqualTo(third.requests()).isEqualTo(first.requests());
        assertThat(later.idsByCode()).isEqualTo(ids);
        assertThat(later.versionsByCode()).isEqualTo(versions);
        assertThat(eventCounts(ids)).isEqualTo(eventsBefore);
    }

    private static String text(JsonNode node) {
        return node == null || node.isNull() ? null : node.asString();
    }

    private static Map<String, Long> versionsOf(JsonNode list) {
        Map<String, Long> versions = new HashMap<>();
        list.get("items").forEach(item -> versions.put(item.get("code").asString(), item.get("version").asLong()));
        return versions;
    }

    /** Events per commitment as the command service's own store holds them. */
    private static Map<String, Long> eventCounts(Map<String, String> ids) {
        Map<String, Long> counts = new HashMap<>();
        ids.values().forEach(id -> counts.put(id, command.get("/api/v1/commitments/" + id + "/integrity")
                .get("events").asLong()));
        return counts;
    }

    private static String dbName(String jdbcUrl) {
        String path = jdbcUrl.substring(jdbcUrl.lastIndexOf('/') + 1);
        return path.contains("?") ? path.substring(0, path.indexOf('?')) : path;
    }
}
