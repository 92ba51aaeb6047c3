package mx.gobiernoabierto.compromisos.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * The benchmark's code with tiny counts, in every build, so that it cannot rot. It asserts that every figure was
 * produced and written, never a time: what the figures say is the benchmark's business (see
 * {@link ThroughputBenchmarkTest}).
 */
class BenchmarkSmokeTest {

    @Test
    void producesEveryFigure() throws Exception {
        Path output = Path.of("target", "benchmark-smoke", "benchmark.json");
        // the client compiler only: four service JVMs start within the build's time, and no figure here is read
        List<String> jvm = List.of((Benchmark.Settings.PRODUCTION_JVM + " -XX:TieredStopAtLevel=1").split(" "));
        List<Benchmark.Figure> figures = new Benchmark(new Benchmark.Settings(0.001, false, output, jvm)).run();

        assertThat(figures).extracting(Benchmark.Figure::name).contains(
                "product commands/s at 1 clients", "product p99 at 32 clients", "limit: single-row insert tx/s at 8 clients",
                "product / limit at 32 clients", "axon-defaults commands/s at 32 clients",
                "product / axon-defaults commands/s at 32 clients", "end-to-end: command 2xx → view at that version p99",
                "consumer lag: time to 0 after the load",
                "end-to-end at 20/s: command 2xx → view at that version p99", "portal: dashboard p99", "portal: plan page p99",
                "peak resident memory: command service", "peak resident memory: query service");
        assertThat(figures).anyMatch(f -> f.name().startsWith("replay: events/s"));
        assertThat(figures).anyMatch(f -> f.name().startsWith("asOf of a commitment"));
        assertThat(figures).anyMatch(f -> f.name().startsWith("/history of a commitment"));
        assertThat(figures).allSatisfy(f -> assertThat(f.value()).as(f.name()).isNotNull().isNotNaN());
        assertThat(Files.readString(output)).contains("\"figures\"", "fsync=on", "synchronous_commit=on");
    }
}
