package mx.gobiernoabierto.compromisos.command.transparency;

import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.stereotype.Component;

import mx.gobiernoabierto.compromisos.events.DomainEvent;

/**
 * Follows the event store as the Kafka publisher does (a tracking processor of its own, one segment, so one
 * order) and appends each event's chain hash as the next leaf. The events of one batch are appended together, when
 * the batch commits, in the same transaction as the processor's token, so an event is appended exactly once; an
 * event already in the log (a processor reset by hand) is skipped rather than appended twice.
 */
@Component
@ProcessingGroup(LogAppender.PROCESSOR)
class LogAppender {

    static final String PROCESSOR = "transparency-log";
    private static final String PENDING = LogAppender.class.getName() + ".pending";

    private final TreeStore tree;

    LogAppender(TreeStore tree) {
        this.tree = tree;
    }

    @EventHandler
    void append(DomainEvent event, DomainEventMessage<?> message, UnitOfWork<?> unitOfWork) {
        Object hash = message.getMetaData().get("hash");
        if (hash == null) {
            throw new IllegalStateException("event " + message.getIdentifier() + " carries no chain hash");
        }
        pending(unitOfWork).putIfAbsent(message.getIdentifier(), new TreeStore.Leaf(message.getIdentifier(),
                message.getAggregateIdentifier(), message.getSequenceNumber(), HexFormat.of().parseHex(hash.toString())));
    }

    /** The batch's leaves in event order, appended when the batch's unit of work prepares to commit. */
    private Map<String, TreeStore.Leaf> pending(UnitOfWork<?> unitOfWork) {
        UnitOfWork<?> batch = unitOfWork.root();
        return batch.getOrComputeResource(PENDING, key -> {
            Map<String, TreeStore.Leaf> leaves = new LinkedHashMap<>();
            batch.onPrepareCommit(uow -> appendNew(leaves));
            return leaves;
        });
    }

    private void appendNew(Map<String, TreeStore.Leaf> leaves) {
        Set<String> present = tree.present(leaves.keySet());
        List<TreeStore.Leaf> missing = new ArrayList<>(leaves.size());
        leaves.values().stream().filter(leaf -> !present.contains(leaf.eventIdentifier())).forEach(missing::add);
        if (!missing.isEmpty()) {
            tree.appendAll(missing);
        }
    }
}
