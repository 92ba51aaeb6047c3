package mx.gobiernoabierto.compromisos.localstack;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.JsonNode;

import mx.gobiernoabierto.compromisos.infrastructure.PostgresEndpoint;
import mx.gobiernoabierto.compromisos.infrastructure.TestInfrastructure;

/**
 * Both services on real PostgreSQL and Kafka with the demo loaded, plus one commitment whose figures are known
 * by hand ({@link HandComputed}), for the portal's browser tests and its benchmark. The query service's port is
 * chosen before the command service starts, so the command service can share its reads with the portal's origin.
 */
final class PortalStack implements AutoCloseable {

    static final ZoneId MEXICO_CITY = ZoneId.of("America/Mexico_City");
    static final LocalDate TODAY = LocalDate.now(MEXICO_CITY);

    final DemoIdentityProvider provider;
    final Services services;
    final String commandUrl;
    final String queryUrl;
    /** The workspace's address: 127.0.0.1, where the provider sends the browser back after signing in. */
    final String workspaceUrl;
    final PostgresEndpoint queryDatabase;
    final Client admin;
    final Client editor;
    final Client query;

    private PortalStack(DemoIdentityProvider provider, Services services, PostgresEndpoint queryDatabase) {
        this.provider = provider;
        this.services = services;
        this.queryDatabase = queryDatabase;
        this.commandUrl = "http://localhost:" + services.commandPort();
        this.queryUrl = "http://localhost:" + services.queryPort();
        this.workspaceUrl = "http://127.0.0.1:" + services.queryPort();
        this.admin = new Client(commandUrl, "admin", "demo-admin");
        this.editor = new Client(commandUrl, "editor.nuevoleon", "demo-nuevoleon");
        this.query = new Client(queryUrl);
    }

    /** Starts both services (topics named after {@code name}) and loads the demo through the public API. */
    static PortalStack startWithDemo(String name) {
        PortalStack stack = start(name);
        try {
            stack.loadDemo();
            return stack;
        } catch (RuntimeException e) {
            stack.close();
            throw e;
        }
    }

    /** Starts both services, topics named after {@code name}, with no data. */
    static PortalStack start(String name) {
        return start(name, List.of());
    }

    /** Starts both services, topics named after {@code name}, with no data and further settings for both. */
    static PortalStack start(String name, List<String> extra) {
        long started = System.nanoTime();
        PostgresEndpoint postgres = TestInfrastructure.postgres();
        PostgresEndpoint queryDatabase = postgres.withDatabase(
                EndToEndTest.dbName(TestInfrastructure.freshDatabase(name + "_query")));
        int queryPort = Services.freePort();
        DemoIdentityProvider provider = DemoIdentityProvider.start(0, "http://127.0.0.1:" + queryPort);
        List<String> settings = new ArrayList<>(List.of("--spring.profiles.active=demo",
                "--compromisos.topic=" + name + ".events", "--compromisos.query.topic=" + name + ".events",
                "--compromisos.query.dead-letter-topic=" + name + ".events.dlt",
                "--compromisos.cors.allowed-origins=http://localhost:" + queryPort + ",http://127.0.0.1:" + queryPort));
        settings.addAll(provider.serviceSettings());
        settings.addAll(extra);
        Services services;
        try {
            services = Services.start(
                    postgres.withDatabase(EndToEndTest.dbName(TestInfrastructure.freshDatabase(name + "_command"))),
                    queryDatabase, TestInfrastructure.kafka(), 0, queryPort, settings);
        } catch (RuntimeException e) {
            provider.close();
            throw e;
        }
        System.out.printf("%s: the provider and both services started in %d ms%n", name,
                (System.nanoTime() - started) / 1_000_000);
        return new PortalStack(provider, services, queryDatabase);
    }

    /** Loads the demo through the public API, as {@code --demo} does. */
    void loadDemo() {
        long loading = System.nanoTime();
        ByteArrayOutputStream progress = new ByteArrayOutputStream();
        new DemoData(commandUrl, queryUrl, new PrintStream(progress, true, StandardCharsets.UTF_8)).load();
        System.out.printf("demo loaded in %d ms%n", (System.nanoTime() - loading) / 1_000_000);
    }

