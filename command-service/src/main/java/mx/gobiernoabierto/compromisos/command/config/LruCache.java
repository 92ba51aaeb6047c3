package mx.gobiernoabierto.compromisos.command.config;

import java.util.function.Supplier;
import java.util.function.UnaryOperator;

import org.axonframework.common.Registration;
import org.axonframework.common.caching.Cache;

/**
 * Axon's cache interface over an {@link LruMap}: strong references to the most recently used aggregates. Axon's own
 * {@code WeakReferenceCache} loses an entry at the first garbage collection after its command, so that under load
 * most commands read their aggregate's snapshot and events again.
 */
final class LruCache implements Cache {

    private final LruMap<Object, Object> entries;

    LruCache(int capacity) {
        this.entries = new LruMap<>(capacity);
    }

    @Override
    @SuppressWarnings("unchecked")
    public <K, V> V get(K key) {
        return (V) entries.get(key);
    }

    @Override
    public void put(Object key, Object value) {
        entries.put(key, value);
    }

    @Override
    public boolean putIfAbsent(Object key, Object value) {
        synchronized (entries) {
            if (entries.containsKey(key)) {
                return false;
            }
            entries.put(key, value);
            return true;
        }
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T> T computeIfAbsent(Object key, Supplier<T> valueSupplier) {
        synchronized (entries) {
            Object value = entries.get(key);
            if (value == null) {
                value = valueSupplier.get();
                entries.put(key, value);
            }
            return (T) value;
        }
    }

    @Override
    public boolean remove(Object key) {
        return entries.remove(key) != null;
    }

    @Override
    public void removeAll() {
        entries.clear();
    }

    @Override
    public boolean containsKey(Object key) {
        return entries.containsKey(key);
    }

    @Override
    public Registration registerCacheEntryListener(EntryListener cacheEntryListener) {
        // Axon's aggregate repositories register none; an entry listener here would be called by no one
        throw new UnsupportedOperationException("the aggregate cache does not report its entries to listeners");
    }

    @Override
    @SuppressWarnings("unchecked")
    public <V> void computeIfPresent(Object key, UnaryOperator<V> update) {
        synchronized (entries) {
            Object value = entries.get(key);
            if (value != null) {
                V updated = update.apply((V) value);
                if (updated == null) {
                    entries.remove(key);
                } else {
                    entries.put(key, updated);
                }
            }
        }
    }
}
