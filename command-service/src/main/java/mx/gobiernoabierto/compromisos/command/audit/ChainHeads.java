package mx.gobiernoabierto.compromisos.command.audit;

import java.util.Optional;

import mx.gobiernoabierto.compromisos.command.config.LruMap;
import mx.gobiernoabierto.compromisos.support.transaction.OutermostCommit;

/**
 * The last committed link of recently written chains, so that a command need not read the previous event back from
 * the store to chain its own. An entry names its sequence and is only ever added once the outermost transaction
 * committed: a committed event's hash never changes, so an entry is either the one asked for or not used at all,
 * and a version the database never stored is never remembered.
 */
public final class ChainHeads {

    private record Head(long sequence, String hash) {
    }

    private final LruMap<String, Head> heads;

    public ChainHeads(int capacity) {
        this.heads = new LruMap<>(capacity);
    }

    /** The hash of event {@code sequence} of the aggregate, if it is the last one committed here. */
    public Optional<String> hashOf(String aggregateId, long sequence) {
        Head head = heads.get(aggregateId);
        return head != null && head.sequence() == sequence ? Optional.of(head.hash()) : Optional.empty();
    }

    /** Remembers the aggregate's new head once it is committed; to be called at Axon's after-commit phase. */
    void committed(String aggregateId, long sequence, String hash) {
        OutermostCommit.afterwards(() -> {
            synchronized (heads) {
                Head known = heads.get(aggregateId);
                if (known == null || known.sequence() < sequence) {
                    heads.put(aggregateId, new Head(sequence, hash));
                }
            }
        });
    }
}
