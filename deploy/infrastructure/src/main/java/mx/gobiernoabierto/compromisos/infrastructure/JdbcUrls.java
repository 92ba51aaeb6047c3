package mx.gobiernoabierto.compromisos.infrastructure;

/**
 * Small helpers for PostgreSQL JDBC URLs.
 */
final class JdbcUrls {

    private static final String PREFIX = "jdbc:postgresql:";

    private JdbcUrls() {
    }

    /**
     * Replaces the database of a PostgreSQL JDBC URL, keeping hosts, ports and query parameters.
     * Handles {@code jdbc:postgresql://host[:port][,host2[:port2]]/[database][?params]} and
     * {@code jdbc:postgresql:database[?params]}.
     */
    static String withDatabase(String jdbcUrl, String databaseName) {
        if (!jdbcUrl.startsWith(PREFIX)) {
            throw new IllegalArgumentException("Not a PostgreSQL JDBC URL: " + jdbcUrl);
        }
        int queryStart = jdbcUrl.indexOf('?');
        String query = queryStart < 0 ? "" : jdbcUrl.substring(queryStart);
        String base = queryStart < 0 ? jdbcUrl : jdbcUrl.substring(0, queryStart);
        String rest = base.substring(PREFIX.length());
        if (!rest.startsWith("//")) {
            return PREFIX + databaseName + query;
        }
        int pathStart = rest.indexOf('/', 2);
        String hosts = pathStart < 0 ? rest : rest.substring(0, pathStart);
        return PREFIX + hosts + "/" + databaseName + query;
    }
}
