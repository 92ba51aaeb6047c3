package mx.gobiernoabierto.compromisos.support.transaction;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

class OutermostCommitTest {

    private final AtomicInteger runs = new AtomicInteger();

    @AfterEach
    void noTransaction() {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.clearSynchronization();
        }
    }

    @Test
    void withNoTransactionLeftOpenItRunsAtOnce() {
        OutermostCommit.afterwards(runs::incrementAndGet);
        assertThat(runs).hasValue(1);
    }

    @Test
    void insideAnOuterTransactionItWaitsForThatCommit() {
        TransactionSynchronizationManager.initSynchronization();
        OutermostCommit.afterwards(runs::incrementAndGet);
        assertThat(runs).as("not before the outer transaction commits").hasValue(0);

        for (TransactionSynchronization synchronization : TransactionSynchronizationManager.getSynchronizations()) {
            synchronization.afterCommit();
            synchronization.afterCompletion(TransactionSynchronization.STATUS_COMMITTED);
        }
        assertThat(runs).hasValue(1);
    }

    @Test
    void anOuterRollbackMeansItNeverRuns() {
        TransactionSynchronizationManager.initSynchronization();
        OutermostCommit.afterwards(runs::incrementAndGet);
        for (TransactionSynchronization synchronization : TransactionSynchronizationManager.getSynchronizations()) {
            synchronization.afterCompletion(TransactionSynchronization.STATUS_ROLLED_BACK);
        }
        assertThat(runs).hasValue(0);
    }

    @Test
    void whenEndedRunsAfterACommitOrARollbackAndAtOnceWithoutATransaction() {
        OutermostCommit.whenEnded(runs::incrementAndGet);
        assertThat(runs).hasValue(1);

        for (int status : new int[] {TransactionSynchronization.STATUS_COMMITTED, TransactionSynchronization.STATUS_ROLLED_BACK}) {
            TransactionSynchronizationManager.initSynchronization();
            OutermostCommit.whenEnded(runs::incrementAndGet);
            int before = runs.get();
            for (TransactionSynchronization synchronization : TransactionSynchronizationManager.getSynchronizations()) {
                synchronization.afterCompletion(status);
            }
            assertThat(runs).as("once the transaction ended (" + status + ")").hasValue(before + 1);
            TransactionSynchronizationManager.clearSynchronization();
        }
    }
}
