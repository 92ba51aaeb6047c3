package mx.gobiernoabierto.compromisos.command.transparency;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import mx.gobiernoabierto.compromisos.events.log.MerkleTree;
import mx.gobiernoabierto.compromisos.events.log.MerkleTree.NodeId;

/**
 * The log's tree in PostgreSQL: the leaves and every complete subtree's hash ({@code log_node}). Appending a leaf
 * writes it and the subtrees it completes (one more row on average, {@code log2 n} at most), a batch of leaves at a
 * time; a root or a proof reads only the subtrees {@link MerkleTree#nodesNeeded} names, in one query.
 */
@Component
class TreeStore {

    private final JdbcClient jdbc;
    private final JdbcTemplate batches;

    TreeStore(JdbcClient jdbc, JdbcTemplate batches) {
        this.jdbc = jdbc;
        this.batches = batches;
    }

    /** The number of leaves. */
    long size() {
        return jdbc.sql("SELECT coalesce(max(leaf_index) + 1, 0) FROM log_leaf").query(Long.class).single();
    }

    /** One leaf to append: an event's chain hash and where it comes from. */
    record Leaf(String eventIdentifier, String aggregateIdentifier, long sequence, byte[] eventHash) {
    }

    /**
     * Appends the leaves, in their order, at the end of the tree, in the caller's transaction: one query for the
     * tree's size, one for the complete subtrees on its right edge that the new leaves pair with, and one batch of
     * inserts per table, however many leaves there are.
     *
     * @return the index of the first leaf appended
     */
    long appendAll(List<Leaf> leaves) {
        long first = size();
        Map<NodeId, byte[]> nodes = fetch(rightEdge(first));
        List<Object[]> leafRows = new ArrayList<>(leaves.size());
        List<Object[]> nodeRows = new ArrayList<>(2 * leaves.size());
        long index = first;
        for (Leaf leaf : leaves) {
            leafRows.add(new Object[] {index, leaf.eventHash(), leaf.eventIdentifier(), leaf.aggregateIdentifier(),
                    leaf.sequence()});
            byte[] hash = MerkleTree.leafHash(leaf.eventHash());
            int level = 0;
            long position = index;
            nodes.put(new NodeId(level, position), hash);
            nodeRows.add(new Object[] {level, position, hash});
            // a right child completes its parent
            while ((position & 1) == 1) {
                byte[] left = nodes.get(new NodeId(level, position - 1));
                if (left == null) {
                    throw new IllegalStateException("the log's subtree (" + level + ", " + (position - 1)
                            + ") is missing: the tree's tables are damaged");
                }
                hash = MerkleTree.nodeHash(left, hash);
                level++;
                position >>= 1;
                nodes.put(new NodeId(level, position), hash);
                nodeRows.add(new Object[] {level, position, hash});
            }
            index++;
        }
        batches.batchUpdate("""
                INSERT INTO log_leaf (leaf_index, event_hash, event_identifier, aggregate_identifier, sequence_number)
                VALUES (?, ?, ?, ?, ?)""", leafRows);
        batches.batchUpdate("INSERT INTO log_node (level, node_index, hash) VALUES (?, ?, ?)", nodeRows);
        return first;
    }

    /** Of these events, the ones whose leaves the tree already holds. */
    Set<String> present(Collection<String> eventIdentifiers) {
        if (eventIdentifiers.isEmpty()) {
            return Set.of();
        }
        return new HashSet<>(jdbc.sql("SELECT event_identifier FROM log_leaf WHERE event_identifier = ANY (?)")
                .param(eventIdentifiers.toArray(String[]::new)).query(String.class).list());
    }

    /**
     * The complete subtrees a tree of {@code size} leaves ends with, one per level whose bit of {@code size} is set:
     * the only existing nodes that leaves appended after them are paired with.
     */
    private static Set<NodeId> rightEdge(long size) {
        Set<NodeId> edge = new HashSet<>();
        for (int level = 0; (size >> level) > 0; level++) {
            if (((size >> level) & 1) == 1) {
                edge.add(new NodeId(level, (size >> level) - 1));
            }
        }
        return edge;
    }

    /** The smallest index of a leaf whose data is this event hash. */
    Optional<Long> indexOf(byte[] eventHash) {
        return jdbc.sql("SELECT min(leaf_index) FROM log_leaf WHERE event_hash = ?").param(eventHash)
                .query(Long.class).optional();
    }

    byte[] root(long size) {
        return compute(nodes -> MerkleTree.root(size, nodes));
    }

    List<byte[]> inclusionProof(long index, long size) {
        return compute(nodes -> MerkleTree.inclusionProof(index, size, nodes));
    }

    List<byte[]> consistencyProof(long from, long to) {
        return compute(nodes -> MerkleTree.consistencyProof(from, to, nodes));
    }

    /** Runs a tree operation on the subtrees it needs, fetched in one query. */
    private <T> T compute(Function<MerkleTree.Nodes, T> operation) {
        Set<NodeId> needed = MerkleTree.nodesNeeded(operation);
        return operation.apply(MerkleTree.fetched(fetch(needed)));
    }

    private Map<NodeId, byte[]> fetch(Set<NodeId> ids) {
        Map<NodeId, byte[]> hashes = new HashMap<>();
        if (ids.isEmpty()) {
            return hashes;
        }
        Integer[] levels = ids.stream().map(NodeId::level).toArray(Integer[]::new);
        Long[] indexes = ids.stream().map(NodeId::index).toArray(Long[]::new);
        jdbc.sql("""
                        SELECT n.level, n.node_index, n.hash
                        FROM log_node n JOIN unnest(?::int[], ?::bigint[]) AS wanted(level, node_index)
                          ON n.level = wanted.level AND n.node_index = wanted.node_index""")
                .params(levels, indexes)
                .query((row, i) -> hashes.put(new NodeId(row.getInt(1), row.getLong(2)), row.getBytes(3)))
                .list();
        return hashes;
    }
}
