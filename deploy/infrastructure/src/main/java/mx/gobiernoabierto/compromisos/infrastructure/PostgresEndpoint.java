package mx.gobiernoabierto.compromisos.infrastructure;

import java.util.Objects;

/**
 * How to reach a running PostgreSQL server.
 *
 * @param jdbcUrl  the JDBC URL, e.g. {@code jdbc:postgresql://localhost:5432/postgres}
 * @param username the user to connect as
 * @param password the password, empty when the server trusts the user
 * @param source   where the server comes from, for humans: {@code "environment"}, {@code "testcontainers"},
 *                 {@code "embedded"} or {@code "local"}
 */
public record PostgresEndpoint(String jdbcUrl, String username, String password, String source) {

    /**
     * Checks that no component is {@code null}.
     */
    public PostgresEndpoint {
        Objects.requireNonNull(jdbcUrl, "jdbcUrl");
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(password, "password");
        Objects.requireNonNull(source, "source");
    }

    /**
     * The same server, user and password, but another database.
     *
     * @param databaseName the name of the database, which must already exist to be of use
     * @return an endpoint whose JDBC URL names {@code databaseName}; query parameters are kept
     */
    public PostgresEndpoint withDatabase(String databaseName) {
        return new PostgresEndpoint(JdbcUrls.withDatabase(jdbcUrl, databaseName), username, password, source);
    }

    /**
     * Hides the password, which may end up in logs.
     */
    @Override
    public String toString() {
        return "PostgresEndpoint[jdbcUrl=" + jdbcUrl + ", username=" + username
                + ", password=" + (password.isEmpty() ? "" : "***") + ", source=" + source + "]";
    }
}
