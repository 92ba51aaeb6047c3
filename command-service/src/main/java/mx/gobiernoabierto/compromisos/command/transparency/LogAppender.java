package mx.gobiernoabierto.compromisos.command.transparency;

import java.util.HexFormat;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.stereotype.Component;

import mx.gobiernoabierto.compromisos.events.DomainEvent;

/**
 * Follows the event store as the Kafka publisher does (a tracking processor of its own, one segment, so one
 * order) and appends each event's chain hash as the next leaf. The processor's token is stored in the same
 * transaction as the leaves, so an event is appended exactly once; an event already in the log (a processor reset
 * by hand) is skipped rather than appended twice.
 */
@Component
@ProcessingGroup(LogAppender.PROCESSOR)
class LogAppender {

    static final String PROCESSOR = "transparency-log";

    private final TreeStore tree;

    LogAppender(TreeStore tree) {
        this.tree = tree;
    }

    @EventHandler
    void append(DomainEvent event, DomainEventMessage<?> message) {
        Object hash = message.getMetaData().get("hash");
        if (hash == null) {
            throw new IllegalStateException("event " + message.getIdentifier() + " carries no chain hash");
        }
        if (tree.contains(message.getIdentifier())) {
            return;
        }
        tree.append(message.getIdentifier(), message.getAggregateIdentifier(), message.getSequenceNumber(),
                HexFormat.of().parseHex(hash.toString()));
    }
}
