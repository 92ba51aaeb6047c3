package mx.gobiernoabierto.compromisos.events.log;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The RFC 6962 tree against the test vectors published with transparency-dev/merkle (leaf inputs, node hashes,
 * roots, inclusion and consistency proofs of its {@code testonly} and {@code proof} packages), and property tests
 * over random sizes: every proof of a real tree verifies, and any tampering with it does not.
 */
class MerkleTreeTest {

    private static final HexFormat HEX = HexFormat.of();

    /** transparency-dev/merkle testonly.LeafInputs(). */
    private static final List<byte[]> LEAVES = hex("", "00", "10", "2021", "3031", "40414243", "5051525354555657",
            "606162636465666768696a6b6c6d6e6f");

    /** transparency-dev/merkle testonly.RootHashes(): index = tree size. */
    private static final List<byte[]> ROOTS = hex(
            "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
            "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
            "fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125",
            "aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77",
            "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7",
            "4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4",
            "76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef",
            "ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c",
            "5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328");

    /** transparency-dev/merkle testonly.NodeHashes(), level 0 (the leaf hashes). */
    private static final List<byte[]> LEAF_HASHES = hex(
            "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
            "96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7",
            "0298d122906dcfc10892cb53a73992fc5b9f493ea4c9badb27b791b4127a7fe7",
            "07506a85fd9dd2f120eb694f86011e5bb4662e5c415a62917033d4a9624487e7",
            "bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b",
            "4271a26be0d8a84f0bd54c8c302e7cb3a3b5d1fa6780a40bcce2873477dab658",
            "b08693ec2e721597130641e8211e7eedccb4c26413963eee6c1e2ed16ffb1a5f",
            "46f6ffadd3d06a09ff3c5860d2755c8b9819db7df44251788c7d8e3180de8eb1");

    @Test
    void leafHashesAndRootsOfEveryPrefixAreThePublishedOnes() {
        MemoryTree tree = new MemoryTree();
        assertThat(MerkleTree.root(0, tree)).isEqualTo(ROOTS.get(0));
        for (int i = 0; i < LEAVES.size(); i++) {
            tree.append(LEAVES.get(i));
            assertThat(HEX.formatHex(tree.node(0, i))).isEqualTo(HEX.formatHex(LEAF_HASHES.get(i)));
            assertThat(HEX.formatHex(MerkleTree.root(i + 1, tree))).as("root of %d", i + 1)
                    .isEqualTo(HEX.formatHex(ROOTS.get(i + 1)));
        }
        // testonly.NodeHashes() levels 1 to 3
        assertThat(HEX.formatHex(tree.node(1, 2))).isEqualTo("0ebc5d3437fbe2db158b9f126a1d118e308181031d0a949f8dededebc558ef6a");
        assertThat(HEX.formatHex(tree.node(2, 1))).isEqualTo("6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4");
        assertThat(HEX.formatHex(tree.node(3, 0))).isEqualTo("5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328");
    }

    /** transparency-dev/merkle proof/verify_test.go inclusionProofs (its leaf numbers count from 1). */
    @ParameterizedTest(name = "leaf {0} of {1}")
    @CsvSource(delimiter = '|', textBlock = """
            0 | 1 |
            0 | 8 | 96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7 5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e 6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4
            5 | 8 | bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0 d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7
            2 | 3 | fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125
            1 | 5 | 6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d 5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b
            """)
    void inclusionProofsAreThePublishedOnesAndVerify(int index, int size, String proofHex) {
        MemoryTree tree = MemoryTree.of(LEAVES);
        List<byte[]> published = proofHex == null ? List.of() : hex(proofHex.strip().split(" "));
        assertThat(hexes(MerkleTree.inclusionProof(index, size, tree))).isEqualTo(hexes(published));
        assertThat(MerkleTree.verifyInclusion(index, size, LEAF_HASHES.get(index), published, ROOTS.get(size))).isTrue();
        assertThat(MerkleTree.verifyInclusion(index, size, LEAF_HASHES.get(index), published, ROOTS.get(size - 1 == 0 ? 2 : size - 1))).isFalse();
    }

