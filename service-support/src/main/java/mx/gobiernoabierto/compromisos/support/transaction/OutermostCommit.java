package mx.gobiernoabierto.compromisos.support.transaction;

import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Work that may only happen once the database has committed: telling others of what was written (the command
 * service's chain heads and processor wake-up, the query service's waiting {@code minVersion} reads). In the command
 * service, Axon's unit of work says "committed" when its own transaction commits; but when Axon joined a transaction
 * that began before it (the {@code Idempotency-Key} filter's), that transaction is still open then, and may yet roll
 * back.
 */
public final class OutermostCommit {

    private OutermostCommit() {
    }

    /**
     * Runs {@code action} after the outermost transaction of this thread has committed, and never if it rolls back.
     * To be called at or after the caller's own commit (Axon's after-commit phase): with no transaction left open,
     * the commit has happened and the action runs at once.
     */
    public static void afterwards(Runnable action) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            action.run();
            return;
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                action.run();
            }
        });
    }

    /**
     * Runs {@code action} once the outermost transaction of this thread has ended, committed or rolled back; at once
     * if none is open.
     */
    public static void whenEnded(Runnable action) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            action.run();
            return;
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCompletion(int status) {
                action.run();
            }
        });
    }
}
