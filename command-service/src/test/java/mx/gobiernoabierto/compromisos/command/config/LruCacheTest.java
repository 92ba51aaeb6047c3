package mx.gobiernoabierto.compromisos.command.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class LruCacheTest {

    @Test
    void keepsTheMostRecentlyUsedUpToItsCapacity() {
        LruCache cache = new LruCache(2);
        cache.put("a", 1);
        cache.put("b", 2);
        assertThat((Object) cache.get("a")).isEqualTo(1); // a is now more recent than b
        cache.put("c", 3);

        assertThat(cache.containsKey("a")).isTrue();
        assertThat(cache.containsKey("b")).as("the least recently used goes first").isFalse();
        assertThat(cache.containsKey("c")).isTrue();
    }

    @Test
    void holdsEntriesStronglyAcrossGarbageCollections() {
        LruCache cache = new LruCache(10);
        cache.put("a", new Object());
        System.gc();
        assertThat(cache.containsKey("a")).isTrue();
    }

    @Test
    void putIfAbsentAndRemoveAnswerWhetherTheyChangedAnything() {
        LruCache cache = new LruCache(10);
        assertThat(cache.putIfAbsent("a", 1)).isTrue();
        assertThat(cache.putIfAbsent("a", 2)).isFalse();
        assertThat((Object) cache.get("a")).isEqualTo(1);
        assertThat(cache.remove("a")).isTrue();
        assertThat(cache.remove("a")).isFalse();
    }

    @Test
    void refusesACapacityBelowOne() {
        assertThatThrownBy(() -> new LruCache(0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at least 1");
    }
}