    /** transparency-dev/merkle proof/verify_test.go consistencyProofs. */
    @ParameterizedTest(name = "{0} to {1}")
    @CsvSource(delimiter = '|', textBlock = """
            1 | 1 |
            1 | 8 | 96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7 5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e 6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4
            6 | 8 | 0ebc5d3437fbe2db158b9f126a1d118e308181031d0a949f8dededebc558ef6a ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0 d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7
            2 | 5 | 5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b
            6 | 7 | 0ebc5d3437fbe2db158b9f126a1d118e308181031d0a949f8dededebc558ef6a b08693ec2e721597130641e8211e7eedccb4c26413963eee6c1e2ed16ffb1a5f d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7
            """)
    void consistencyProofsAreThePublishedOnesAndVerify(int from, int to, String proofHex) {
        MemoryTree tree = MemoryTree.of(LEAVES);
        List<byte[]> published = proofHex == null ? List.of() : hex(proofHex.strip().split(" "));
        assertThat(hexes(MerkleTree.consistencyProof(from, to, tree))).isEqualTo(hexes(published));
        assertThat(MerkleTree.verifyConsistency(from, to, ROOTS.get(from), ROOTS.get(to), published)).isTrue();
        if (from != to) {
            assertThat(MerkleTree.verifyConsistency(from, to, ROOTS.get(to), ROOTS.get(from), published)).isFalse();
        }
    }

    /** transparency-dev/merkle proof/verify_test.go TestVerifyConsistency's edge cases. */
    @Test
    void edgeCasesOfConsistencyAreThePublishedOnes() {
        byte[] root1 = "don't care 1".getBytes();
        byte[] root2 = "don't care 2".getBytes();
        byte[] empty = ROOTS.get(0);
        assertThat(MerkleTree.verifyConsistency(0, 0, root1, root2, List.of())).isFalse();
        assertThat(MerkleTree.verifyConsistency(1, 1, root1, root2, List.of())).isFalse();
        assertThat(MerkleTree.verifyConsistency(0, 0, root1, root1, List.of())).isTrue();
        assertThat(MerkleTree.verifyConsistency(0, 1, root1, root2, List.of())).isTrue();
        assertThat(MerkleTree.verifyConsistency(1, 1, root2, root2, List.of())).isTrue();
        assertThat(MerkleTree.verifyConsistency(1, 0, root1, root2, List.of())).isFalse();
        assertThat(MerkleTree.verifyConsistency(2, 1, root1, root2, List.of())).isFalse();
        assertThat(MerkleTree.verifyConsistency(1, 2, root1, root2, List.of())).isFalse();
        assertThat(MerkleTree.verifyConsistency(0, 0, empty, root2, List.of())).isFalse();
        assertThat(MerkleTree.verifyConsistency(0, 0, empty, empty, List.of(empty))).isFalse();
        assertThat(MerkleTree.verifyConsistency(0, 1, empty, empty, List.of(empty))).isFalse();
        assertThat(MerkleTree.verifyConsistency(1, 1, empty, empty, List.of(empty))).isFalse();
    }

    /** transparency-dev/merkle proof/verify_test.go TestVerifyInclusion's probes and single-entry cases. */
    @Test
    void edgeCasesOfInclusionAreThePublishedOnes() {
        byte[] some = HEX.parseHex("abacaba000000000000000000000000000000000000000000060061e00123456");
        byte[] empty = ROOTS.get(0);
        for (long[] probe : new long[][] {{0, 0}, {0, 1}, {1, 0}, {2, 1}}) {
            assertThat(MerkleTree.verifyInclusion(probe[0], probe[1], some, List.of(), new byte[0])).isFalse();
            assertThat(MerkleTree.verifyInclusion(probe[0], probe[1], new byte[0], List.of(), empty)).isFalse();
            assertThat(MerkleTree.verifyInclusion(probe[0], probe[1], some, List.of(), empty)).isFalse();
        }
        byte[] hash = MerkleTree.leafHash("data".getBytes());
        assertThat(MerkleTree.verifyInclusion(0, 1, hash, List.of(), hash)).isTrue();
        assertThat(MerkleTree.verifyInclusion(0, 1, new byte[0], List.of(), hash)).isFalse();
        assertThat(MerkleTree.verifyInclusion(0, 1, hash, List.of(), new byte[0])).isFalse();
    }

    @Test
    void everyInclusionProofOfRandomTreesVerifiesAndEveryTamperingFails() {
        Random random = new Random(6962);
        for (int round = 0; round < 40; round++) {
            int size = 1 + random.nextInt(300);
            MemoryTree tree = MemoryTree.random(size, random);
            byte[] root = MerkleTree.root(size, tree);
            assertThat(root).isEqualTo(tree.naiveRoot(0, size));
            for (int index = 0; index < size; index++) {
                List<byte[]> proof = MerkleTree.inclusionProof(index, size, tree);
                byte[] leaf = tree.node(0, index);
                assertThat(MerkleTree.verifyInclusion(index, size, leaf, proof, root)).as("%d of %d", index, size).isTrue();
                for (List<byte[]> tampered : tamperings(proof, random)) {
                    assertThat(MerkleTree.verifyInclusion(index, size, leaf, tampered, root)).isFalse();
                }
                if (size > 1) {
                    long other = (index + 1 + random.nextInt(size - 1)) % size;
                    assertThat(MerkleTree.verifyInclusion(other, size, leaf, proof, root)).isFalse();
                    assertThat(MerkleTree.verifyInclusion(index, size, tree.node(0, other), proof, root)).isFalse();
                }
                // (no check with another size: the root alone does not bind it, the signed checkpoint does)
            }
        }
    }

