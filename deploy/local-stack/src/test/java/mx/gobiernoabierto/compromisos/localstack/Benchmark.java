package mx.gobiernoabierto.compromisos.localstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPrivateKey;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringSerializer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import mx.gobiernoabierto.compromisos.events.CommitmentDrafted;
import mx.gobiernoabierto.compromisos.events.DomainEvent;
import mx.gobiernoabierto.compromisos.events.MilestonePlanned;
import mx.gobiernoabierto.compromisos.events.MilestoneProgressLogged;
import mx.gobiernoabierto.compromisos.events.OgpValue;
import mx.gobiernoabierto.compromisos.events.chain.HashChain;
import mx.gobiernoabierto.compromisos.events.wire.EventEnvelope;
import mx.gobiernoabierto.compromisos.infrastructure.KafkaEndpoint;
import mx.gobiernoabierto.compromisos.infrastructure.PostgresEndpoint;
import mx.gobiernoabierto.compromisos.infrastructure.TestInfrastructure;

/**
 * The product's figures beside the hardware's limit and beside Axon's out-of-the-box shape, all measured in one run
 * on one durable PostgreSQL server ({@code fsync}, {@code synchronous_commit} and {@code full_page_writes} on) that
 * this class starts on a random port. The services run in JVMs of their own ({@link ServiceJvms}), so that the
 * product and its peer start equal and each service's resident memory can be read from its process. It prints a
 * table, each figure beside its target, and writes the same as JSON.
 * Every count and duration scales with {@link Settings#scale()}, so that a smoke run takes seconds. It measures and
 * reports; it never judges a figure (tests that use it assert only that every figure was produced).
 */
final class Benchmark {

    static final ZoneId MEXICO = ZoneId.of("America/Mexico_City");
    static final int[] CLIENTS = {1, 8, 32};
    /** Whose CPU {@link ServiceJvms#cpuSeconds()} reads, in its order. */
    private static final String[] CPU_CONSUMERS = {"command service", "query service", "benchmark clients and Kafka",
            "PostgreSQL"};
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String STL = "stl-bench";

    /**
     * @param scale             1 for the full benchmark; counts and durations are multiplied by it (with small floors)
     * @param largeReplay       replay 1,000,000 events instead of 100,000 × scale
     * @param output            the JSON file to write
     * @param serviceJvmOptions the options of the services' JVMs
     */
    record Settings(double scale, boolean largeReplay, Path output, List<String> serviceJvmOptions) {

        /** The default: the production images' options (heap as a share of RAM), in a container of the target's 512 MiB. */
        static final String PRODUCTION_JVM = "-XX:MaxRAM=512m -XX:MaxRAMPercentage=40 -XX:+UseSerialGC -XX:+ExitOnOutOfMemoryError";

        /** {@code -Dbenchmark.jvm} gives the services' JVM options, space-separated. */
        static Settings fromSystemProperties(Path output) {
            return new Settings(Double.parseDouble(System.getProperty("benchmark.scale", "1")),
                    Boolean.parseBoolean(System.getProperty("benchmark.replay.large", "false")), output,
                    List.of(System.getProperty("benchmark.jvm", PRODUCTION_JVM).trim().split("\\s+")));
        }

        long levelMillis() {
            return Math.max(300, Math.round(10_000 * scale));
        }

        /**
         * The load every fresh pair of service JVMs gets before its first figure, so that what is measured is the
         * code a long-running service runs (compiled by C2), not the JIT's first minute. {@code
         * -Dbenchmark.warmup.seconds} sets it; by default 60 s, scaled.
         */
        long warmupMillis() {
            String seconds = System.getProperty("benchmark.warmup.seconds");
            if (seconds != null) {
                return Math.round(Double.parseDouble(seconds) * 1_000);
            }
            return Math.max(300, Math.round(60_000 * scale));
        }

        /**
         * {@code -Dbenchmark.only=product-commands}: only the product's command mix, for quick rounds while working on
         * the command path; it writes no JSON and gives no ratio.
         */
        boolean productCommandsOnly() {
            return "product-commands".equals(System.getProperty("benchmark.only"));
        }

        /**
         * {@code -Dbenchmark.only=visibility}: after the warm-up, only end-to-end visibility, at 20, 100 and 300
         * commands/s, for rounds of work on the path from a command to its view; it writes no JSON.
         */
        boolean visibilityOnly() {
            return "visibility".equals(System.getProperty("benchmark.only"));
        }

        int commitments() {
            return (int) Math.max(4, Math.round(64 * scale));
        }

        long visibilityMillis() {
            return Math.max(500, Math.round(5_000 * scale));
        }

        int visibilityRate() {
            return (int) Math.max(20, Math.round(1_000 * Math.min(1, scale)));
        }

        /** The second visibility rate, one that two cores carry: 100 commands/s (and as many reads), scaled. */
        int carriedVisibilityRate() {
            return (int) Math.max(20, Math.round(100 * Math.min(1, scale)));
        }

        int replayEvents() {
            String events = System.getProperty("benchmark.replay.events");
            if (events != null) {
                return Integer.parseInt(events);
            }
            return largeReplay ? 1_000_000 : (int) Math.max(200, Math.round(100_000 * scale));
        }

        int historyEvents() {
            return (int) Math.max(20, Math.round(1_000 * Math.min(1, scale)));
        }

        int reads() {
            return (int) Math.max(10, Math.round(200 * scale));
        }
    }

    /** One figure: its value (null when it could not be measured), unit and target. */
    record Figure(String name, Double value, String unit, String target) {
    }

