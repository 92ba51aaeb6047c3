package mx.gobiernoabierto.compromisos.command.transparency;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.transaction.support.TransactionTemplate;

import mx.gobiernoabierto.compromisos.events.log.MerkleTree;
import mx.gobiernoabierto.compromisos.infrastructure.PostgresEndpoint;
import mx.gobiernoabierto.compromisos.infrastructure.TestInfrastructure;

/**
 * What the stored-subtree tree costs on a real PostgreSQL with about a million leaves: rows and bytes, the time of a
 * root, of inclusion and consistency proofs (each checked), and of appends. Prints figures; asserts only correctness.
 */
@Tag("benchmark")
class TransparencyLogBenchmarkTest {

    private static final int LEAVES = (1 << 20) + 12_345;

    @Test
    void rootsAndProofsReadAFewRowsWhateverTheSize() {
        PostgresEndpoint postgres = TestInfrastructure.postgres();
        // one kept connection, as a pool would give: the figures are the queries', not connection set-ups
        SingleConnectionDataSource dataSource = new SingleConnectionDataSource(TestInfrastructure.freshDatabase("tlog_bench"),
                postgres.username(), postgres.password(), true);
        Flyway.configure().dataSource(dataSource).locations("classpath:db/command-service").load().migrate();
        JdbcClient jdbc = JdbcClient.create(dataSource);

        long started = System.nanoTime();
        // leaf data: the 8-byte big-endian index; complete subtrees built level by level as the append path would
        jdbc.sql("""
                INSERT INTO log_leaf (leaf_index, event_hash, event_identifier, aggregate_identifier, sequence_number)
                SELECT i, int8send(i), 'e' || i, 'bench', i FROM generate_series(0, ? - 1) AS i""").param(LEAVES).update();
        jdbc.sql("""
                INSERT INTO log_node (level, node_index, hash)
                SELECT 0, i, sha256('\\x00'::bytea || int8send(i)) FROM generate_series(0, ? - 1) AS i""").param(LEAVES).update();
        for (int level = 0; (LEAVES >> (level + 1)) > 0; level++) {
            jdbc.sql("""
                    INSERT INTO log_node (level, node_index, hash)
                    SELECT ? + 1, l.node_index / 2, sha256('\\x01'::bytea || l.hash || r.hash)
                    FROM log_node l JOIN log_node r ON r.level = l.level AND r.node_index = l.node_index + 1
                    WHERE l.level = ? AND l.node_index % 2 = 0""").params(level, level).update();
        }
        jdbc.sql("ANALYZE log_leaf").update();
        jdbc.sql("ANALYZE log_node").update();
        double loadSeconds = (System.nanoTime() - started) / 1e9;
        long nodes = jdbc.sql("SELECT count(*) FROM log_node").query(Long.class).single();
        long nodeBytes = jdbc.sql("SELECT pg_total_relation_size('log_node')").query(Long.class).single();
        long leafBytes = jdbc.sql("SELECT pg_total_relation_size('log_leaf')").query(Long.class).single();

        TreeStore tree = new TreeStore(jdbc, new JdbcTemplate(dataSource));
        byte[] expectedRoot = rootInMemory();
        byte[] root = tree.root(LEAVES);
        assertThat(HexFormat.of().formatHex(root)).isEqualTo(HexFormat.of().formatHex(expectedRoot));

        Random random = new Random(42);
        int rounds = 500;
        long[] rootNanos = new long[rounds];
        long[] inclusionNanos = new long[rounds];
        long[] consistencyNanos = new long[rounds];
        for (int i = 0; i < rounds; i++) {
            long t0 = System.nanoTime();
            tree.root(LEAVES - random.nextInt(1000));
            rootNanos[i] = System.nanoTime() - t0;

            long index = random.nextInt(LEAVES);
            t0 = System.nanoTime();
            List<byte[]> inclusion = tree.inclusionProof(index, LEAVES);
            inclusionNanos[i] = System.nanoTime() - t0;
            assertThat(MerkleTree.verifyInclusion(index, LEAVES, MerkleTree.leafHash(bigEndian(index)), inclusion, root)).isTrue();

            long from = 1 + random.nextInt(LEAVES - 1);
            t0 = System.nanoTime();
            List<byte[]> consistency = tree.consistencyProof(from, LEAVES);
            consistencyNanos[i] = System.nanoTime() - t0;
            if (i < 20) {
                assertThat(MerkleTree.verifyConsistency(from, LEAVES, tree.root(from), root, consistency)).isTrue();
            }
        }

        // appended in transactions of 100, as the log's processor takes its batches
        int appends = 5_000;
        TransactionTemplate transaction = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
        long t0 = System.nanoTime();
        for (int batch = 0; batch < appends / 100; batch++) {
            List<TreeStore.Leaf> leaves = new ArrayList<>();
            for (int i = batch * 100; i < (batch + 1) * 100; i++) {
                leaves.add(new TreeStore.Leaf("append-" + i, "bench", i, bigEndian(LEAVES + i)));
            }
            transaction.executeWithoutResult(status -> tree.appendAll(leaves));
        }
        double appendSeconds = (System.nanoTime() - t0) / 1e9;
        assertThat(tree.size()).isEqualTo(LEAVES + appends);
        assertThat(tree.root(LEAVES + appends)).isNotEqualTo(root);

        System.out.printf("""
                transparency-log benchmark: %,d leaves loaded in %.1f s; %,d subtree rows (%.0f MB with index); leaf rows %.0f MB with indexes
                  root:              p50 %.2f ms, p95 %.2f ms
                  inclusion proof:   p50 %.2f ms, p95 %.2f ms
                  consistency proof: p50 %.2f ms, p95 %.2f ms
                  append:            %.0f leaves/s (transactions of 100)
                %n""", LEAVES, loadSeconds, nodes, nodeBytes / 1e6, leafBytes / 1e6, p(rootNanos, 50), p(rootNanos, 95),
                p(inclusionNanos, 50), p(inclusionNanos, 95), p(consistencyNanos, 50), p(consistencyNanos, 95),
                appends / appendSeconds);
    }

    /** The root from every leaf, level by level in memory: the O(n) way, once, to check the stored one. */
    private static byte[] rootInMemory() {
        List<List<byte[]>> levels = new ArrayList<>();
        List<byte[]> level = new ArrayList<>(LEAVES);
        for (long i = 0; i < LEAVES; i++) {
            level.add(MerkleTree.leafHash(bigEndian(i)));
        }
        levels.add(level);
        while (level.size() > 1) {
            List<byte[]> up = new ArrayList<>(level.size() / 2);
            for (int i = 0; i + 1 < level.size(); i += 2) {
                up.add(MerkleTree.nodeHash(level.get(i), level.get(i + 1)));
            }
            levels.add(up);
            level = up;
        }
        return MerkleTree.root(LEAVES, (height, index) -> levels.get(height).get((int) index));
    }

    private static byte[] bigEndian(long value) {
        return ByteBuffer.allocate(8).putLong(value).array();
    }

    private static double p(long[] nanos, int percentile) {
        long[] sorted = Arrays.copyOf(nanos, nanos.length);
        Arrays.sort(sorted);
        return sorted[Math.min(sorted.length - 1, sorted.length * percentile / 100)] / 1e6;
    }
}