    /**
     * A commitment of Nuevo León in a plan of its own, 100 of its 200 days elapsed today: milestone 1 (weight 1,
     * due 10 days ago, never reported) and milestone 2 (weight 4) at 25 %, then, in a later minute, at 40 %; an
     * indicator that should decrease from 40 to 20, measured 35 and then 31.
     *
     * <ul>
     *   <li>implementation progress (0 × 1 + 40 × 4) / 5 = 32.0 %; at {@code between} (after the first report, and
     *       to the end of its minute {@code betweenDate}, {@code betweenMinute} in Mexico City)
     *       (0 × 1 + 25 × 4) / 5 = 20.0 %</li>
     *   <li>expected progress 100 / 200 days = 50.0 %; 32.0 &lt; 50 − 10 but ≥ 50 − 25 → En riesgo;
     *       20.0 &lt; 25 → Retrasado</li>
     *   <li>indicator progress (40 − 31) / (40 − 20) = 45.0 %; one overdue milestone</li>
     * </ul>
     */
    record HandComputed(String planId, String planTitle, String commitmentId, String code, Instant between,
                        LocalDate betweenDate, String betweenMinute, long version) {
    }

    /** The hand-computed commitment up to its first progress report; {@link #finish} writes the rest. */
    record Begun(String planId, String planTitle, String commitmentId, String code, String milestone,
                 String indicator, Instant between) {
    }

    /** The whole hand-computed commitment at once (waiting for the next minute between its two reports). */
    HandComputed handComputedCommitment(String code) throws InterruptedException {
        return finish(begin(code));
    }

    Begun begin(String code) {
        String planTitle = "Plan de prueba del portal " + code;
        String planId = admin.post("/api/v1/plans", Map.of("stlId", "stl-nuevo-leon", "stlName", "STL Nuevo León",
                "jurisdiction", "Nuevo León", "title", planTitle,
                "periodStart", TODAY.minusYears(1).toString(), "periodEnd", TODAY.plusYears(1).toString()))
                .get("planId").asString();
        LocalDate start = TODAY.minusDays(100);
        LocalDate end = TODAY.plusDays(100);
        String id = editor.post("/api/v1/commitments", Map.ofEntries(Map.entry("planId", planId),
                Map.entry("code", code), Map.entry("title", "Obra pública abierta " + code),
                Map.entry("publicProblem", "No se sabe cuánto cuestan las obras"),
                Map.entry("objective", "Publicar cada contrato de obra"),
                Map.entry("responsibleInstitutions", List.of("Secretaría de Obras Públicas")),
                Map.entry("civilSocietyOrganisations", List.of("Cómo Vamos Nuevo León")),
                Map.entry("ogpValues", List.of("TRANSPARENCY", "PUBLIC_ACCOUNTABILITY")),
                Map.entry("sdgTargets", List.of("16.6", "9.1")),
                Map.entry("startDate", start.toString()), Map.entry("endDate", end.toString())))
                .get("commitmentId").asString();
        String path = "/api/v1/commitments/" + id;
        editor.post(path + "/milestones", Map.of("title", "Padrón de obras", "description", "Listado de obras",
                "dueDate", TODAY.minusDays(10).toString(), "responsible", "SOP", "weight", 1));
        String m2 = editor.post(path + "/milestones", Map.of("title", "Portal de obra pública",
                "description", "Contratos en línea", "dueDate", end.toString(), "responsible", "SOP", "weight", 4))
                .get("milestoneId").asString();
        String indicator = editor.post(path + "/indicators", Map.ofEntries(Map.entry("name", "Días para publicar un contrato"),
                Map.entry("kind", "OUTCOME"), Map.entry("unit", "días"), Map.entry("baseline", 40),
                Map.entry("baselineDate", start.toString()), Map.entry("target", 20), Map.entry("targetDate", end.toString()),
                Map.entry("direction", "DECREASE"), Map.entry("frequency", "QUARTERLY"),
                Map.entry("meansOfVerification", "Informe trimestral"))).get("indicatorId").asString();
        editor.post(path + "/adoption", Map.of("sessionDate", TODAY.minusDays(95).toString(), "approvals", List.of(
                Map.of("sector", "GOVERNMENT", "name", "Ana"), Map.of("sector", "TRANSPARENCY_BODY", "name", "Luis"),
                Map.of("sector", "CIVIL_SOCIETY", "name", "Eva"))));
        editor.post(path + "/implementation", Map.of("startedOn", start.toString()));
        editor.post(path + "/milestones/" + m2 + "/progress", Map.of("percent", 25, "reportedOn",
                TODAY.minusDays(20).toString()));
        return new Begun(planId, planTitle, id, code, m2, indicator, Instant.now());
    }