    private final Settings settings;
    private final List<Figure> figures = new ArrayList<>();
    private final Map<String, String> notes = new LinkedHashMap<>();
    private final Tokens tokens = new Tokens();

    Benchmark(Settings settings) {
        this.settings = settings;
    }

    /**
     * Runs everything, prints the table, writes the JSON and returns the figures. The peer and the product each run
     * in fresh JVMs of their own (one per service, as deployed) after the same warm-up, the peer first; the
     * product's JVMs then serve the remaining figures, and their peak resident memory is read at the end.
     */
    List<Figure> run() throws Exception {
        notes.put("loadAverageAtStart", loadAverage());
        notes.put("scale", Double.toString(settings.scale()));
        notes.put("serviceJvms", "one JVM per service, options " + String.join(" ", settings.serviceJvmOptions())
                + "; the peer (axon-defaults) measured first, then the product, each after the same warm-up");
        Path data = Files.createTempDirectory("compromisos-benchmark-pg");
        try (EmbeddedPostgres postgres = durablePostgres(data)) {
            PostgresEndpoint server = new PostgresEndpoint(postgres.getJdbcUrl("postgres", "postgres"), "postgres", "",
                    "benchmark");
            notes.put("postgres", durability(server));
            KafkaEndpoint kafka = TestInfrastructure.kafka();

            if (settings.visibilityOnly()) {
                try (ServiceJvms services = start(server, kafka, "bench", null)) {
                    Api api = new Api(services);
                    Fixture fixture = Fixture.create(api, settings.commitments());
                    mix(api, fixture, 16, settings.warmupMillis());
                    for (int rate : new int[] {20, 100, 300}) {
                        visibility(api, fixture, kafka, "bench.events", "bench-query", rate, " at " + rate + "/s");
                    }
                }
                print();
                return List.copyOf(figures);
            }
            if (settings.productCommandsOnly()) {
                try (ServiceJvms services = start(server, kafka, "bench", null)) {
                    Api api = new Api(services);
                    mixAtEveryLevel("product", api, Fixture.create(api, settings.commitments()));
                }
                print();
                return List.copyOf(figures);
            }
            Map<Integer, double[]> axon;
            try (ServiceJvms peer = start(server, kafka, "peer", "axon-defaults")) {
                Api api = new Api(peer);
                axon = mixAtEveryLevel("axon-defaults", api, Fixture.create(api, settings.commitments()));
            }
            Map<Integer, double[]> product;
            try (ServiceJvms services = start(server, kafka, "bench", null)) {
                Api api = new Api(services);
                Fixture fixture = Fixture.create(api, settings.commitments());
                product = mixAtEveryLevel("product", api, fixture);
                for (int clients : CLIENTS) {
                    add(new Figure("product / axon-defaults commands/s at " + clients + " clients",
                            product.get(clients)[0] / axon.get(clients)[0], "ratio", clients == 32 ? "≥ 5" : "—"));
                }
                visibility(api, fixture, kafka, "bench.events", "bench-query", settings.visibilityRate(), "");
                // the same at a load the machine carries (a command and a read of its view each time): what the path
                // from a command to its view costs when nothing queues
                int carried = settings.carriedVisibilityRate();
                visibility(api, fixture, kafka, "bench.events", "bench-query", carried, " at " + carried + "/s");
                generated(api, kafka, "bench.events", "bench-query");
                portal(api);
                memory(services);
            }
            limitAtEveryLevel(server, product);
        } finally {
            deleteQuietly(data);
        }
        notes.put("loadAverageAtEnd", loadAverage());
        print();
        write();
        return List.copyOf(figures);
    }

    /**
     * Writes what is being measured now to {@code phase} beside the JSON output, so that a profiler can be attached to
     * a service during one phase (the README says how).
     */
    private void phase(String name) throws IOException {
        Path file = settings.output().toAbsolutePath().resolveSibling("phase");
        Files.createDirectories(file.getParent());
        Files.writeString(file, name + "\n");
    }

    /** Keeps a figure and prints it at once, so that a run that fails late still shows what it measured. */
    private void add(Figure figure) {
        figures.add(figure);
        System.out.printf("benchmark: %s = %s %s (target %s; load average %s)%n", figure.name(),
                figure.value() == null ? "n/a" : String.format("%.2f", figure.value()), figure.unit(), figure.target(),
                loadAverage());
    }

    // ---------------------------------------------------------------------------------------------------------
    // infrastructure

    /** A PostgreSQL server as a system of record must run: every commit on disk before it is acknowledged. */
    private static EmbeddedPostgres durablePostgres(Path data) throws IOException {
        return EmbeddedPostgres.builder()
                .setDataDirectory(data)
                .setCleanDataDirectory(true)
                .setServerConfig("fsync", "on")
                .setServerConfig("synchronous_commit", "on")
                .setServerConfig("full_page_writes", "on")
                .setServerConfig("max_connections", "300")
                .setPGStartupWait(Duration.ofSeconds(60))
                .start();
    }

    private static String durability(PostgresEndpoint server) throws SQLException {
        StringBuilder text = new StringBuilder();
        try (Connection connection = DriverManager.getConnection(server.jdbcUrl(), server.username(), server.password())) {
            for (String setting : List.of("fsync", "synchronous_commit", "full_page_writes")) {
                try (ResultSet rs = connection.createStatement().executeQuery("SHOW " + setting)) {
                    rs.next();
                    text.append(text.isEmpty() ? "" : ", ").append(setting).append('=').append(rs.getString(1));
                    if (!"on".equals(rs.getString(1))) {
                        throw new IllegalStateException("the benchmark's PostgreSQL must be durable, but " + setting
                                + " is " + rs.getString(1));
                    }
                }
            }
        }
        return text.toString();
    }

