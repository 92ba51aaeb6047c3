package mx.gobiernoabierto.compromisos.events.log;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * A reference tree in memory for tests: keeps every leaf hash and computes any complete subtree by the RFC's
 * definition (so the stored-subtree shortcut of {@link MerkleTree} is checked against the definition).
 */
final class MemoryTree implements MerkleTree.Nodes {

    private final List<byte[]> leafHashes = new ArrayList<>();
    private final java.util.Map<MerkleTree.NodeId, byte[]> subtrees = new java.util.HashMap<>();

    static MemoryTree of(List<byte[]> leafInputs) {
        MemoryTree tree = new MemoryTree();
        leafInputs.forEach(tree::append);
        return tree;
    }

    static MemoryTree random(int size, Random random) {
        MemoryTree tree = new MemoryTree();
        for (int i = 0; i < size; i++) {
            byte[] data = new byte[32];
            random.nextBytes(data);
            tree.append(data);
        }
        return tree;
    }

    void append(byte[] data) {
        leafHashes.add(MerkleTree.leafHash(data));
    }

    @Override
    public byte[] node(int level, long index) {
        long start = index << level;
        long end = start + (1L << level);
        if (end > leafHashes.size()) {
            throw new IllegalArgumentException("subtree " + level + "/" + index + " is not complete");
        }
        return subtrees.computeIfAbsent(new MerkleTree.NodeId(level, index), id -> naiveRoot(start, end));
    }

    /** MTH(D[start:end]) straight from RFC 6962 2.1. */
    byte[] naiveRoot(long start, long end) {
        return naive(leafHashes.subList((int) start, (int) end));
    }

    /** The root of the first {@code size} leaves with leaf {@code changed} replaced. */
    byte[] rootWithLeafChanged(int size, int changed) {
        List<byte[]> copy = new ArrayList<>(leafHashes.subList(0, size));
        copy.set(changed, MerkleTree.leafHash(new byte[] {42}));
        return naive(copy);
    }

    private static byte[] naive(List<byte[]> hashes) {
        if (hashes.size() == 1) {
            return hashes.getFirst();
        }
        int k = (int) MerkleTree.split(hashes.size());
        return MerkleTree.nodeHash(naive(hashes.subList(0, k)), naive(hashes.subList(k, hashes.size())));
    }
}
