package mx.gobiernoabierto.compromisos.events.log;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * The Merkle tree of the transparency log, as RFC 6962 section 2.1 (and RFC 9162 section 2.1) define it: SHA-256,
 * leaf hash {@code SHA-256(0x00 || data)}, node hash {@code SHA-256(0x01 || left || right)}, and a tree of
 * {@code n} leaves split at the largest power of two smaller than {@code n}. The root of the empty tree is
 * {@code SHA-256("")}.
 *
 * <p>Proofs are computed from <em>complete subtrees</em> only: the hash of the {@code 2^level} leaves starting at
 * leaf {@code index * 2^level}, given by {@link Nodes}. Every range the RFC's recursion reaches is either such a
 * subtree or the right edge of the tree, which splits again into complete subtrees; so a root needs
 * {@code O(log n)} subtree hashes and a proof {@code O(log² n)} at most, never the leaves themselves.
 * {@link #nodesNeeded} lists them up front, so that a store can fetch them in one read.
 *
 * <p>Verification ({@link #verifyInclusion}, {@link #verifyConsistency}) needs only the proof, the sizes and the
 * roots: it is what an auditor runs.
 */
public final class MerkleTree {

    /** Bytes of every hash: SHA-256. */
    public static final int HASH_BYTES = 32;

    private MerkleTree() {
    }

    /** The hash of a complete subtree: its {@code 2^level} leaves start at leaf {@code index * 2^level}. */
    @FunctionalInterface
    public interface Nodes {
        /**
         * @param level 0 for a leaf hash, up to 62
         * @param index the subtree's position among those of its level
         * @return its 32-byte hash; the caller asks only for subtrees whose leaves all exist
         */
        byte[] node(int level, long index);
    }

    /** A complete subtree's address: see {@link Nodes#node}. */
    public record NodeId(int level, long index) {
    }

    /** {@code SHA-256(0x00 || data)}. */
    public static byte[] leafHash(byte[] data) {
        MessageDigest sha = sha256();
        sha.update((byte) 0);
        return sha.digest(data);
    }

    /** {@code SHA-256(0x01 || left || right)}. */
    public static byte[] nodeHash(byte[] left, byte[] right) {
        MessageDigest sha = sha256();
        sha.update((byte) 1);
        sha.update(left);
        return sha.digest(right);
    }

    /** The root of the empty tree: {@code SHA-256("")}. */
    public static byte[] emptyRoot() {
        return sha256().digest();
    }

    /** The root (MTH) of the first {@code size} leaves. */
    public static byte[] root(long size, Nodes nodes) {
        requireSize(size);
        return size == 0 ? emptyRoot() : range(0, size, nodes);
    }

    /**
     * The inclusion proof (RFC 6962 2.1.1, "audit path") of leaf {@code index} in the tree of {@code size} leaves,
     * from the leaf's sibling up to the root's child.
     *
     * @throws IllegalArgumentException unless {@code 0 <= index < size}
     */
    public static List<byte[]> inclusionProof(long index, long size, Nodes nodes) {
        requireSize(size);
        if (index < 0 || index >= size) {
            throw new IllegalArgumentException("leaf " + index + " is not in a tree of " + size);
        }
        List<byte[]> proof = new ArrayList<>();
        path(index, 0, size, nodes, proof);
        return proof;
    }

    /**
     * The consistency proof (RFC 6962 2.1.2) between the trees of {@code from} and {@code to} leaves; empty when
     * {@code from} is 0 or equals {@code to}.
     *
     * @throws IllegalArgumentException unless {@code 0 <= from <= to}
     */
    public static List<byte[]> consistencyProof(long from, long to, Nodes nodes) {
        requireSize(from);
        requireSize(to);
        if (from > to) {
            throw new IllegalArgumentException("a tree of " + from + " cannot precede one of " + to);
        }
        List<byte[]> proof = new ArrayList<>();
        if (from > 0 && from < to) {
            subproof(from, 0, to, true, nodes, proof);
        }
        return proof;
    }

    /**
     * The complete subtrees an operation reads, found by running it on stand-in hashes (which subtrees the RFC's
     * recursion visits depends only on the sizes, never on the hashes).
     *
     * @param operation e.g. {@code nodes -> MerkleTree.inclusionProof(5, 1000, nodes)}
     */
    public static Set<NodeId> nodesNeeded(Function<Nodes, ?> operation) {
        Set<NodeId> needed = new LinkedHashSet<>();
        byte[] standIn = new byte[HASH_BYTES];
        operation.apply((level, index) -> {
            needed.add(new NodeId(level, index));
            return standIn;
        });
        return Collections.unmodifiableSet(needed);
    }

    /** {@link Nodes} over hashes already fetched; asking for any other subtree is a programming error. */
    public static Nodes fetched(Map<NodeId, byte[]> hashes) {
        return (level, index) -> {
            byte[] hash = hashes.get(new NodeId(level, index));
            if (hash == null) {
                throw new IllegalStateException("subtree " + level + "/" + index + " was not fetched");
            }
            return hash;
        };
    }

    /**
     * Checks an inclusion proof (RFC 9162 2.1.3.2).
     *
     * @return {@code true} if the leaf with hash {@code leafHash} is leaf {@code index} of the tree of {@code size}
     * leaves whose root is {@code root}
     */
    public static boolean verifyInclusion(long index, long size, byte[] leafHash, List<byte[]> proof, byte[] root) {
        byte[] computed = rootFromInclusionProof(index, size, leafHash, proof);
        return computed != null && MessageDigest.isEqual(computed, root);
    }

    /**
     * The root an inclusion proof leads to, or {@code null} if the proof cannot belong to that index and size (wrong
     * length, a hash not 32 bytes long).
     */
    public static byte[] rootFromInclusionProof(long index, long size, byte[] leafHash, List<byte[]> proof) {
        if (index < 0 || index >= size || !isHash(leafHash) || !allHashes(proof)) {
            return null;
        }
        long fn = index;
        long sn = size - 1;
        byte[] r = leafHash;
        for (byte[] p : proof) {
            if (sn == 0) {
                return null;
            }
            if ((fn & 1) == 1 || fn == sn) {
                r = nodeHash(p, r);
                while ((fn & 1) == 0 && fn != 0) {
                    fn >>= 1;
                    sn >>= 1;
                }
            } else {
                r = nodeHash(r, p);
            }
            fn >>= 1;
            sn >>= 1;
        }
        return sn == 0 ? r : null;
    }

    /**
     * Checks a consistency proof (RFC 9162 2.1.4.2): that the tree of {@code from} leaves with root {@code fromRoot}
     * is a prefix of the tree of {@code to} leaves with root {@code toRoot}. Equal sizes need equal roots and an
     * empty proof; the empty tree is a prefix of every tree.
     */
    public static boolean verifyConsistency(long from, long to, byte[] fromRoot, byte[] toRoot, List<byte[]> proof) {
        if (from < 0 || from > to || !allHashes(proof)) {
            return false;
        }
        if (from == to) {
            return proof.isEmpty() && fromRoot != null && toRoot != null && MessageDigest.isEqual(fromRoot, toRoot);
        }
        if (from == 0) {
            return proof.isEmpty();
        }
        if (proof.isEmpty() || !isHash(fromRoot) || !isHash(toRoot)) {
            return false;
        }
        List<byte[]> path = new ArrayList<>(proof.size() + 1);
        if (Long.bitCount(from) == 1) {
            path.add(fromRoot);
        }
        path.addAll(proof);
        long fn = from - 1;
        long sn = to - 1;
        while ((fn & 1) == 1) {
            fn >>= 1;
            sn >>= 1;
        }
        byte[] fr = path.getFirst();
        byte[] sr = path.getFirst();
        for (byte[] c : path.subList(1, path.size())) {
            if (sn == 0) {
                return false;
            }
            if ((fn & 1) == 1 || fn == sn) {
                fr = nodeHash(c, fr);
                sr = nodeHash(c, sr);
                while ((fn & 1) == 0 && fn != 0) {
                    fn >>= 1;
                    sn >>= 1;
                }
            } else {
                sr = nodeHash(sr, c);
            }
            fn >>= 1;
            sn >>= 1;
        }
        return sn == 0 && MessageDigest.isEqual(fr, fromRoot) && MessageDigest.isEqual(sr, toRoot);
    }

    /** The largest power of two smaller than {@code n} (for {@code n >= 2}): where RFC 6962 splits a tree. */
    static long split(long n) {
        return Long.highestOneBit(n - 1);
    }

    /** MTH(D[start:end]); every range the recursion reaches starts on a multiple of its own split. */
    private static byte[] range(long start, long end, Nodes nodes) {
        long width = end - start;
        if (Long.bitCount(width) == 1) {
            int level = Long.numberOfTrailingZeros(width);
            return nodes.node(level, start >> level);
        }
        long k = split(width);
        return nodeHash(range(start, start + k, nodes), range(start + k, end, nodes));
    }

    private static void path(long m, long start, long end, Nodes nodes, List<byte[]> proof) {
        long n = end - start;
        if (n == 1) {
            return;
        }
        long k = split(n);
        if (m < k) {
            path(m, start, start + k, nodes, proof);
            proof.add(range(start + k, end, nodes));
        } else {
            path(m - k, start + k, end, nodes, proof);
            proof.add(range(start, start + k, nodes));
        }
    }

    private static void subproof(long m, long start, long end, boolean whole, Nodes nodes, List<byte[]> proof) {
        long n = end - start;
        if (m == n) {
            if (!whole) {
                proof.add(range(start, end, nodes));
            }
            return;
        }
        long k = split(n);
        if (m <= k) {
            subproof(m, start, start + k, whole, nodes, proof);
            proof.add(range(start + k, end, nodes));
        } else {
            subproof(m - k, start + k, end, false, nodes, proof);
            proof.add(range(start, start + k, nodes));
        }
    }

    private static boolean isHash(byte[] hash) {
        return hash != null && hash.length == HASH_BYTES;
    }

    private static boolean allHashes(List<byte[]> proof) {
        return proof != null && proof.stream().allMatch(MerkleTree::isHash);
    }

    private static void requireSize(long size) {
        if (size < 0) {
            throw new IllegalArgumentException("a tree size is never negative: " + size);
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }
}