    private static PostgresEndpoint database(PostgresEndpoint server, String name) throws SQLException {
        try (Connection connection = DriverManager.getConnection(server.jdbcUrl(), server.username(), server.password())) {
            connection.createStatement().execute("CREATE DATABASE " + name);
        }
        return server.withDatabase(name);
    }

    private ServiceJvms start(PostgresEndpoint server, KafkaEndpoint kafka, String name, String profile)
            throws SQLException, IOException {
        List<String> extra = new ArrayList<>(List.of(
                "--spring.security.oauth2.resourceserver.jwt.public-key-location=" + tokens.publicKeyLocation(),
                "--compromisos.topic=" + name + ".events", "--compromisos.query.topic=" + name + ".events",
                "--compromisos.query.dead-letter-topic=" + name + ".events.dlt",
                "--spring.kafka.consumer.group-id=" + name + "-query",
                "--axon.update-check.disabled=true", "--logging.level.root=WARN"));
        if (profile != null) {
            extra.add("--spring.profiles.active=" + profile);
        }
        Path logs = settings.output().toAbsolutePath().getParent().resolve(name);
        return new ServiceJvms(database(server, name + "_command"), database(server, name + "_query"), kafka,
                settings.serviceJvmOptions(), extra, logs);
    }

    // ---------------------------------------------------------------------------------------------------------
    // the command mix

    /** Commands/s and latency at every client count; returns {commands/s, p99} per count. */
    private Map<Integer, double[]> mixAtEveryLevel(String shape, Api api, Fixture fixture) throws Exception {
        Map<Integer, double[]> result = new LinkedHashMap<>();
        mix(api, fixture, 16, settings.warmupMillis()); // warm-up of fresh JVMs, not reported
        for (int clients : CLIENTS) {
            phase(shape + " commands at " + clients + " clients");
            double[] cpuBefore = api.services.cpuSeconds();
            Map<String, Double> threadsBefore = api.services.commandCpuSecondsByThread();
            Run run = mix(api, fixture, clients, settings.levelMillis());
            double[] cpuAfter = api.services.cpuSeconds();
            notes.put(shape + " command service CPU by thread at " + clients + " clients (ms per command)",
                    perCommand(threadsBefore, api.services.commandCpuSecondsByThread(), run.commands()));
            double perSecond = run.commands() / run.seconds();
            boolean product = shape.equals("product");
            String target = product && clients == 32 ? "≥ 3,000" : "—";
            add(new Figure(shape + " commands/s at " + clients + " clients", perSecond, "1/s", target));
            add(new Figure(shape + " p50 at " + clients + " clients", run.percentile(50), "ms", "—"));
            add(new Figure(shape + " p95 at " + clients + " clients", run.percentile(95), "ms", "—"));
            add(new Figure(shape + " p99 at " + clients + " clients", run.percentile(99), "ms",
                    product && clients == 32 ? "< 50" : "—"));
            for (int process = 0; process < CPU_CONSUMERS.length; process++) {
                add(new Figure(shape + " CPU per command at " + clients + " clients: " + CPU_CONSUMERS[process],
                        1_000 * (cpuAfter[process] - cpuBefore[process]) / run.commands(), "ms", "—"));
            }
            result.put(clients, new double[] {perSecond, run.percentile(99)});
        }
        return result;
    }

    /** The costliest kinds of thread of a phase, as "name ms, name ms, …" in CPU milliseconds per command. */
    private static String perCommand(Map<String, Double> before, Map<String, Double> after, int commands) {
        StringBuilder text = new StringBuilder();
        after.entrySet().stream()
                .map(e -> Map.entry(e.getKey(), 1_000 * (e.getValue() - before.getOrDefault(e.getKey(), 0.0)) / commands))
                .filter(e -> e.getValue() >= 0.05)
                .sorted(Map.Entry.<String, Double>comparingByValue().reversed())
                .forEach(e -> text.append(text.isEmpty() ? "" : ", ").append(e.getKey()).append(' ')
                        .append(String.format("%.2f", e.getValue())));
        System.out.println("benchmark: CPU by thread (ms per command): " + text);
        return text.toString();
    }

    private record Run(int commands, double seconds, List<Long> nanos) {
        double percentile(int p) {
            return Benchmark.percentile(nanos, p);
        }
    }

