package mx.gobiernoabierto.compromisos.events.log;

import java.util.Arrays;
import java.util.Base64;
import java.util.List;

/**
 * The body of a C2SP {@code tlog-checkpoint}: the origin line (the log's name, e.g. {@code compromisos.local/log}),
 * the tree size in decimal without leading zeros, the root hash in standard base64, each followed by {@code \n};
 * optional extension lines may follow, which this log does not write and a reader ignores. The body is what the
 * {@link SignedNote} signs, with the origin as the key name.
 *
 * @param origin     the log's origin, not empty
 * @param size       the number of leaves the root covers
 * @param rootHash   the 32-byte RFC 6962 root of the first {@code size} leaves
 * @param extensions extension lines, without their newline
 */
public record Checkpoint(String origin, long size, byte[] rootHash, List<String> extensions) {

    public Checkpoint {
        if (origin == null || origin.isEmpty() || origin.contains("\n")) {
            throw new IllegalArgumentException("a checkpoint's origin is one non-empty line");
        }
        if (size < 0) {
            throw new IllegalArgumentException("a tree size is never negative");
        }
        if (rootHash == null || rootHash.length != MerkleTree.HASH_BYTES) {
            throw new IllegalArgumentException("a root hash has 32 bytes");
        }
        rootHash = rootHash.clone();
        extensions = List.copyOf(extensions);
    }

    public Checkpoint(String origin, long size, byte[] rootHash) {
        this(origin, size, rootHash, List.of());
    }

    /** The text the note signs: origin, size and base64 root, each line ending in {@code \n}. */
    public String body() {
        StringBuilder body = new StringBuilder()
                .append(origin).append('\n')
                .append(size).append('\n')
                .append(Base64.getEncoder().encodeToString(rootHash)).append('\n');
        extensions.forEach(line -> body.append(line).append('\n'));
        return body.toString();
    }

    /** The root hash in standard base64, as the body writes it. */
    public String rootBase64() {
        return Base64.getEncoder().encodeToString(rootHash);
    }

    @Override
    public byte[] rootHash() {
        return rootHash.clone();
    }

    /**
     * Reads a checkpoint body (a signed note's text).
     *
     * @throws IllegalArgumentException if it is not a checkpoint
     */
    public static Checkpoint parse(String body) {
        if (!body.endsWith("\n")) {
            throw new IllegalArgumentException("a checkpoint ends with a newline");
        }
        List<String> lines = Arrays.asList(body.substring(0, body.length() - 1).split("\n", -1));
        if (lines.size() < 3) {
            throw new IllegalArgumentException("a checkpoint has an origin, a size and a root hash");
        }
        String size = lines.get(1);
        if (!size.matches("0|[1-9][0-9]{0,18}")) {
            throw new IllegalArgumentException("the tree size is not a decimal number: '" + size + "'");
        }
        byte[] root;
        try {
            root = Base64.getDecoder().decode(lines.get(2));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("the root hash is not base64", e);
        }
        if (lines.subList(3, lines.size()).stream().anyMatch(String::isEmpty)) {
            throw new IllegalArgumentException("a checkpoint has no empty line");
        }
        return new Checkpoint(lines.get(0), Long.parseLong(size), root, lines.subList(3, lines.size()));
    }

    /**
     * Reads the checkpoint of a signed note, checking the signature of the given key.
     *
     * @throws IllegalArgumentException if the note is malformed, its body is not a checkpoint, the key's name is not
     *                                  the origin, or the key's signature is missing or does not verify
     */
    public static Checkpoint open(String note, SignedNote.VerifierKey key) {
        SignedNote.Note parsed = SignedNote.parse(note);
        Checkpoint checkpoint = parse(parsed.text());
        if (!checkpoint.origin().equals(key.name())) {
            throw new IllegalArgumentException("the checkpoint's origin '" + checkpoint.origin()
                    + "' is not the key's name '" + key.name() + "'");
        }
        if (!SignedNote.verify(parsed, key)) {
            throw new IllegalArgumentException("no valid signature of key " + key.name() + "+" + key.keyId());
        }
        return checkpoint;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Checkpoint that && origin.equals(that.origin) && size == that.size
                && Arrays.equals(rootHash, that.rootHash) && extensions.equals(that.extensions);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * origin.hashCode() + Long.hashCode(size)) + Arrays.hashCode(rootHash);
    }

    @Override
    public String toString() {
        return "Checkpoint[" + origin + ", " + size + ", " + rootBase64() + "]";
    }
}
