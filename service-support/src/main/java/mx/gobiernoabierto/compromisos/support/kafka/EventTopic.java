package mx.gobiernoabierto.compromisos.support.kafka;

/**
 * The topic of the events, as a service declares it (a bean): service-support then creates it if it is missing,
 * keeping every record for ever ({@link TopicRetentionCheck#KEEP_FOREVER}), and checks on start that an existing
 * one does ({@link TopicRetentionCheck}).
 *
 * @param name        the topic's name
 * @param partitions  its partitions when this service creates it
 * @param consequence one sentence for the warning: what a deletion of events would cost this service
 */
public record EventTopic(String name, int partitions, String consequence) {
}
