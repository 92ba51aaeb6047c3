package mx.gobiernoabierto.compromisos.command.publishing;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;

import mx.gobiernoabierto.compromisos.command.config.CompromisosProperties;
import mx.gobiernoabierto.compromisos.events.DomainEvent;
import mx.gobiernoabierto.compromisos.events.chain.HashChain;
import mx.gobiernoabierto.compromisos.events.wire.EventEnvelope;
import mx.gobiernoabierto.compromisos.events.wire.EventJson;
import mx.gobiernoabierto.compromisos.events.wire.EventMetadata;
import mx.gobiernoabierto.compromisos.events.wire.EventTypes;

/**
 * Publishes every stored event to Kafka as its envelope, keyed by aggregate id. The event store is the outbox:
 * a tracking processor with one segment reads it in order, sends each batch without waiting per record, and
 * lets its token advance only once the broker has acknowledged every record of the batch. A crash therefore
 * repeats records (at least once) but never skips one, and per-aggregate order holds because one key always
 * goes to one partition through an idempotent producer.
 */
@Component
@ProcessingGroup(KafkaEventPublisher.PROCESSOR)
class KafkaEventPublisher {

    static final String PROCESSOR = "kafka-publisher";
    private static final String PENDING = KafkaEventPublisher.class.getName() + ".pending";

    private final KafkaTemplate<String, String> kafka;
    private final String topic;

    KafkaEventPublisher(KafkaTemplate<String, String> kafka, CompromisosProperties properties) {
        this.kafka = kafka;
        this.topic = properties.topic();
    }

    @EventHandler
    void publish(DomainEvent event, DomainEventMessage<?> message, UnitOfWork<?> unitOfWork) {
        EventEnvelope envelope = envelope(event, message);
        pending(unitOfWork).add(kafka.send(topic, envelope.aggregateId(), envelope.toJson()));
    }

    /**
     * The envelope of a stored event: the payload and the store's fields, and from the metadata that the event was
     * stored with the actor, the correlation id (the event's own id if it has none) and its links of the chain.
     */
    static EventEnvelope envelope(DomainEvent event, DomainEventMessage<?> message) {
        var metadata = message.getMetaData();
        Object correlationId = metadata.get(EventMetadata.CORRELATION_ID);
        return new EventEnvelope(
                message.getIdentifier(),
                EventTypes.typeOf(event.getClass()),
                EventTypes.revisionOf(event.getClass()),
                event.aggregateType(),
                message.getAggregateIdentifier(),
                message.getSequenceNumber(),
                HashChain.formatInstant(message.getTimestamp()),
                String.valueOf(metadata.get(EventMetadata.ACTOR)),
                correlationId == null ? message.getIdentifier() : correlationId.toString(),
                String.valueOf(metadata.get(EventMetadata.PREV_HASH)),
                String.valueOf(metadata.get(EventMetadata.HASH)),
                EventJson.toTree(event));
    }

    private static List<CompletableFuture<?>> pending(UnitOfWork<?> unitOfWork) {
        UnitOfWork<?> batch = unitOfWork.root();
        return batch.getOrComputeResource(PENDING, key -> {
            List<CompletableFuture<?>> sends = new ArrayList<>();
            batch.onPrepareCommit(uow -> awaitAll(sends));
            return sends;
        });
    }

    private static void awaitAll(List<CompletableFuture<?>> sends) {
        try {
            CompletableFuture.allOf(sends.toArray(CompletableFuture[]::new)).get(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PublishingFailedException("interrupted while waiting for Kafka", e);
        } catch (Exception e) {
            throw new PublishingFailedException("Kafka did not acknowledge the batch; it will be sent again", e);
        }
    }

    static class PublishingFailedException extends RuntimeException {
        PublishingFailedException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