    /**
     * The realistic mix, closed loop: 60 % milestone progress, 20 % measurements, 5 % monitoring reports, 8 % reads
     * of a view (not counted as commands), 7 % a new draft, and, now and then, a draft made ready and adopted.
     */
    private Run mix(Api api, Fixture fixture, int clients, long millis) throws Exception {
        List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
        AtomicInteger commands = new AtomicInteger();
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
        long started = System.nanoTime();
        try (ExecutorService pool = Executors.newFixedThreadPool(clients)) {
            List<Future<?>> running = new ArrayList<>();
            for (int c = 0; c < clients; c++) {
                running.add(pool.submit(() -> {
                    List<String> drafts = new ArrayList<>();
                    ThreadLocalRandom random = ThreadLocalRandom.current();
                    while (System.nanoTime() < deadline) {
                        Fixture.Ready target = fixture.ready().get(random.nextInt(fixture.ready().size()));
                        int dice = random.nextInt(100);
                        if (dice < 8) {
                            api.read("/api/v1/commitments/" + target.id());
                            continue;
                        }
                        long t = System.nanoTime();
                        int sent = 1;
                        if (dice < 68) {
                            api.progress(target, random.nextInt(101));
                        } else if (dice < 88) {
                            // measurements come with an Idempotency-Key: uploads are what a client retries
                            api.commandOnce("/api/v1/commitments/" + target.id() + "/indicators/" + target.indicator()
                                    + "/measurements", Map.of("value", random.nextInt(100), "measuredOn", today(),
                                    "source", "Fuente"));
                        } else if (dice < 93) {
                            api.command("/api/v1/commitments/" + target.id() + "/monitoring-reports", Map.of(
                                    "periodEnd", today(), "assessment", "ON_TRACK", "narrative", "Avance conforme"));
                        } else if (dice < 98 || drafts.isEmpty()) {
                            drafts.add(Fixture.draft(api, fixture.planId()));
                        } else {
                            Fixture.prepareAndAdopt(api, drafts.removeLast());
                            sent = 3;
                        }
                        long took = System.nanoTime() - t;
                        commands.addAndGet(sent);
                        for (int i = 0; i < sent; i++) {
                            latencies.add(took / sent);
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> f : running) {
                f.get();
            }
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        List<Long> sorted = new ArrayList<>(latencies);
        Collections.sort(sorted);
        return new Run(commands.get(), seconds, sorted);
    }

    // ---------------------------------------------------------------------------------------------------------
    // the limit

    /** Single-row, single-transaction inserts of an event-sized row, plain JDBC, at the same client counts. */
    private void limitAtEveryLevel(PostgresEndpoint server, Map<Integer, double[]> product) throws Exception {
        PostgresEndpoint db = database(server, "bench_limit");
        try (Connection c = DriverManager.getConnection(db.jdbcUrl(), db.username(), db.password())) {
            // the shape of Axon's domain_event_entry, so that the row and its indexes cost what an event costs
            c.createStatement().execute("""
                    CREATE TABLE event_row (global_index BIGSERIAL PRIMARY KEY, event_identifier VARCHAR(255) NOT NULL
                      UNIQUE, aggregate_identifier VARCHAR(255) NOT NULL, sequence_number BIGINT NOT NULL,
                      type VARCHAR(255), time_stamp VARCHAR(255) NOT NULL, payload_type VARCHAR(255) NOT NULL,
                      payload_revision VARCHAR(255), payload BYTEA NOT NULL, meta_data BYTEA,
                      UNIQUE (aggregate_identifier, sequence_number))""");
        }
        byte[] payload = ("{\"commitmentId\":\"" + UUID.randomUUID() + "\",\"milestoneId\":\"" + UUID.randomUUID()
                + "\",\"percent\":60,\"note\":\"Portal en pruebas con la ciudadanía\",\"evidenceUrls\":"
                + "[\"https://transparencia.jalisco.gob.mx/presupuesto\"],\"reportedOn\":\"2026-01-01\"}")
                .getBytes(StandardCharsets.UTF_8);
        byte[] meta = ("{\"actor\":\"usr-jal-editor-01\",\"correlationId\":\"" + UUID.randomUUID() + "\",\"prevHash\":\""
                + "0".repeat(64) + "\",\"hash\":\"" + "f".repeat(64) + "\",\"traceId\":\"" + UUID.randomUUID() + "\"}")
                .getBytes(StandardCharsets.UTF_8);
        for (int clients : CLIENTS) {
            List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
            AtomicLong rows = new AtomicLong();
            long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(settings.levelMillis());
            long started = System.nanoTime();
            try (ExecutorService pool = Executors.newFixedThreadPool(clients)) {
                List<Future<?>> running = new ArrayList<>();
                for (int c = 0; c < clients; c++) {
                    running.add(pool.submit(() -> {
                        try (Connection connection = DriverManager.getConnection(db.jdbcUrl(), db.username(), db.password());
                             PreparedStatement insert = connection.prepareStatement("INSERT INTO event_row (event_identifier,"
                                     + " aggregate_identifier, sequence_number, type, time_stamp, payload_type,"
                                     + " payload_revision, payload, meta_data) VALUES (?,?,?,?,?,?,?,?,?)")) {
                            connection.setAutoCommit(true);
                            String aggregate = UUID.randomUUID().toString();
                            long sequence = 0;
                            while (System.nanoTime() < deadline) {
                                long t = System.nanoTime();
                                insert.setString(1, UUID.randomUUID().toString());
                                insert.setString(2, aggregate);
                                insert.setLong(3, sequence++);
                                insert.setString(4, "Commitment");
                                insert.setString(5, Instant.now().toString());
                                insert.setString(6, "mx.gobiernoabierto.compromisos.events.MilestoneProgressLogged");
                                insert.setString(7, "1");
                                insert.setBytes(8, payload);
                                insert.setBytes(9, meta);
                                insert.executeUpdate();
                                latencies.add(System.nanoTime() - t);
                                rows.incrementAndGet();
                            }
                        }
                        return null;
                    }));
                }
                for (Future<?> f : running) {
                    f.get();
                }
            }
            double perSecond = rows.get() / ((System.nanoTime() - started) / 1e9);
            List<Long> sorted = new ArrayList<>(latencies);
            Collections.sort(sorted);
            add(new Figure("limit: single-row insert tx/s at " + clients + " clients", perSecond, "1/s", "—"));
            add(new Figure("limit: insert p99 at " + clients + " clients", percentile(sorted, 99), "ms", "—"));
            add(new Figure("product / limit at " + clients + " clients", product.get(clients)[0] / perSecond,
                    "ratio", clients == 32 ? "≥ 0.25" : "—"));
        }
    }

    // ---------------------------------------------------------------------------------------------------------
    // end-to-end visibility and consumer lag

    /**
     * Open loop at a fixed offered rate: each command is sent on its schedule (or shed when 128 are already in
     * flight, and counted), and once it answers 2xx the query view is asked for that version. {@code label} tells
     * the figures of one rate from another's ("" for the issue's 1,000/s).
     */
    private void visibility(Api api, Fixture fixture, KafkaEndpoint kafka, String topic, String group, int rate,
                            String label) throws Exception {
        long millis = settings.visibilityMillis();
        int planned = (int) (rate * millis / 1000);
        Semaphore inFlight = new Semaphore(128);
        List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
        AtomicInteger shed = new AtomicInteger();
        AtomicInteger failed = new AtomicInteger();
        ConcurrentLinkedQueue<Long> lags = new ConcurrentLinkedQueue<>();
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()));
             ExecutorService workers = Executors.newFixedThreadPool(128);
             ScheduledExecutorService clock = Executors.newScheduledThreadPool(2)) {
            var sampler = clock.scheduleAtFixedRate(() -> lags.add(lag(admin, topic, group)), 0, 100, TimeUnit.MILLISECONDS);
            CountDownLatch done = new CountDownLatch(planned);
            long periodNanos = 1_000_000_000L / rate;
            long start = System.nanoTime();
            for (int i = 0; i < planned; i++) {
                long due = start + i * periodNanos;
                long wait = due - System.nanoTime();
                if (wait > 0) {
                    TimeUnit.NANOSECONDS.sleep(wait);
                }
                if (!inFlight.tryAcquire()) {
                    shed.incrementAndGet();
                    done.countDown();
                    continue;
                }
                workers.submit(() -> {
                    try {
                        Fixture.Ready target = fixture.ready().get(ThreadLocalRandom.current().nextInt(fixture.ready().size()));
                        long t = System.nanoTime();
                        long version = api.progress(target, ThreadLocalRandom.current().nextInt(101));
                        api.queryUntilVisible(target.id(), version);
                        latencies.add(System.nanoTime() - t);
                    } catch (RuntimeException e) {
                        failed.incrementAndGet();
                    } finally {
                        inFlight.release();
                        done.countDown();
                    }
                });
            }
            long offeredEnd = System.nanoTime();
            done.await(5, TimeUnit.MINUTES);
            double seconds = (System.nanoTime() - start) / 1e9;
            sampler.cancel(false);
            long loadStopped = System.nanoTime();
            long toZero = -1;
            while (System.nanoTime() - loadStopped < TimeUnit.MINUTES.toNanos(2)) {
                if (lag(admin, topic, group) == 0) {
                    toZero = System.nanoTime() - loadStopped;
                    break;
                }
                TimeUnit.MILLISECONDS.sleep(20);
            }
            List<Long> sorted = new ArrayList<>(latencies);
            Collections.sort(sorted);
            notes.put("visibility" + label, "offered " + rate + "/s for " + millis + " ms (" + planned + " commands): "
                    + sorted.size() + " answered and visible, " + shed.get() + " shed (128 in flight), " + failed.get()
                    + " failed; sending took " + String.format("%.2f", (offeredEnd - start) / 1e9) + " s");
            boolean issueRate = label.isEmpty();
            add(new Figure("end-to-end" + label + ": offered load", (double) rate, "1/s", issueRate ? "1,000" : "—"));
            add(new Figure("end-to-end" + label + ": achieved (visible) load", sorted.size() / seconds, "1/s",
                    issueRate ? "1,000" : "—"));
            add(new Figure("end-to-end" + label + ": command 2xx → view at that version p50", percentile(sorted, 50),
                    "ms", "—"));
            add(new Figure("end-to-end" + label + ": command 2xx → view at that version p99", percentile(sorted, 99),
                    "ms", issueRate ? "< 250" : "—"));
            add(new Figure("consumer lag" + label + ": max during the load", (double) lags.stream()
                    .mapToLong(Long::longValue).filter(l -> l >= 0).max().orElse(0), "records", "—"));
            add(new Figure("consumer lag" + label + ": time to 0 after the load", toZero < 0 ? null : toZero / 1e6,
                    "ms", issueRate ? "< 1,000" : "—"));
        }
    }

    /** Records the query service's consumer group has yet to commit on the topic; -1 if Kafka does not say. */
    private static long lag(Admin admin, String topic, String group) {
        try {
            Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group)
                    .partitionsToOffsetAndMetadata().get(10, TimeUnit.SECONDS);
            List<TopicPartition> partitions = admin.describeTopics(List.of(topic)).allTopicNames().get(10, TimeUnit.SECONDS)
                    .get(topic).partitions().stream().map(p -> new TopicPartition(topic, p.partition())).toList();
            Map<TopicPartition, OffsetSpec> latest = new LinkedHashMap<>();
            partitions.forEach(p -> latest.put(p, OffsetSpec.latest()));
            var ends = admin.listOffsets(latest).all().get(10, TimeUnit.SECONDS);
            long lag = 0;
            for (TopicPartition p : partitions) {
                OffsetAndMetadata at = committed.get(p);
                lag += ends.get(p).offset() - (at == null ? 0 : at.offset());
            }
            return lag;
        } catch (Exception e) {
            return -1;
        }
    }

    // ---------------------------------------------------------------------------------------------------------
    // generated history: asOf, /history, consumer throughput, replay

    /**
     * Publishes correctly chained envelopes straight to the topic (as the command service would, without its cost):
     * one commitment with {@link Settings#historyEvents()} events for the auditors' reads, then the replay's events
     * in commitments of 100. Returns the long commitment's id.
     */
    private String generated(Api api, KafkaEndpoint kafka, String topic, String group) throws Exception {
        Properties config = new Properties();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.LINGER_MS_CONFIG, "10");
        config.put(ProducerConfig.BATCH_SIZE_CONFIG, "262144");
        String longOne;
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()));
             KafkaProducer<String, String> producer = new KafkaProducer<>(config, new StringSerializer(), new StringSerializer())) {
            longOne = UUID.randomUUID().toString();
            publishCommitment(producer, topic, api.planId, longOne, settings.historyEvents());
            producer.flush();
            api.queryUntilVisible(longOne, settings.historyEvents() - 1);
            List<Long> asOf = new ArrayList<>();
            List<Long> history = new ArrayList<>();
            for (int i = 0; i < settings.reads(); i++) {
                long t = System.nanoTime();
                api.query("/api/v1/commitments/" + longOne + "?asOf=" + HashChain.formatInstant(Instant.now()));
                asOf.add(System.nanoTime() - t);
                t = System.nanoTime();
                api.query("/api/v1/commitments/" + longOne + "/history");
                history.add(System.nanoTime() - t);
            }
            Collections.sort(asOf);
            Collections.sort(history);
            String of = " (" + settings.historyEvents() + " events)";
            add(new Figure("asOf of a commitment" + of + " p50", percentile(asOf, 50), "ms", "—"));
            add(new Figure("asOf of a commitment" + of + " p99", percentile(asOf, 99), "ms", "< 50"));
            add(new Figure("/history of a commitment" + of + " p50", percentile(history, 50), "ms", "—"));
            add(new Figure("/history of a commitment" + of + " p99", percentile(history, 99), "ms", "—"));

            int events = settings.replayEvents();
            long published = 0;
            while (published < events) {
                int n = (int) Math.min(100, events - published);
                publishCommitment(producer, topic, api.planId, UUID.randomUUID().toString(), Math.max(2, n));
                published += Math.max(2, n);
            }
            producer.flush();
            long t = System.nanoTime();
            long deadline = t + TimeUnit.SECONDS.toNanos(Math.max(120, published / 50));
            while (lag(admin, topic, group) != 0 && System.nanoTime() < deadline) {
                TimeUnit.MILLISECONDS.sleep(50);
            }
            add(new Figure("live consumer: events applied/s (" + published + " events)",
                    published / ((System.nanoTime() - t) / 1e9), "1/s", "—"));
        }
        long t = System.nanoTime();
        JsonNode report = api.admin("/api/v1/admin/replay");
        double seconds = (System.nanoTime() - t) / 1e9;
        long records = report.get("records").asLong();
        notes.put("replay", records + " records (" + report.get("fromArchive").asLong() + " from the archive, "
                + report.get("fromTopic").asLong() + " from the topic), views equal: " + report.get("equal").asBoolean());
        add(new Figure("replay: events/s (" + records + " events)", records / seconds, "1/s", "≥ 50,000"));
        return longOne;
    }

    private static void publishCommitment(KafkaProducer<String, String> producer, String topic, String planId, String id,
                                          int events) {
        String prev = HashChain.GENESIS;
        String milestone = UUID.randomUUID().toString();
        for (int sequence = 0; sequence < events; sequence++) {
            DomainEvent event = switch (sequence) {
                case 0 -> new CommitmentDrafted(id, planId, STL, "GEN-" + id.substring(0, 8), "Compromiso generado",
                        "Problema", "Objetivo", List.of("Institución"), List.of("Organización"),
                        List.of(OgpValue.TRANSPARENCY), List.of("16.6"), LocalDate.of(2020, 1, 1), LocalDate.of(2035, 12, 31));
                case 1 -> new MilestonePlanned(id, milestone, "Hito", "d", LocalDate.of(2030, 1, 1), "r", BigDecimal.ONE);
                default -> new MilestoneProgressLogged(id, milestone, sequence % 101, "Avance", List.of(),
                        LocalDate.of(2025, 1, 1));
            };
            EventEnvelope envelope = EventEnvelope.of(UUID.randomUUID().toString(), event, sequence, Instant.now(),
                    "usr-bench-generator", UUID.randomUUID().toString(), prev);
            prev = envelope.hash();
            producer.send(new ProducerRecord<>(topic, id, envelope.toJson()));
        }
    }

    // ---------------------------------------------------------------------------------------------------------
    // memory

    /** Each service's peak resident memory, read from its own process at the end of the product's run. */
    private void memory(ServiceJvms services) throws IOException {
        add(new Figure("peak resident memory: command service", ServiceJvms.peakResidentMiB(services.commandPid()),
                "MiB", "< 512"));
        add(new Figure("peak resident memory: query service", ServiceJvms.peakResidentMiB(services.queryPid()),
                "MiB", "< 512"));
    }

    // ---------------------------------------------------------------------------------------------------------
    // the portal

    /** The portal's dashboard and the benchmark plan's page (every commitment of the run), one request at a time. */
    private void portal(Api api) {
        for (String[] page : new String[][] {{"dashboard", "/"}, {"plan page", "/planes/" + api.planId}}) {
            List<Long> nanos = new ArrayList<>();
            for (int i = 0; i < settings.reads(); i++) {
                long t = System.nanoTime();
                api.page(page[1]);
                nanos.add(System.nanoTime() - t);
            }
            Collections.sort(nanos);
            add(new Figure("portal: " + page[0] + " p50", percentile(nanos, 50), "ms", "—"));
            add(new Figure("portal: " + page[0] + " p99", percentile(nanos, 99), "ms", "—"));
        }
    }

    // ---------------------------------------------------------------------------------------------------------
    // output

    private void print() {
        System.out.println();
        System.out.println("Benchmark (" + notes.get("postgres") + "; load average at start " + notes.get("loadAverageAtStart")
                + ", at end " + notes.get("loadAverageAtEnd") + ")");
        System.out.printf("%-78s %12s %-6s %s%n", "figure", "value", "unit", "target");
        for (Figure f : figures) {
            System.out.printf("%-78s %12s %-6s %s%n", f.name(), f.value() == null ? "n/a" : String.format("%.2f", f.value()),
                    f.unit(), f.target());
        }
        notes.forEach((k, v) -> System.out.println(k + ": " + v));
        System.out.println("JSON: " + settings.output().toAbsolutePath());
    }

    private void write() throws IOException {
        Map<String, Object> document = new LinkedHashMap<>(notes);
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Figure f : figures) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("name", f.name());
            row.put("value", f.value());
            row.put("unit", f.unit());
            row.put("target", f.target());
            rows.add(row);
        }
        document.put("figures", rows);
        Files.createDirectories(settings.output().toAbsolutePath().getParent());
        Files.writeString(settings.output(), JSON.writerWithDefaultPrettyPrinter().writeValueAsString(document));
    }

    static String loadAverage() {
        try {
            String[] parts = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return parts[0] + " " + parts[1] + " " + parts[2];
        } catch (IOException e) {
            return "unknown";
        }
    }

    static double percentile(List<Long> sortedNanos, int percentile) {
        if (sortedNanos.isEmpty()) {
            return Double.NaN;
        }
        int index = Math.min(sortedNanos.size() - 1, (int) Math.ceil(percentile / 100.0 * sortedNanos.size()) - 1);
        return sortedNanos.get(Math.max(0, index)) / 1e6;
    }

    static String today() {
        return LocalDate.now(MEXICO).toString();
    }

    private static void deleteQuietly(Path directory) {
        try (var paths = Files.walk(directory)) {
            paths.sorted(Collections.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException | UncheckedIOException e) {
            // a temporary directory; the operating system clears it eventually
        }
    }

    // ---------------------------------------------------------------------------------------------------------
    // clients

    /** The commitments the mix works on: each adopted, in implementation, with one milestone and one indicator. */
    record Fixture(String planId, List<Ready> ready) {

        record Ready(String id, String milestone, String indicator) {
        }

        static Fixture create(Api api, int commitments) throws Exception {
            List<Ready> ready = Collections.synchronizedList(new ArrayList<>());
            try (ExecutorService pool = Executors.newFixedThreadPool(8)) {
                List<Future<?>> made = new ArrayList<>();
                for (int i = 0; i < commitments; i++) {
                    made.add(pool.submit(() -> {
                        String id = draft(api, api.planId);
                        String[] parts = prepareAndAdopt(api, id);
                        long version = api.command("/api/v1/commitments/" + id + "/implementation",
                                Map.of("startedOn", today())).get("version").asLong();
                        api.queryUntilVisible(id, version);
                        ready.add(new Ready(id, parts[0], parts[1]));
                        return null;
                    }));
                }
                for (Future<?> f : made) {
                    f.get();
                }
            }
            return new Fixture(api.planId, List.copyOf(ready));
        }

        static String draft(Api api, String planId) {
            return api.command("/api/v1/commitments", Map.ofEntries(Map.entry("planId", planId),
                    Map.entry("code", "B-" + UUID.randomUUID().toString().substring(0, 18)),
                    Map.entry("title", "Compromiso de prueba"), Map.entry("publicProblem", "Problema"),
                    Map.entry("objective", "Objetivo"), Map.entry("responsibleInstitutions", List.of("Institución")),
                    Map.entry("civilSocietyOrganisations", List.of("Organización")),
                    Map.entry("ogpValues", List.of("TRANSPARENCY")), Map.entry("sdgTargets", List.of("16.6")),
                    Map.entry("startDate", "2020-01-01"), Map.entry("endDate", "2035-12-31"))).get("commitmentId").asString();
        }

        /** Plans a milestone and an indicator and adopts: three commands. Returns the milestone's and indicator's ids. */
        static String[] prepareAndAdopt(Api api, String id) {
            String path = "/api/v1/commitments/" + id;
            String milestone = api.command(path + "/milestones", Map.of("title", "Hito", "description", "d",
                    "dueDate", "2030-01-01", "responsible", "r")).get("milestoneId").asString();
            String indicator = api.command(path + "/indicators", Map.ofEntries(Map.entry("name", "Indicador"),
                    Map.entry("kind", "OUTPUT"), Map.entry("unit", "u"), Map.entry("baseline", 0),
                    Map.entry("baselineDate", "2020-01-01"), Map.entry("target", 100), Map.entry("targetDate", "2035-12-31"),
                    Map.entry("direction", "INCREASE"), Map.entry("frequency", "ANNUAL"),
                    Map.entry("meansOfVerification", "m"))).get("indicatorId").asString();
            api.command(path + "/adoption", Map.of("sessionDate", today(), "approvals", List.of(
                    Map.of("sector", "GOVERNMENT", "name", "A"), Map.of("sector", "TRANSPARENCY_BODY", "name", "B"),
                    Map.of("sector", "CIVIL_SOCIETY", "name", "C"))));
            return new String[] {milestone, indicator};
        }
    }

    /** Both services over HTTP with a bearer token, as production callers are. */
    final class Api {

        private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
        private final String command;
        private final String query;
        private final String bearer;
        final String planId;
        final ServiceJvms services;

        Api(ServiceJvms services) {
            this.services = services;
            this.command = "http://127.0.0.1:" + services.commandPort();
            this.query = "http://127.0.0.1:" + services.queryPort();
            this.bearer = "Bearer " + tokens.sign("usr-bench-01", List.of("ADMIN", "STL_EDITOR"), List.of(STL));
            this.planId = command("/api/v1/plans", Map.of("stlId", STL, "stlName", "STL de prueba",
                    "jurisdiction", "Prueba", "title", "Plan de prueba", "periodStart", "2020-01-01",
                    "periodEnd", "2035-12-31")).get("planId").asString();
        }

        JsonNode command(String path, Object body) {
            return send(commandRequest(path, body));
        }

        /** A command sent with a fresh {@code Idempotency-Key}, as a client that may retry it sends it. */
        JsonNode commandOnce(String path, Object body) {
            return send(commandRequest(path, body).header("Idempotency-Key", UUID.randomUUID().toString()));
        }

        private HttpRequest.Builder commandRequest(String path, Object body) {
            return HttpRequest.newBuilder(URI.create(command + path)).header("Content-Type", "application/json")
                    .header("Authorization", bearer).POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
        }

        long progress(Fixture.Ready target, int percent) {
            return command("/api/v1/commitments/" + target.id() + "/milestones/" + target.milestone() + "/progress",
                    Map.of("percent", percent, "reportedOn", today())).get("version").asLong();
        }

        JsonNode query(String path) {
            return send(HttpRequest.newBuilder(URI.create(query + path)).GET());
        }

        /** A portal page, as a browser asks for it; anything but 200 is a failure. */
        void page(String path) {
            try {
                HttpResponse<Void> response = http.send(HttpRequest.newBuilder(URI.create(query + path))
                        .header("Accept", "text/html").timeout(Duration.ofSeconds(60)).GET().build(),
                        HttpResponse.BodyHandlers.discarding());
                if (response.statusCode() != 200) {
                    throw new HttpStatusException(response.statusCode(), path + " answered " + response.statusCode());
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }

        /** A read in the mix: a view the query side has not built yet ({@code 404}) is an answer too. */
        void read(String path) {
            try {
                query(path);
            } catch (HttpStatusException e) {
                if (e.status != 404) {
                    throw e;
                }
            }
        }

        /** An operator call such as the replay: it answers when the work is done, so it may take many minutes. */
        JsonNode admin(String path) {
            return send(HttpRequest.newBuilder(URI.create(query + path)).header("Authorization", bearer)
                    .POST(HttpRequest.BodyPublishers.noBody()), Duration.ofHours(2));
        }

        /** The view at that version; the query service waits up to its minVersion wait, and 503s are asked again. */
        void queryUntilVisible(String id, long version) {
            long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
            while (true) {
                try {
                    query("/api/v1/commitments/" + id + "?minVersion=" + version);
                    return;
                } catch (HttpStatusException e) {
                    if ((e.status != 503 && e.status != 404) || System.nanoTime() > deadline) {
                        throw e;
                    }
                }
            }
        }

        private JsonNode send(HttpRequest.Builder request) {
            return send(request, Duration.ofSeconds(60));
        }

        private JsonNode send(HttpRequest.Builder request, Duration timeout) {
            try {
                HttpResponse<String> response = http.send(request.timeout(timeout).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() / 100 != 2) {
                    throw new HttpStatusException(response.statusCode(), response.request().uri() + " answered "
                            + response.statusCode() + " " + response.body());
                }
                return JSON.readTree(response.body());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    static final class HttpStatusException extends RuntimeException {
        final int status;

        HttpStatusException(int status, String message) {
            super(message);
            this.status = status;
        }
    }

    /** An identity provider for the run: an RSA key pair, its public key as a PEM file, RS256 tokens. */
    static final class Tokens {

        private final KeyPair keys;
        private final Path publicKey;

        Tokens() {
            try {
                KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
                generator.initialize(2048);
                keys = generator.generateKeyPair();
                publicKey = Files.createTempFile("compromisos-benchmark-", ".pem");
                publicKey.toFile().deleteOnExit();
                Files.writeString(publicKey, "-----BEGIN PUBLIC KEY-----\n"
                        + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                        .encodeToString(keys.getPublic().getEncoded()) + "\n-----END PUBLIC KEY-----\n");
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        String publicKeyLocation() {
            return "file:" + publicKey.toAbsolutePath();
        }

        String sign(String subject, List<String> roles, List<String> stls) {
            Instant now = Instant.now();
            JWTClaimsSet claims = new JWTClaimsSet.Builder().subject(subject).claim("roles", roles).claim("stl_ids", stls)
                    .issueTime(Date.from(now)).expirationTime(Date.from(now.plus(Duration.ofHours(6)))).build();
            try {
                SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).build(), claims);
                jwt.sign(new RSASSASigner((RSAPrivateKey) keys.getPrivate()));
                return jwt.serialize();
            } catch (JOSEException e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
