package mx.gobiernoabierto.compromisos.command.transparency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

import mx.gobiernoabierto.compromisos.events.log.MerkleTree;
import mx.gobiernoabierto.compromisos.infrastructure.PostgresEndpoint;
import mx.gobiernoabierto.compromisos.infrastructure.TestInfrastructure;

/** Appending leaves in batches of any size gives the tree RFC 6962 defines, on a real PostgreSQL. */
class TreeStoreTest {

    private JdbcClient jdbc;
    private TreeStore tree;

    @BeforeEach
    void emptyTree() {
        PostgresEndpoint postgres = TestInfrastructure.postgres();
        SingleConnectionDataSource dataSource = new SingleConnectionDataSource(
                TestInfrastructure.freshDatabase("tree_store"), postgres.username(), postgres.password(), true);
        Flyway.configure().dataSource(dataSource).locations("classpath:db/command-service").load().migrate();
        jdbc = JdbcClient.create(dataSource);
        tree = new TreeStore(jdbc, new JdbcTemplate(dataSource));
    }

    @Test
    void batchesOfAnySizeGiveTheSameRootsAndProofsAsTheDefinition() {
        List<byte[]> data = new ArrayList<>();
        int[] batches = {1, 1, 5, 2, 16, 13, 1, 31, 3};
        for (int batch : batches) {
            List<TreeStore.Leaf> leaves = new ArrayList<>();
            for (int i = 0; i < batch; i++) {
                byte[] eventHash = ByteBuffer.allocate(32).putLong(data.size() + i).array();
                leaves.add(new TreeStore.Leaf("event-" + (data.size() + i), "agg", data.size() + i, eventHash));
            }
            assertThat(tree.appendAll(leaves)).isEqualTo(data.size());
            leaves.forEach(leaf -> data.add(leaf.eventHash()));

            assertThat(tree.size()).isEqualTo(data.size());
            assertThat(hex(tree.root(data.size()))).isEqualTo(hex(definitionRoot(data)));
        }
        for (int size = 1; size <= data.size(); size++) {
            assertThat(hex(tree.root(size))).as("root of %d", size).isEqualTo(hex(definitionRoot(data.subList(0, size))));
        }
        byte[] root = tree.root(data.size());
        for (int index = 0; index < data.size(); index++) {
            assertThat(MerkleTree.verifyInclusion(index, data.size(), MerkleTree.leafHash(data.get(index)),
                    tree.inclusionProof(index, data.size()), root)).as("inclusion of %d", index).isTrue();
        }
        assertThat(MerkleTree.verifyConsistency(7, data.size(), tree.root(7), root, tree.consistencyProof(7, data.size())))
                .isTrue();
    }

    @Test
    void itSaysWhichEventsItHolds() {
        tree.appendAll(List.of(new TreeStore.Leaf("a", "agg", 0, new byte[32]), new TreeStore.Leaf("b", "agg", 1, new byte[32])));

        assertThat(tree.present(List.of("a", "c", "b"))).containsExactlyInAnyOrder("a", "b");
        assertThat(tree.present(List.of())).isEmpty();
    }

    @Test
    void aMissingSubtreeOnTheRightEdgeIsRefusedNotPapered() {
        tree.appendAll(List.of(new TreeStore.Leaf("a", "agg", 0, new byte[32])));
        jdbc.sql("DELETE FROM log_node").update();

        assertThatThrownBy(() -> tree.appendAll(List.of(new TreeStore.Leaf("b", "agg", 1, new byte[32]))))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("damaged");
    }

    /** RFC 6962's MTH, by its recursive definition. */
    private static byte[] definitionRoot(List<byte[]> data) {
        if (data.size() == 1) {
            return MerkleTree.leafHash(data.getFirst());
        }
        int k = Integer.highestOneBit(data.size() - 1);
        return MerkleTree.nodeHash(definitionRoot(data.subList(0, k)), definitionRoot(data.subList(k, data.size())));
    }

    private static String hex(byte[] bytes) {
        return HexFormat.of().formatHex(bytes);
    }
}
