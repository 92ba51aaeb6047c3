package mx.gobiernoabierto.compromisos.localstack.fault;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import mx.gobiernoabierto.compromisos.localstack.fault.Load.Ack;
import mx.gobiernoabierto.compromisos.localstack.fault.Load.Target;

/**
 * Runs the stack as separate processes, puts it under load and breaks one part at a time: kill -9 of PostgreSQL's
 * postmaster, a stop and start of the Kafka broker, kill -9 of the services' JVM, Ctrl-C of the stack. After each,
 * it checks every acknowledged command on both sides and measures how long the stack took to recover: from the
 * fault until a new command is acknowledged and read back through the query side with {@code minVersion}.
 */
final class FaultSuite {

    private static final int CLIENTS = 4;
    private static final Duration LOAD_BEFORE = Duration.ofSeconds(3);
    private static final Duration LOAD_AFTER = Duration.ofSeconds(2);
    private static final Duration CATCH_UP = Duration.ofMinutes(2);

    /** One line of the table. */
    record Row(String scenario, int acknowledged, int lost, int doubled, boolean headsEqual, boolean caughtUp,
               Duration recovery, String note) {

        boolean clean() {
            return lost == 0 && doubled == 0 && headsEqual && caughtUp && note.isEmpty();
        }
    }

    private final StackProcesses stack;
    private final Load load;
    private final String token;
    private final List<Target> targets = new ArrayList<>();
    private Target probe;
    private int probes;

    FaultSuite(Path directory) {
        this.stack = new StackProcesses(directory);
        this.token = stack.tokens.operator(Duration.ofHours(3));
        this.load = new Load(stack, token);
    }

    /**
     * The short run (for every build) breaks PostgreSQL and the services' JVM once each; the full run also stops
     * and starts the Kafka broker, stops the stack with Ctrl-C, and then does that {@code restarts} more times, each
     * restart followed at once by a read-your-writes check.
     */
    List<Row> run(boolean full, int restarts) throws Exception {
        List<Row> rows = new ArrayList<>();
        try (stack) {
            stack.startKafka();
            stack.startStack();
            setUp();
            rows.add(scenario("kill -9 postgres", () -> stack.killPostgres()));
            if (full) {
                rows.add(scenario("kafka stop+start", () -> stack.restartKafka(Duration.ofSeconds(2))));
            }
            rows.add(scenario("kill -9 services", () -> {
                stack.killStack();
                stack.startStack();
            }));
            if (full) {
                rows.add(scenario("Ctrl-C + restart", this::interruptAndRestart));
                for (int i = 1; i <= restarts; i++) {
                    rows.add(scenario("Ctrl-C + restart #" + i, this::interruptAndRestart));
                }
            }
        }
        return rows;
    }

    private String readYourWrites;

    /** Ctrl-C under load, a new start, and at once a write read back with minVersion. */
    private void interruptAndRestart() throws IOException {
        stack.interruptStack();
        stack.startStack();
        long start = System.nanoTime();
        Ack ack = load.send(probe, "ryw-" + (++probes), probes % 101);
        if (ack == null) {
            readYourWrites = "read-your-writes: the command was not acknowledged";
            return;
        }
        Http.Answer read = Http.get(stack.queryUrl() + "/api/v1/commitments/" + probe.commitmentId() + "?minVersion="
                + ack.version(), Duration.ofSeconds(30));
        readYourWrites = read.ok() ? "" : "read-your-writes answered " + read.status() + " " + read.body();
        System.out.printf("fault-suite: read-your-writes right after the restart: %d in %d ms%n", read.status(),
                (System.nanoTime() - start) / 1_000_000);
    }

    @FunctionalInterface
    interface Fault {
        void inject() throws Exception;
    }

    private Row scenario(String name, Fault fault) throws Exception {
        readYourWrites = "";
        load.forget();
        load.start(name.replaceAll("[^A-Za-z0-9]+", "_"), targets);
        OsProcesses.sleep(LOAD_BEFORE);
        long faultAt = System.nanoTime();
        System.out.printf("fault-suite: %s at %s%n", name, java.time.Instant.now());
        fault.inject();
        Duration recovery = recoveredAfter(faultAt);
        OsProcesses.sleep(LOAD_AFTER);
        load.stop();
        Row row = check(name, recovery);
        System.out.printf("fault-suite: %s%n", row);
        return row;
    }

    /** From the fault until a new command is acknowledged and its view is read at its version. */
    private Duration recoveredAfter(long faultAt) throws IOException {
        Ack ack = load.send(probe, "probe-" + (++probes), probes % 101);
        if (ack == null) {
            return null;
        }
        long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
        while (System.nanoTime() < deadline) {
            try {
                if (Http.get(stack.queryUrl() + "/api/v1/commitments/" + probe.commitmentId() + "?minVersion="
                        + ack.version(), Duration.ofSeconds(10)).ok()) {
                    return Duration.ofNanos(System.nanoTime() - faultAt);
                }
            } catch (IOException notYet) {
                // the query service is still starting
            }
            OsProcesses.sleep(Duration.ofMillis(100));
        }
        return null;
    }