    /**
     * The rest of the hand-computed commitment, written once the minute of the first report has passed (so that the
     * date control, which chooses a minute, can show the state between the two reports).
     */
    HandComputed finish(Begun begun) throws InterruptedException {
        ZonedDateTime between = begun.between().atZone(MEXICO_CITY);
        ZonedDateTime nextMinute = between.truncatedTo(ChronoUnit.MINUTES).plusMinutes(1).plusSeconds(1);
        long wait = Duration.between(ZonedDateTime.now(MEXICO_CITY), nextMinute).toMillis();
        if (wait > 0) {
            Thread.sleep(wait);
        }
        String path = "/api/v1/commitments/" + begun.commitmentId();
        editor.post(path + "/milestones/" + begun.milestone() + "/progress", Map.of("percent", 40, "reportedOn",
                TODAY.minusDays(2).toString(), "note", "Contratos de 2025 en línea",
                "evidenceUrls", List.of("https://obras.nl.gob.mx/contratos")));
        editor.post(path + "/indicators/" + begun.indicator() + "/measurements",
                Map.of("value", 35, "measuredOn", TODAY.minusDays(3).toString(), "source", "Informe"));
        long version = editor.post(path + "/indicators/" + begun.indicator() + "/measurements",
                Map.of("value", 31, "measuredOn", TODAY.minusDays(1).toString(), "source", "Informe"))
                .get("version").asLong();
        query.get(path + "?minVersion=" + version);
        return new HandComputed(begun.planId(), begun.planTitle(), begun.commitmentId(), begun.code(),
                begun.between(), between.toLocalDate(), between.format(DateTimeFormatter.ofPattern("HH:mm")), version);
    }

    /** A commitment of the demo, by the query service's list. */
    JsonNode anyCommitmentSummary() {
        return query.get("/api/v1/commitments?size=1").get("items").get(0);
    }

    /** The id of a demo commitment by its code. */
    String demoCommitmentId(String code) {
        for (JsonNode item : query.get("/api/v1/commitments?size=500").get("items")) {
            if (item.get("code").asString().equals(code)) {
                return item.get("commitmentId").asString();
            }
        }
        throw new IllegalStateException("the demo has no commitment " + code);
    }

    /**
     * Every page of api.md's portal table but the STL workspace ({@code /espacio}), by name: the demo's and the
     * known commitment's, its plan, its past state and its history.
     */
    Map<String, String> pages(HandComputed known) {
        JsonNode demo = anyCommitmentSummary();
        Map<String, String> pages = new LinkedHashMap<>();
        pages.put("dashboard", "/");
        pages.put("plan", "/planes/" + known.planId());
        pages.put("demo plan", "/planes/" + demo.get("planId").asString());
        pages.put("commitment", "/compromisos/" + known.commitmentId());
        pages.put("demo commitment", "/compromisos/" + demo.get("commitmentId").asString());
        pages.put("past state", "/compromisos/" + known.commitmentId() + "?al=" + known.between());
        pages.put("history", "/compromisos/" + known.commitmentId() + "/historial");
        pages.put("demo history", "/compromisos/" + demo.get("commitmentId").asString() + "/historial");
        pages.put("methodology", "/metodologia");
        pages.put("open data", "/datos");
        // not in api.md's table, but linked from every page: the accessibility statement
        pages.put("accessibility", "/accesibilidad");
        return pages;
    }

    /** The Atom feeds of the known commitment and its plan. */
    static Map<String, String> feeds(HandComputed known) {
        Map<String, String> feeds = new LinkedHashMap<>();
        feeds.put("commitment feed", "/compromisos/" + known.commitmentId() + "/feed.atom");
        feeds.put("plan feed", "/planes/" + known.planId() + "/feed.atom");
        return feeds;
    }

    /** A connection to the query service's own database, where its event archive lies. */
    Connection queryDatabase() throws SQLException {
        return DriverManager.getConnection(queryDatabase.jdbcUrl(), queryDatabase.username(), queryDatabase.password());
    }

    @Override
    public void close() {
        try {
            services.close();
        } finally {
            provider.close();
        }
    }
}
