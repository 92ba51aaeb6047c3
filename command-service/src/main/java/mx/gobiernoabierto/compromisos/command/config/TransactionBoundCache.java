package mx.gobiernoabierto.compromisos.command.config;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

import org.axonframework.common.Registration;
import org.axonframework.common.caching.Cache;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The aggregate cache, holding only what the database has committed. Axon puts an aggregate into its cache while
 * the unit of work commits, and evicts it only when the unit of work rolls back; but the database transaction can
 * still roll back after that, for instance the {@code Idempotency-Key} filter's transaction, which Axon joins and
 * which ends after Axon has finished. A cache that kept that version would let the next command append after
 * events the database never stored: a gap in the sequence and a fork in the hash chain.
 *
 * <p>So, inside a transaction, a put removes the entry at once (other commands on that aggregate load it from the
 * database, and so wait on the uncommitted rows like without a cache) and is applied only after the outermost
 * transaction committed; a rollback only evicts. Each deferred put carries a generation: a put whose aggregate was
 * saved again meanwhile by a later transaction is dropped, so an older commit never overwrites a newer one.
 * Outside a transaction a put is applied at once.
 */
final class TransactionBoundCache implements Cache {

    private final Cache delegate;
    private final AtomicLong generations = new AtomicLong();
    private final Map<Object, Long> pending = new ConcurrentHashMap<>();

    TransactionBoundCache(Cache delegate) {
        this.delegate = delegate;
    }

    @Override
    public <K, V> V get(K key) {
        return delegate.get(key);
    }

    @Override
    public void put(Object key, Object value) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            delegate.put(key, value);
            return;
        }
        long generation = generations.incrementAndGet();
        pending.put(key, generation);
        delegate.remove(key);
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCompletion(int status) {
                // only the newest save of this aggregate may fill the cache, and only once it is committed
                pending.compute(key, (k, newest) -> {
                    if (newest == null || newest != generation) {
                        return newest;
                    }
                    if (status == STATUS_COMMITTED) {
                        delegate.put(key, value);
                    } else {
                        delegate.remove(key);
                    }
                    return null;
                });
                if (status != STATUS_COMMITTED) {
                    delegate.remove(key);
                }
            }
        });
    }

    @Override
    public boolean putIfAbsent(Object key, Object value) {
        if (delegate.containsKey(key)) {
            return false;
        }
        put(key, value);
        return true;
    }

    @Override
    public <T> T computeIfAbsent(Object key, Supplier<T> valueSupplier) {
        T value = delegate.get(key);
        if (value == null) {
            value = valueSupplier.get();
            put(key, value);
        }
        return value;
    }

    @Override
    public boolean remove(Object key) {
        pending.remove(key);
        return delegate.remove(key);
    }

    @Override
    public void removeAll() {
        pending.clear();
        delegate.removeAll();
    }

    @Override
    public boolean containsKey(Object key) {
        return delegate.containsKey(key);
    }

    @Override
    public Registration registerCacheEntryListener(EntryListener cacheEntryListener) {
        return delegate.registerCacheEntryListener(cacheEntryListener);
    }

    @Override
    public <V> void computeIfPresent(Object key, UnaryOperator<V> update) {
        // Axon's aggregate repositories do not use it; an update in place could publish uncommitted state
        delegate.remove(key);
    }
}
