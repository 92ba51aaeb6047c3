package mx.gobiernoabierto.compromisos.command.config;

import java.time.ZoneId;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the command service.
 *
 * @param timeZone          the zone whose calendar decides what "today" and "in the future" mean for dates users report
 * @param topic             the Kafka topic events are published to
 * @param topicPartitions   partitions of that topic when the service creates it
 * @param snapshotThreshold events after which a commitment's state is snapshotted
 * @param idempotencyRetention how long answers to requests with an {@code Idempotency-Key} are kept (at least 24 h)
 * @param aggregateCache    keep loaded aggregates in memory between commands (committed state only); one command
 *                          service instance per event store, as the deployment runs it
 * @param aggregateCacheSize how many aggregates that cache keeps (the most recently used), and how many commitments'
 *                          last chain hash and STL are remembered
 * @param processorWakeUpDelay how long after a commit the tracking processors (Kafka publisher, transparency log) are
 *                          woken, so that commits close together are read in one batch; 0 wakes them at every commit
 */
@ConfigurationProperties("compromisos")
public record CompromisosProperties(@DefaultValue("America/Mexico_City") ZoneId timeZone,
                                    @DefaultValue("compromisos.events") String topic,
                                    @DefaultValue("6") int topicPartitions,
                                    @DefaultValue("100") int snapshotThreshold,
                                    @DefaultValue("7d") java.time.Duration idempotencyRetention,
                                    @DefaultValue("true") boolean aggregateCache,
                                    @DefaultValue("5000") int aggregateCacheSize,
                                    @DefaultValue("20ms") java.time.Duration processorWakeUpDelay) {

    public CompromisosProperties {
        if (aggregateCacheSize < 1) {
            throw new IllegalArgumentException("compromisos.aggregate-cache-size must be at least 1, was "
                    + aggregateCacheSize);
        }
        if (processorWakeUpDelay.isNegative() || processorWakeUpDelay.compareTo(java.time.Duration.ofSeconds(1)) > 0) {
            throw new IllegalArgumentException("compromisos.processor-wake-up-delay must be from 0 to 1s (the "
                    + "processors poll every second anyway), was " + processorWakeUpDelay);
        }
        if (idempotencyRetention.compareTo(java.time.Duration.ofHours(24)) < 0) {
            throw new IllegalArgumentException("compromisos.idempotency-retention must be at least 24h: the contract "
                    + "keeps idempotency keys at least that long");
        }
    }
}
