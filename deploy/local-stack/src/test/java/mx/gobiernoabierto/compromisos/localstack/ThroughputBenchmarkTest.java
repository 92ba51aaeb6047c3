package mx.gobiernoabierto.compromisos.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The full benchmark (see {@link Benchmark}): prints the table and writes {@code target/benchmark/benchmark.json}.
 * It asserts only that every figure was produced, never how fast: run it on purpose (see the README) and read its
 * output. {@code -Dbenchmark.scale=0.2} shortens every phase; {@code -Dbenchmark.replay.large=true} replays
 * 1,000,000 events, {@code -Dbenchmark.replay.events=N} replays N.
 */
@Tag("benchmark")
class ThroughputBenchmarkTest {

    @Test
    void everyFigureBesideItsTarget() throws Exception {
        List<Benchmark.Figure> figures = new Benchmark(Benchmark.Settings.fromSystemProperties(
                Path.of("target", "benchmark", "benchmark.json"))).run();
        assertThat(figures).allSatisfy(f -> assertThat(f.value()).as(f.name()).isNotNull());
    }
}
