package mx.gobiernoabierto.compromisos.command.publishing;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** {@code compromisos.publisher.lag}: events in the store that the Kafka publisher has not yet sent. */
@Component
class PublisherLag {

    private final EventProcessingConfiguration processing;
    private final JdbcClient jdbc;

    PublisherLag(EventProcessingConfiguration processing, JdbcClient jdbc, MeterRegistry meters) {
        this.processing = processing;
        this.jdbc = jdbc;
        Gauge.builder("compromisos.publisher.lag", this, PublisherLag::eventsNotPublished)
                .description("Events in the event store not yet published to Kafka")
                .baseUnit("events")
                .register(meters);
    }

    double eventsNotPublished() {
        long position = processing.eventProcessor(KafkaEventPublisher.PROCESSOR, StreamingEventProcessor.class)
                .flatMap(processor -> processor.processingStatus().values().stream()
                        .map(EventTrackerStatus::getCurrentPosition)
                        .filter(java.util.OptionalLong::isPresent)
                        .map(java.util.OptionalLong::getAsLong)
                        .min(Long::compare))
                .orElse(-1L);
        Long behind = jdbc.sql("SELECT count(*) FROM domainevententry WHERE globalindex > ?")
                .param(position)
                .query(Long.class)
                .single();
        return behind;
    }
}
