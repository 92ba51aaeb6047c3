package mx.gobiernoabierto.compromisos.infrastructure;

import java.util.Objects;

/**
 * How to reach a running Kafka cluster.
 *
 * @param bootstrapServers the value for the clients' {@code bootstrap.servers}, e.g. {@code localhost:9092}
 * @param source           where the broker comes from, for humans: {@code "environment"}, {@code "testcontainers"},
 *                         {@code "embedded"} or {@code "local"}
 */
public record KafkaEndpoint(String bootstrapServers, String source) {

    /**
     * Checks that no component is {@code null}.
     */
    public KafkaEndpoint {
        Objects.requireNonNull(bootstrapServers, "bootstrapServers");
        Objects.requireNonNull(source, "source");
    }
}