    @Test
    void everyConsistencyProofOfRandomTreesVerifiesAndEveryTamperingFails() {
        Random random = new Random(9162);
        for (int round = 0; round < 25; round++) {
            int size = 1 + random.nextInt(200);
            MemoryTree tree = MemoryTree.random(size, random);
            for (int from = 1; from <= size; from++) {
                int to = from + random.nextInt(size - from + 1);
                byte[] fromRoot = MerkleTree.root(from, tree);
                byte[] toRoot = MerkleTree.root(to, tree);
                List<byte[]> proof = MerkleTree.consistencyProof(from, to, tree);
                assertThat(MerkleTree.verifyConsistency(from, to, fromRoot, toRoot, proof)).as("%d to %d", from, to).isTrue();
                if (from == to) {
                    continue;
                }
                for (List<byte[]> tampered : tamperings(proof, random)) {
                    assertThat(MerkleTree.verifyConsistency(from, to, fromRoot, toRoot, tampered)).isFalse();
                }
                byte[] otherRoot = tree.rootWithLeafChanged(from, random.nextInt(from));
                assertThat(MerkleTree.verifyConsistency(from, to, otherRoot, toRoot, proof))
                        .as("a rewritten leaf below %d", from).isFalse();
                assertThat(MerkleTree.verifyConsistency(from, to, fromRoot, otherRoot, proof)).isFalse();
            }
        }
    }

    @Test
    void aProofReadsOnlyLogarithmicallyManySubtrees() {
        long size = 1_000_000_007L;
        assertThat(MerkleTree.nodesNeeded(nodes -> MerkleTree.root(size, nodes))).hasSizeLessThanOrEqualTo(31);
        assertThat(MerkleTree.nodesNeeded(nodes -> MerkleTree.inclusionProof(12345, size, nodes)).size())
                .isLessThanOrEqualTo(30 * 31);
        assertThat(MerkleTree.nodesNeeded(nodes -> MerkleTree.consistencyProof(777_777, size, nodes)).size())
                .isLessThanOrEqualTo(30 * 31);
    }

    @Test
    void proofsOutsideTheTreeAreRefused() {
        MemoryTree tree = MemoryTree.of(LEAVES);
        assertThatThrownBy(() -> MerkleTree.inclusionProof(8, 8, tree)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> MerkleTree.inclusionProof(-1, 8, tree)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> MerkleTree.consistencyProof(5, 4, tree)).isInstanceOf(IllegalArgumentException.class);
        assertThat(MerkleTree.consistencyProof(0, 8, tree)).isEmpty();
    }

    /** Proofs that differ from the real one: a flipped bit in each hash, one dropped, one added, two swapped. */
    private static List<List<byte[]>> tamperings(List<byte[]> proof, Random random) {
        List<List<byte[]>> tampered = new ArrayList<>();
        for (int i = 0; i < proof.size(); i++) {
            List<byte[]> copy = new ArrayList<>(proof);
            byte[] hash = copy.get(i).clone();
            hash[random.nextInt(hash.length)] ^= (byte) (1 << random.nextInt(8));
            copy.set(i, hash);
            tampered.add(copy);
        }
        if (!proof.isEmpty()) {
            tampered.add(proof.subList(0, proof.size() - 1));
            tampered.add(proof.subList(1, proof.size()));
        }
        List<byte[]> longer = new ArrayList<>(proof);
        longer.add(MerkleTree.leafHash(new byte[] {1}));
        tampered.add(longer);
        if (proof.size() > 1 && !java.util.Arrays.equals(proof.get(0), proof.get(1))) {
            List<byte[]> swapped = new ArrayList<>(proof);
            swapped.set(0, proof.get(1));
            swapped.set(1, proof.get(0));
            tampered.add(swapped);
        }
        return tampered;
    }

    private static List<byte[]> hex(String... values) {
        return java.util.Arrays.stream(values).map(HEX::parseHex).toList();
    }

    private static List<String> hexes(List<byte[]> hashes) {
        return hashes.stream().map(HEX::formatHex).toList();
    }
}
