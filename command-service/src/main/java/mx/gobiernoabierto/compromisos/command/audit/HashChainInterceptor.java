package mx.gobiernoabierto.compromisos.command.audit;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

import io.micrometer.core.instrument.MeterRegistry;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.MessageDispatchInterceptor;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;

import mx.gobiernoabierto.compromisos.events.DomainEvent;
import mx.gobiernoabierto.compromisos.events.chain.HashChain;
import mx.gobiernoabierto.compromisos.events.wire.EventJson;
import mx.gobiernoabierto.compromisos.events.wire.EventMetadata;
import mx.gobiernoabierto.compromisos.events.wire.EventTypes;

/**
 * Links every event into its aggregate's audit hash chain as it is appended: adds {@code actor}, {@code prevHash}
 * and {@code hash} to the event's metadata, which the event store keeps with it.
 *
 * <p>Axon runs event dispatch interceptors when the unit of work prepares to commit, on all the events the
 * command produced, in order; {@code prevHash} of the first event of an aggregate in that list is read from
 * the store, unless {@link ChainHeads} remembers it from the last command. Two commands racing on one aggregate both compute sequence n, and the store's unique key on
 * (aggregate, sequence) lets only one of them commit, so a committed chain never forks.
 */
public class HashChainInterceptor implements MessageDispatchInterceptor<EventMessage<?>> {

    static final String ACTOR = EventMetadata.ACTOR;
    static final String PREV_HASH = EventMetadata.PREV_HASH;
    static final String HASH = EventMetadata.HASH;
    private static final String ANONYMOUS = "anonymous";

    private final EventStore eventStore;
    private final ChainHeads chainHeads;
    private final MeterRegistry meters;

    public HashChainInterceptor(EventStore eventStore, ChainHeads chainHeads, MeterRegistry meters) {
        this.eventStore = eventStore;
        this.chainHeads = chainHeads;
        this.meters = meters;
    }

    @Override
    public BiFunction<Integer, EventMessage<?>, EventMessage<?>> handle(List<? extends EventMessage<?>> messages) {
        Map<String, String> heads = new HashMap<>();
        String actor = commandActor();
        return (index, message) -> {
            if (!(message instanceof DomainEventMessage<?> domainMessage)
                    || !(message.getPayload() instanceof DomainEvent event)) {
                return message;
            }
            String aggregateId = domainMessage.getAggregateIdentifier();
            long sequence = domainMessage.getSequenceNumber();
            String eventActor = message.getMetaData().getOrDefault(ACTOR, actor).toString();
            String prevHash = heads.containsKey(aggregateId) ? heads.get(aggregateId) : previousHash(aggregateId, sequence);
            String type = EventTypes.typeOf(event.getClass());
            String hash = HashChain.hash(prevHash, aggregateId, sequence, type,
                    HashChain.formatInstant(message.getTimestamp()), eventActor, EventJson.toTree(event));
            heads.put(aggregateId, hash);
            onCommit(type, aggregateId, sequence, hash);
            return domainMessage.andMetaData(MetaData.from(Map.of(ACTOR, eventActor, PREV_HASH, prevHash, HASH, hash)));
        };
    }

    private String previousHash(String aggregateId, long sequence) {
        if (sequence == 0) {
            return HashChain.GENESIS;
        }
        return chainHeads.hashOf(aggregateId, sequence - 1).orElseGet(() -> storedHash(aggregateId, sequence - 1));
    }

    private String storedHash(String aggregateId, long sequence) {
        DomainEventStream stream = eventStore.readEvents(aggregateId, sequence);
        if (!stream.hasNext()) {
            throw new IllegalStateException("event " + sequence + " of " + aggregateId + " is missing from the store");
        }
        Object hash = stream.next().getMetaData().get(HASH);
        if (hash == null) {
            throw new IllegalStateException("event " + sequence + " of " + aggregateId + " carries no hash");
        }
        return hash.toString();
    }

    private static String commandActor() {
        if (!CurrentUnitOfWork.isStarted()) {
            return ANONYMOUS;
        }
        Object actor = CurrentUnitOfWork.get().getMessage().getMetaData().get(ACTOR);
        return actor == null ? ANONYMOUS : actor.toString();
    }

    private void onCommit(String type, String aggregateId, long sequence, String hash) {
        if (CurrentUnitOfWork.isStarted()) {
            CurrentUnitOfWork.get().afterCommit(uow -> {
                meters.counter("compromisos.events.appended", "type", type).increment();
                chainHeads.committed(aggregateId, sequence, hash);
            });
        }
    }
}
