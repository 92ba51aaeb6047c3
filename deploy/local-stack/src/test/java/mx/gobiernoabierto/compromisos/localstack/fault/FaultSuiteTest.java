package mx.gobiernoabierto.compromisos.localstack.fault;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The fault suite: the stack as separate processes under load. The short version, part of {@code verify}, kills
 * PostgreSQL and the services' JVM once each; the full version (tag {@code fault}: see the README) also stops and
 * starts the Kafka broker and stops the stack with Ctrl-C eleven times, each restart checked at once for
 * read-your-writes. Prints the table either way.
 */
class FaultSuiteTest {

    /** Under target/, kept after the run: the processes' logs are what to read when a row is not clean. */
    private final Path directory = Path.of("target", "fault-suite", Long.toString(System.currentTimeMillis()))
            .toAbsolutePath();

    @Test
    void noAcknowledgedCommandIsLostOrDoubledWhenAnyPartOfTheStackFails() throws Exception {
        java.nio.file.Files.createDirectories(directory);
        assertClean(new FaultSuite(directory).run(false, 0));
    }

    @Test
    @Tag("fault")
    void noAcknowledgedCommandIsLostOrDoubledAndReadYourWritesHoldsAcrossTenRestartsUnderLoad() throws Exception {
        java.nio.file.Files.createDirectories(directory);
        assertClean(new FaultSuite(directory).run(true, 10));
    }

    private static void assertClean(List<FaultSuite.Row> rows) {
        String table = FaultSuite.table(rows);
        System.out.println(table);
        assertThat(rows).as(table).allSatisfy(row -> {
            assertThat(row.acknowledged()).as(row.scenario() + ": acknowledged").isPositive();
            assertThat(row.clean()).as(row.scenario() + " " + row).isTrue();
            assertThat(row.recovery()).as(row.scenario() + ": recovered").isNotNull();
        });
    }
}
