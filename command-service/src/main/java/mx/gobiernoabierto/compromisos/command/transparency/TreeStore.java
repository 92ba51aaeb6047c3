package mx.gobiernoabierto.compromisos.command.transparency;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import mx.gobiernoabierto.compromisos.events.log.MerkleTree;
import mx.gobiernoabierto.compromisos.events.log.MerkleTree.NodeId;

/**
 * The log's tree in PostgreSQL: the leaves and every complete subtree's hash ({@code log_node}). Appending a leaf
 * writes it and the subtrees it completes (one more row on average, {@code log2 n} at most); a root or a proof
 * reads only the subtrees {@link MerkleTree#nodesNeeded} names, in one query.
 */
@Component
class TreeStore {

    private final JdbcClient jdbc;

    TreeStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The number of leaves. */
    long size() {
        return jdbc.sql("SELECT coalesce(max(leaf_index) + 1, 0) FROM log_leaf").query(Long.class).single();
    }

    boolean contains(String eventIdentifier) {
        return jdbc.sql("SELECT count(*) FROM log_leaf WHERE event_identifier = ?").param(eventIdentifier)
                .query(Long.class).single() > 0;
    }

    /**
     * Appends a leaf at the end of the tree, in the caller's transaction.
     *
     * @return its index
     */
    long append(String eventIdentifier, String aggregateIdentifier, long sequence, byte[] eventHash) {
        long index = size();
        jdbc.sql("""
                        INSERT INTO log_leaf (leaf_index, event_hash, event_identifier, aggregate_identifier, sequence_number)
                        VALUES (?, ?, ?, ?, ?)""")
                .params(index, eventHash, eventIdentifier, aggregateIdentifier, sequence)
                .update();
        byte[] hash = MerkleTree.leafHash(eventHash);
        int level = 0;
        long position = index;
        insertNode(level, position, hash);
        // a right child completes its parent
        while ((position & 1) == 1) {
            byte[] left = node(level, position - 1);
            hash = MerkleTree.nodeHash(left, hash);
            level++;
            position >>= 1;
            insertNode(level, position, hash);
        }
        return index;
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

    private byte[] node(int level, long index) {
        return jdbc.sql("SELECT hash FROM log_node WHERE level = ? AND node_index = ?").params(level, index)
                .query(byte[].class).single();
    }

    private void insertNode(int level, long index, byte[] hash) {
        jdbc.sql("INSERT INTO log_node (level, node_index, hash) VALUES (?, ?, ?)").params(level, index, hash).update();
    }
}
