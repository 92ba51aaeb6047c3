package mx.gobiernoabierto.compromisos.infrastructure;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A PostgreSQL server (14, binaries from io.zonky's Maven artifacts) for the local stack whose data survives
 * restarts, crashes and power loss. The superuser is {@code postgres} with trust authentication on localhost
 * (no password).
 *
 * <p><b>Durable.</b> The server runs with {@link #DURABLE_SETTINGS} ({@code fsync}, {@code synchronous_commit},
 * {@code full_page_writes} on) given on its command line, where neither {@code postgresql.conf} nor
 * {@code ALTER SYSTEM} can override them, and a new cluster is created with data checksums. This class runs
 * {@code initdb}, {@code postgres} and {@code pg_ctl} itself because zonky's launcher always passes {@code -F}
 * (fsync off) and {@code synchronous_commit=off}: fine for throw-away test databases, never for a system of record.
 *
 * <p><b>Self-healing.</b> A postmaster left running on the same data directory (its JVM was killed) is stopped
 * with {@code pg_ctl stop -m fast} before the start, with a WARN saying so. The postmaster is supervised: if it
 * dies while not being closed, it is started again (PostgreSQL replays its write-ahead log) until it answers.
 * No JVM shutdown hook is registered: whoever starts the server stops it, in its own order.
 *
 * <p>The server's own log goes to {@code server.log} in the data directory. As root the programs run in a user
 * namespace ({@code unshare -U}), which the kernel must allow.
 */
public final class LocalPostgres implements AutoCloseable {

    /** Settings on the server's command line: nothing acknowledged may be lost by a crash or a power cut. */
    public static final Map<String, String> DURABLE_SETTINGS = durableSettings();

    private static final Logger LOG = LoggerFactory.getLogger(LocalPostgres.class);
    private static final Duration STARTUP_WAIT = Duration.ofSeconds(120);
    private static final Duration STOP_WAIT = Duration.ofSeconds(60);
    private static final Duration MAX_RESTART_BACKOFF = Duration.ofSeconds(10);

    private final PostgresBinaries binaries;
    private final Path dataDirectory;
    private final int port;
    private final Object lock = new Object();
    private Process postmaster;
    private boolean closing;
    private int restarts;

    private LocalPostgres(PostgresBinaries binaries, Path dataDirectory, int port) {
        this.binaries = binaries;
        this.dataDirectory = dataDirectory;
        this.port = port;
    }

    /**
     * Starts PostgreSQL on {@code localhost:port} with its data in {@code dataDirectory}, creating the cluster
     * (with data checksums) if the directory holds none, and stopping first a server that an earlier process left
     * running there. Returns once the server accepts connections.
     *
     * @param dataDirectory where the cluster lives; kept on {@link #close()}
     * @param port          the TCP port, e.g. 5432; 0 for a random free one
     * @return the running, supervised server
     * @throws UncheckedIOException if the server cannot be started (port taken, directory not usable, ...)
     */
    public static LocalPostgres start(Path dataDirectory, int port) {
        Objects.requireNonNull(dataDirectory, "dataDirectory");
        Path directory = dataDirectory.toAbsolutePath().normalize();
        long start = System.nanoTime();
        try {
            PostgresBinaries binaries = PostgresBinaries.unpacked();
            Files.createDirectories(directory);
            int chosenPort = port == 0 ? freePort() : port;
            LocalPostgres server = new LocalPostgres(binaries, directory, chosenPort);
            server.stopOrphan();
            if (port != 0 && !free(port)) {
                throw new IOException("port " + port + " is taken by another program");
            }
            boolean existing = Files.exists(directory.resolve("PG_VERSION"));
            if (!existing) {
                server.initdb();
            }
            Process process = server.launch();
            try {
                server.awaitReady(process, STARTUP_WAIT);
            } catch (IOException e) {
                process.destroyForcibly();
                throw e;
            }
            server.watch(process);
            LOG.info("Local PostgreSQL: {} data directory {}, listening at jdbc:postgresql://localhost:{}/postgres "
                            + "(user postgres, no password), durable ({}), started in {} ms",
                    existing ? "existing" : "new", directory, chosenPort, DURABLE_SETTINGS,
                    (System.nanoTime() - start) / 1_000_000);
            if (existing && !"on".equals(server.show("data_checksums"))) {
                LOG.info("This cluster was created without data checksums; to add them, stop the stack and run "
                        + "pg_checksums --enable -D {}", directory);
            }
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start PostgreSQL in " + directory + " on port " + port
                    + ": " + e.getMessage(), e);
        }
    }

    /**
     * The TCP port the server listens on.
     *
     * @return the port
     */
    public int port() {
        return port;
    }

    /**
     * The data directory.
     *
     * @return the absolute path of the data directory
     */
    public Path dataDirectory() {
        return dataDirectory;
    }

    /**
     * The process id of the running postmaster (the one {@code postmaster.pid} names).
     *
     * @return the pid, or empty while the server is down
     */
    public Optional<Long> pid() {
        synchronized (lock) {
            return postmaster != null && postmaster.isAlive() ? Optional.of(postmaster.pid()) : Optional.empty();
        }
    }

    /**
     * How often the supervisor started the server again after it died.
     *
     * @return the number of restarts since {@link #start(Path, int)}
     */
    public int restarts() {
        synchronized (lock) {
            return restarts;
        }
    }

    /**
     * The JDBC URL of a database on this server.
     *
     * @param database the database name, e.g. {@code postgres}
     * @return {@code jdbc:postgresql://localhost:<port>/<database>}
     */
    public String jdbcUrl(String database) {
        return "jdbc:postgresql://localhost:" + port + "/" + database;
    }

    /**
     * The endpoint of the maintenance database {@code postgres}.
     *
     * @return the endpoint, with source {@code "local"}
     */
    public PostgresEndpoint endpoint() {
        return new PostgresEndpoint(jdbcUrl("postgres"), "postgres", "", "local");
    }

    /**
     * Stops the server ({@code pg_ctl stop -m fast}: open sessions are ended, every committed transaction is
     * already on disk) and keeps the data directory. Calling it again does nothing.
     */
    @Override
    public void close() {
        Process running;
        synchronized (lock) {
            if (closing) {
                return;
            }
            closing = true;
            running = postmaster;
            lock.notifyAll();
        }
        long start = System.nanoTime();
        if (running != null && running.isAlive()) {
            pgCtlStop(running.pid());
        }
        LOG.info("Local PostgreSQL stopped in {} ms; data kept in {}", (System.nanoTime() - start) / 1_000_000,
                dataDirectory);
    }

    // ------------------------------------------------------------------------------------------- internals

    private static Map<String, String> durableSettings() {
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("fsync", "on");
        settings.put("synchronous_commit", "on");
        settings.put("full_page_writes", "on");
        return Collections.unmodifiableMap(settings);
    }

    private void initdb() throws IOException {
        long start = System.nanoTime();
        run(binaries.command("initdb", List.of("-A", "trust", "-U", "postgres", "-D", dataDirectory.toString(),
                "-E", "UTF-8", "--data-checksums")), Duration.ofMinutes(2), "initdb");
        LOG.info("Local PostgreSQL: new cluster with data checksums in {} ({} ms)", dataDirectory,
                (System.nanoTime() - start) / 1_000_000);
    }

    /** Starts a postmaster; {@link #watch(Process)} supervises it once it answers. */
    private Process launch() throws IOException {
        List<String> arguments = new ArrayList<>(List.of("-D", dataDirectory.toString(), "-p", Integer.toString(port),
                "-c", "listen_addresses=localhost", "-c", "timezone=UTC", "-c", "max_connections=300"));
        DURABLE_SETTINGS.forEach((name, value) -> {
            arguments.add("-c");
            arguments.add(name + "=" + value);
        });
        Process process = new ProcessBuilder(binaries.command("postgres", arguments))
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(dataDirectory.resolve("server.log").toFile()))
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                .start();
        synchronized (lock) {
            postmaster = process;
        }
        return process;
    }

    private void watch(Process process) {
        process.onExit().thenRunAsync(() -> supervise(process));
    }

    private void supervise(Process exited) {
        synchronized (lock) {
            if (closing || postmaster != exited) {
                return;
            }
        }
        LOG.error("Local PostgreSQL (pid {}) exited unexpectedly with code {}; starting it again (it recovers from its "
                + "write-ahead log; its own log is {})", exited.pid(), exited.exitValue(), dataDirectory.resolve("server.log"));
        long down = System.nanoTime();
        Duration backoff = Duration.ofMillis(250);
        Process process = null;
        while (!isClosing()) {
            try {
                if (process == null || !process.isAlive()) {
                    process = launch();
                }
                awaitReady(process, Duration.ofSeconds(30));
                synchronized (lock) {
                    restarts++;
                }
                LOG.warn("Local PostgreSQL is back (pid {}), {} ms after it died", process.pid(),
                        (System.nanoTime() - down) / 1_000_000);
                watch(process);
                return;
            } catch (IOException e) {
                // typically "pre-existing shared memory block is still in use": backends of the dead postmaster are
                // still on their way out; a postmaster that is alive but not answering yet is still recovering
                LOG.warn("Local PostgreSQL is not back yet: {}", e.getMessage());
            }
            sleep(backoff);
            backoff = backoff.multipliedBy(2).compareTo(MAX_RESTART_BACKOFF) > 0 ? MAX_RESTART_BACKOFF : backoff.multipliedBy(2);
        }
    }

    private boolean isClosing() {
        synchronized (lock) {
            return closing;
        }
    }

    private void awaitReady(Process process, Duration wait) throws IOException {
        long deadline = System.nanoTime() + wait.toNanos();
        SQLException last = null;
        while (System.nanoTime() < deadline) {
            if (isClosing()) {
                throw new IOException("closed while starting");
            }
            if (!process.isAlive()) {
                throw new IOException("PostgreSQL exited with code " + process.exitValue() + " while starting; see "
                        + dataDirectory.resolve("server.log") + tail());
            }
            try (Connection connection = connect(); Statement statement = connection.createStatement()) {
                statement.execute("SELECT 1");
                return;
            } catch (SQLException e) {
                last = e;
                sleep(Duration.ofMillis(100));
            }
        }
        throw new IOException("PostgreSQL did not answer within " + wait.toSeconds() + " s"
                + (last == null ? "" : ": " + last.getMessage()));
    }

    private Connection connect() throws SQLException {
        Properties properties = new Properties();
        properties.setProperty("user", "postgres");
        properties.setProperty("connectTimeout", "2");
        properties.setProperty("socketTimeout", "10");
        return DriverManager.getConnection(jdbcUrl("postgres"), properties);
    }

    private String show(String setting) {
        try (Connection connection = connect(); Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery("SHOW " + setting)) {
            return result.next() ? result.getString(1) : null;
        } catch (SQLException e) {
            return null;
        }
    }

    /**
     * A postmaster still running on this data directory belongs to a process that died without stopping it (the
     * caller holds the data directory's lock, so no live stack owns it). It is stopped so that this start owns
     * the server it supervises.
     */
    private void stopOrphan() {
        Optional<Long> pid = postmasterPid(dataDirectory);
        if (pid.isEmpty()) {
            return;
        }
        Optional<ProcessHandle> process = ProcessHandle.of(pid.get()).filter(ProcessHandle::isAlive);
        if (process.isEmpty() || !process.get().info().command().map(c -> c.endsWith("postgres")).orElse(true)) {
            return; // a stale postmaster.pid: PostgreSQL itself ignores it
        }
        LOG.warn("Local PostgreSQL: a server (pid {}) left running on {} by an earlier run that did not stop it; "
                + "stopping it (pg_ctl stop -m fast) before starting this one", pid.get(), dataDirectory);
        pgCtlStop(pid.get());
    }

    private void pgCtlStop(long pid) {
        try {
            run(binaries.command("pg_ctl", List.of("stop", "-D", dataDirectory.toString(), "-m", "fast", "-w", "-t",
                    Long.toString(STOP_WAIT.toSeconds()))), STOP_WAIT.plusSeconds(10), "pg_ctl stop");
        } catch (IOException e) {
            LOG.warn("pg_ctl stop failed ({}); ending PostgreSQL (pid {}) at once", e.getMessage(), pid);
        }
        ProcessHandle.of(pid).ifPresent(handle -> {
            if (handle.isAlive()) {
                handle.destroyForcibly();
                handle.onExit().orTimeout(30, TimeUnit.SECONDS).exceptionally(failure -> null).join();
            }
        });
    }

    static Optional<Long> postmasterPid(Path dataDirectory) {
        Path pidFile = dataDirectory.resolve("postmaster.pid");
        try {
            List<String> lines = Files.readAllLines(pidFile, StandardCharsets.UTF_8);
            return lines.isEmpty() ? Optional.empty() : Optional.of(Long.parseLong(lines.get(0).strip()));
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    private void run(List<String> command, Duration timeout, String what) throws IOException {
        Path output = Files.createTempFile("compromisos-" + what.replace(' ', '-'), ".log");
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(output.toFile()).start();
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                throw new IOException(what + " did not finish within " + timeout.toSeconds() + " s");
            }
            if (process.exitValue() != 0) {
                throw new IOException(what + " failed (exit " + process.exitValue() + "): "
                        + Files.readString(output, StandardCharsets.UTF_8).strip());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(what + " interrupted", e);
        } finally {
            Files.deleteIfExists(output);
        }
    }

    private String tail() {
        try {
            List<String> lines = Files.readAllLines(dataDirectory.resolve("server.log"), StandardCharsets.UTF_8);
            return ":\n  " + String.join("\n  ", lines.subList(Math.max(0, lines.size() - 5), lines.size()));
        } catch (IOException e) {
            return "";
        }
    }

    private static boolean free(int port) {
        try (ServerSocket socket = new ServerSocket(port, 1, java.net.InetAddress.getLoopbackAddress())) {
            socket.setReuseAddress(true);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