    private Row check(String name, Duration recovery) throws IOException, SQLException {
        List<String> commitments = new ArrayList<>(targets.stream().map(Target::commitmentId).toList());
        commitments.add(probe.commitmentId());
        long deadline = System.nanoTime() + CATCH_UP.toNanos();
        boolean caughtUp = Ledger.headsEqual(stack, commitments);
        while (!caughtUp && System.nanoTime() < deadline) {
            OsProcesses.sleep(Duration.ofMillis(500));
            caughtUp = Ledger.headsEqual(stack, commitments);
        }
        List<Ack> acks = load.acks();
        Map<String, Map<Long, String>> command = new HashMap<>();
        Map<String, Map<Long, String>> query = new HashMap<>();
        for (String id : commitments) {
            command.put(id, Ledger.commandSide(stack, id));
            query.put(id, Ledger.querySide(stack, id));
        }
        int lost = 0;
        int doubled = 0;
        for (Ack ack : acks) {
            boolean onCommandSide = Ledger.count(command.get(ack.commitmentId()).get(ack.version()), ack.marker()) == 1;
            boolean onQuerySide = Ledger.count(query.get(ack.commitmentId()).get(ack.version()), ack.marker()) == 1;
            if (!onCommandSide || !onQuerySide) {
                lost++;
                System.out.printf("fault-suite: LOST %s (command side %s, query side %s)%n", ack, onCommandSide, onQuerySide);
            }
            int times = Math.max(occurrences(command.get(ack.commitmentId()), ack.marker()),
                    occurrences(query.get(ack.commitmentId()), ack.marker()));
            if (times > 1) {
                doubled++;
                System.out.printf("fault-suite: DOUBLED %s: %d events%n", ack, times);
            }
        }
        boolean headsEqual = Ledger.headsEqual(stack, commitments);
        String note = readYourWrites + (load.gaveUp() + load.refused() + load.serverErrors() > 0
                ? " given up " + load.gaveUp() + ", refused " + load.refused() + ", 5xx other than 503: "
                + load.serverErrors() : "");
        return new Row(name, acks.size(), lost, doubled, headsEqual, caughtUp, recovery, note.strip());
    }

    private static int occurrences(Map<Long, String> events, String marker) {
        return events.values().stream().mapToInt(payload -> Ledger.count(payload, marker)).sum();
    }

    private void setUp() throws IOException {
        String c = stack.commandUrl();
        String planId = created(c + "/api/v1/plans", Map.of("stlId", Tokens.STL, "stlName", "STL de la prueba de fallas",
                "jurisdiction", "Prueba", "title", "Plan de prueba", "periodStart", "2020-01-01",
                "periodEnd", "2035-12-31")).get("planId").asString();
        for (int i = 0; i <= CLIENTS; i++) {
            String id = created(c + "/api/v1/commitments", Map.ofEntries(Map.entry("planId", planId),
                    Map.entry("code", "FALLA-" + i), Map.entry("title", "Compromiso de prueba " + i),
                    Map.entry("publicProblem", "Problema"), Map.entry("objective", "Objetivo"),
                    Map.entry("responsibleInstitutions", List.of("Institución")),
                    Map.entry("civilSocietyOrganisations", List.of("Organización")),
                    Map.entry("ogpValues", List.of("TRANSPARENCY")), Map.entry("sdgTargets", List.of("16.6")),
                    Map.entry("startDate", "2020-01-01"), Map.entry("endDate", "2035-12-31")))
                    .get("commitmentId").asString();
            String path = c + "/api/v1/commitments/" + id;
            String milestone = created(path + "/milestones", Map.of("title", "Hito", "description", "d",
                    "dueDate", "2030-01-01", "responsible", "r")).get("milestoneId").asString();
            created(path + "/indicators", Map.ofEntries(Map.entry("name", "Indicador"), Map.entry("kind", "OUTPUT"),
                    Map.entry("unit", "u"), Map.entry("baseline", 0), Map.entry("baselineDate", "2020-01-01"),
                    Map.entry("target", 100), Map.entry("targetDate", "2035-12-31"), Map.entry("direction", "INCREASE"),
                    Map.entry("frequency", "ANNUAL"), Map.entry("meansOfVerification", "m")));
            created(path + "/adoption", Map.of("sessionDate", Load.TODAY.toString(), "approvals", List.of(
                    Map.of("sector", "GOVERNMENT", "name", "A"), Map.of("sector", "TRANSPARENCY_BODY", "name", "B"),
                    Map.of("sector", "CIVIL_SOCIETY", "name", "C"))));
            created(path + "/implementation", Map.of("startedOn", Load.TODAY.toString()));
            Target target = new Target(id, milestone);
            if (i == CLIENTS) {
                probe = target;
            } else {
                targets.add(target);
            }
        }
    }

    private tools.jackson.databind.JsonNode created(String url, Object body) throws IOException {
        Http.Answer answer = Http.post(url, token, null, body, Duration.ofSeconds(30));
        if (!answer.ok()) {
            throw new IllegalStateException(url + " answered " + answer.status() + " " + answer.body());
        }
        return answer.json();
    }

    static String table(List<Row> rows) {
        StringBuilder table = new StringBuilder(String.format("%n%-24s | %12s | %4s | %7s | %11s | %10s | %13s | %s%n",
                "scenario", "acknowledged", "lost", "doubled", "heads equal", "caught up", "recovery time", "note"));
        table.append("-".repeat(110)).append('\n');
        for (Row row : rows) {
            table.append(String.format("%-24s | %12d | %4d | %7d | %11s | %10s | %13s | %s%n", row.scenario(),
                    row.acknowledged(), row.lost(), row.doubled(), row.headsEqual() ? "yes" : "NO",
                    row.caughtUp() ? "yes" : "NO",
                    row.recovery() == null ? "none" : String.format("%.1f s", row.recovery().toMillis() / 1000.0),
                    row.note()));
        }
        return table.toString();
    }
}
