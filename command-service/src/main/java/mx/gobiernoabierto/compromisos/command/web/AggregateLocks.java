package mx.gobiernoabierto.compromisos.command.web;

import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.modelling.command.AnnotationCommandTargetResolver;
import org.axonframework.modelling.command.CommandTargetResolver;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import mx.gobiernoabierto.compromisos.support.transaction.OutermostCommit;

/**
 * One command at a time per aggregate, until what it wrote is committed. Axon locks an aggregate while its unit of
 * work runs and releases it when that ends; but a request with an {@code Idempotency-Key} runs its command inside the
 * filter's transaction, which commits only later. In between, a second command on the same aggregate read it
 * without the first one's event (uncommitted, and kept out of the aggregate cache until the commit), appended at the
 * same sequence, waited for the first transaction and then failed on the store's unique key: a {@code 500} for a
 * request that had done nothing wrong. So a command holds its aggregate's lock here until the outermost transaction
 * of its request has ended (with no outer transaction, until the command is done).
 *
 * <p>Locks are striped by aggregate id and reentrant (a request may send several commands). A request that holds
 * two, taken in the opposite order by another, could wait for ever: a lock not had within {@link #WAIT} is gone
 * without, and the store's unique key on (aggregate, sequence) still keeps the chain from forking, as it does
 * between instances of this service.
 */
@Component
class AggregateLocks {

    private static final Logger LOG = LoggerFactory.getLogger(AggregateLocks.class);
    static final long WAIT = TimeUnit.SECONDS.toNanos(10);
    private static final int STRIPES = 1024;

    private final ReentrantLock[] stripes = new ReentrantLock[STRIPES];
    private final CommandTargetResolver targets = AnnotationCommandTargetResolver.builder().build();

    AggregateLocks() {
        for (int i = 0; i < STRIPES; i++) {
            stripes[i] = new ReentrantLock();
        }
    }

    /**
     * Takes the lock of the command's aggregate, to be released once the request's outermost transaction has ended
     * (at once if none is open: call {@link Held#release()} after the command in any case).
     */
    Held hold(CommandMessage<?> command) throws InterruptedException {
        Optional<String> aggregate = target(command);
        if (aggregate.isEmpty()) {
            return Held.NOTHING;
        }
        ReentrantLock lock = stripes[Math.floorMod(aggregate.get().hashCode(), STRIPES)];
        if (!lock.tryLock(WAIT, TimeUnit.NANOSECONDS)) {
            LOG.warn("Command {} on {} went ahead without its aggregate's lock after waiting {} s",
                    command.getCommandName(), aggregate.get(), TimeUnit.NANOSECONDS.toSeconds(WAIT));
            return Held.NOTHING;
        }
        return () -> OutermostCommit.whenEnded(lock::unlock);
    }

    private Optional<String> target(CommandMessage<?> command) {
        try {
            return Optional.ofNullable(targets.resolveTarget(command).getIdentifier());
        } catch (IllegalArgumentException noTarget) {
            return Optional.empty();
        }
    }

    /** A lock held for a command; {@link #release()} lets it go, or arranges that for the end of the transaction. */
    @FunctionalInterface
    interface Held {
        Held NOTHING = () -> { };

        void release();
    }
}
