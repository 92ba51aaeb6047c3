package mx.gobiernoabierto.compromisos.query.commitment.projection;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

class ViewVersionsTest {

    /** The view as the database holds it, and how often it was read. */
    static final class Views extends ViewStore {
        final Map<String, Long> versions = new ConcurrentHashMap<>();
        final AtomicInteger reads = new AtomicInteger();

        Views() {
            super(null, null);
        }

        @Override
        public long version(ViewTables tables, String commitmentId) {
            reads.incrementAndGet();
            return versions.getOrDefault(commitmentId, -1L);
        }
    }

    private final Views views = new Views();
    private final ViewVersions versions = new ViewVersions(views);

    @Test
    void aViewAlreadyAtTheVersionAnswersAfterOneRead() throws InterruptedException {
        views.versions.put("c", 7L);

        assertThat(versions.await("c", 5, Duration.ofSeconds(5))).isEqualTo(7);
        assertThat(views.reads).hasValue(1);
    }

    @Test
    void aWaitingReadIsToldOfTheCommitThatReachesItsVersion() throws Exception {
        views.versions.put("c", 3L);
        CompletableFuture<Long> read = CompletableFuture.supplyAsync(() -> await("c", 5, Duration.ofSeconds(30)));
        waitUntilWaiting();

        versions.reached(Map.of("c", 4L, "other", 9L));
        versions.reached(Map.of("c", 5L));

        // the database still says 3: the answer came from the notification
        assertThat(read.get(10, TimeUnit.SECONDS)).isEqualTo(5);
    }

    @Test
    void aVersionReachedByAnotherInstanceIsFoundByTheRecheck() throws Exception {
        views.versions.put("c", 3L);
        CompletableFuture<Long> read = CompletableFuture.supplyAsync(() -> await("c", 5, Duration.ofSeconds(30)));
        waitUntilWaiting();

        views.versions.put("c", 6L); // committed elsewhere: nobody notifies this instance

        assertThat(read.get(10, TimeUnit.SECONDS)).isEqualTo(6);
    }

    @Test
    void aViewThatDoesNotCatchUpAnswersItsVersionWhenTheWaitIsOver() throws InterruptedException {
        views.versions.put("c", 3L);
        long started = System.nanoTime();

        long version = versions.await("c", 5, Duration.ofMillis(350));

        assertThat(version).isEqualTo(3);
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofMillis(350));
        assertThat(views.reads.get()).isGreaterThan(1);
        versions.reached(Map.of("c", 5L)); // nobody waits any more
    }

    private long await(String commitmentId, long minVersion, Duration wait) {
        try {
            return versions.await(commitmentId, minVersion, wait);
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    private void waitUntilWaiting() throws InterruptedException {
        while (views.reads.get() == 0) {
            Thread.sleep(5);
        }
    }
}
