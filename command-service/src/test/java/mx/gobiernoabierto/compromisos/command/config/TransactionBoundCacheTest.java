package mx.gobiernoabierto.compromisos.command.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.axonframework.common.caching.WeakReferenceCache;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

class TransactionBoundCacheTest {

    private final TransactionBoundCache cache = new TransactionBoundCache(new WeakReferenceCache());
    private final Object committedVersion = new Object();
    private final Object newerVersion = new Object();

    @AfterEach
    void noTransaction() {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.clearSynchronization();
        }
    }

    @Test
    void outsideATransactionAPutIsImmediate() {
        cache.put("a", committedVersion);
        assertThat((Object) cache.get("a")).isSameAs(committedVersion);
    }

    @Test
    void insideATransactionAPutWaitsForTheCommitAndEvictsMeanwhile() {
        cache.put("a", committedVersion);
        List<TransactionSynchronization> tx = inTransaction(() -> cache.put("a", newerVersion));
        assertThat(cache.containsKey("a")).isFalse();
        complete(tx, TransactionSynchronization.STATUS_COMMITTED);
        assertThat((Object) cache.get("a")).isSameAs(newerVersion);
    }

    @Test
    void aRollbackOnlyEvicts() {
        cache.put("a", committedVersion);
        List<TransactionSynchronization> tx = inTransaction(() -> cache.put("a", newerVersion));
        complete(tx, TransactionSynchronization.STATUS_ROLLED_BACK);
        assertThat(cache.containsKey("a")).isFalse();

        List<TransactionSynchronization> unknown = inTransaction(() -> cache.put("a", newerVersion));
        complete(unknown, TransactionSynchronization.STATUS_UNKNOWN);
        assertThat(cache.containsKey("a")).isFalse();
    }

    @Test
    void anOlderCommitNeverOverwritesANewerSave() {
        List<TransactionSynchronization> older = inTransaction(() -> cache.put("a", committedVersion));
        List<TransactionSynchronization> newer = inTransaction(() -> cache.put("a", newerVersion));
        complete(newer, TransactionSynchronization.STATUS_COMMITTED);
        complete(older, TransactionSynchronization.STATUS_COMMITTED);
        assertThat((Object) cache.get("a")).isSameAs(newerVersion);
    }

    @Test
    void aRemovalWhileATransactionIsOpenKeepsItsCommitOutOfTheCache() {
        List<TransactionSynchronization> tx = inTransaction(() -> cache.put("a", newerVersion));
        cache.remove("a");
        complete(tx, TransactionSynchronization.STATUS_COMMITTED);
        assertThat(cache.containsKey("a")).isFalse();
    }

    /** Runs {@code work} as inside a transaction and returns that transaction's synchronizations. */
    private static List<TransactionSynchronization> inTransaction(Runnable work) {
        TransactionSynchronizationManager.initSynchronization();
        try {
            work.run();
            return List.copyOf(TransactionSynchronizationManager.getSynchronizations());
        } finally {
            TransactionSynchronizationManager.clearSynchronization();
        }
    }

    private static void complete(List<TransactionSynchronization> synchronizations, int status) {
        synchronizations.forEach(s -> s.afterCompletion(status));
    }
}
