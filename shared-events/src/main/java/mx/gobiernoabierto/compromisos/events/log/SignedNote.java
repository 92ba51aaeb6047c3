package mx.gobiernoabierto.compromisos.events.log;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;

/**
 * A C2SP {@code signed-note} with Ed25519 signatures.
 *
 * <p>A note is its text (UTF-8, at least one line, every line ending in {@code \n}), an empty line, then one or
 * more signature lines {@code "— " name " " base64(keyId || signature) "\n"}, where {@code "—"} is U+2014 EM DASH,
 * the name has no space and no {@code +}, the key id is 4 bytes and an Ed25519 signature 64 bytes over the text
 * (every byte of it, final newline included). The key id is the first 4 bytes of
 * {@code SHA-256(name || 0x0A || 0x01 || 32-byte public key)}; the verifier key that publishes a key is
 * {@code name "+" hex(keyId) "+" base64(0x01 || public key)}.
 */
public final class SignedNote {

    /** The signature type byte of Ed25519 in key ids and verifier keys. */
    public static final byte ED25519 = 0x01;

    private static final String DASH = "\u2014 ";
    private static final int MAX_SIGNATURES = 100;

    private SignedNote() {
    }

    /**
     * One signature line.
     *
     * @param name      the key's name
     * @param keyId     the 4-byte key id, as 8 lowercase hex digits
     * @param signature the signature bytes after the key id (64 for Ed25519)
     */
    public record NoteSignature(String name, String keyId, byte[] signature) {
    }

    /**
     * A parsed note.
     *
     * @param text       the signed text, final newline included
     * @param signatures its signature lines in order
     */
    public record Note(String text, List<NoteSignature> signatures) {
        public Note {
            signatures = List.copyOf(signatures);
        }
    }

    /**
     * A published verifier key.
     *
     * @param name      the key's name
     * @param keyId     8 lowercase hex digits
     * @param publicKey the 32 raw bytes of the Ed25519 public key
     */
    public record VerifierKey(String name, String keyId, byte[] publicKey) {
        /** The {@code name+keyId+base64} string. */
        public String encoded() {
            return verifierKey(name, publicKey);
        }
    }

    /** The key id of an Ed25519 key: 8 lowercase hex digits. */
    public static String keyId(String name, byte[] rawPublicKey) {
        requireName(name);
        MessageDigest sha = sha256();
        sha.update(name.getBytes(StandardCharsets.UTF_8));
        sha.update((byte) '\n');
        sha.update(ED25519);
        byte[] digest = sha.digest(rawPublicKey);
        return HexFormat.of().formatHex(digest, 0, 4);
    }

    /** The verifier key string ({@code vkey}) of an Ed25519 key. */
    public static String verifierKey(String name, byte[] rawPublicKey) {
        byte[] typed = new byte[1 + rawPublicKey.length];
        typed[0] = ED25519;
        System.arraycopy(rawPublicKey, 0, typed, 1, rawPublicKey.length);
        return name + "+" + keyId(name, rawPublicKey) + "+" + Base64.getEncoder().encodeToString(typed);
    }

    /**
     * Reads a verifier key string.
     *
     * @throws IllegalArgumentException if it is malformed, not Ed25519, or its key id does not match its key
     */
    public static VerifierKey parseVerifierKey(String vkey) {
        // name "+" id "+" base64: the name has no '+', the base64 may
        String[] parts = vkey.strip().split("\\+", 3);
        if (parts.length != 3 || parts[0].isEmpty() || !parts[1].matches("[0-9a-f]{8}")) {
            throw new IllegalArgumentException("malformed verifier key");
        }
        byte[] typed;
        try {
            typed = Base64.getDecoder().decode(parts[2]);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("malformed verifier key", e);
        }
        if (typed.length != 33 || typed[0] != ED25519) {
            throw new IllegalArgumentException("not an Ed25519 verifier key");
        }
        byte[] raw = Arrays.copyOfRange(typed, 1, typed.length);
        if (!keyId(parts[0], raw).equals(parts[1])) {
            throw new IllegalArgumentException("the verifier key's id does not match its key");
        }
        return new VerifierKey(parts[0], parts[1], raw);
    }

    /**
     * Signs a text: the note is the text, an empty line and one signature line.
     *
     * @param text    at least one line, each ending in {@code \n}, none empty
     * @param name    the key's name (the checkpoint's origin, for the log)
     * @param key     the Ed25519 private key
     * @param pubKey  its public key (for the key id)
     */
    public static String sign(String text, String name, PrivateKey key, PublicKey pubKey) {
        requireText(text);
        byte[] raw = Ed25519Keys.rawPublicKey(pubKey);
        byte[] signature;
        try {
            Signature ed = Signature.getInstance("Ed25519");
            ed.initSign(key);
            ed.update(text.getBytes(StandardCharsets.UTF_8));
            signature = ed.sign();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot sign with this key", e);
        }
        byte[] line = new byte[4 + signature.length];
        System.arraycopy(HexFormat.of().parseHex(keyId(name, raw)), 0, line, 0, 4);
        System.arraycopy(signature, 0, line, 4, signature.length);
        return text + "\n" + DASH + name + " " + Base64.getEncoder().encodeToString(line) + "\n";
    }

    /**
     * Splits a note into its text and its signature lines, without checking any signature.
     *
     * @throws IllegalArgumentException ("malformed note") if it is not a signed note
     */
    public static Note parse(String note) {
        int split = note.lastIndexOf("\n\n");
        if (split < 0 || !note.endsWith("\n") || note.length() > 1_000_000) {
            throw malformed();
        }
        String text = note.substring(0, split + 1);
        requireText(text);
        String block = note.substring(split + 2);
        List<NoteSignature> signatures = new ArrayList<>();
        for (String line : block.split("\n", -1)) {
            if (line.isEmpty()) {
                continue; // only the final newline's empty remainder reaches here
            }
            if (!line.startsWith(DASH) || signatures.size() == MAX_SIGNATURES) {
                throw malformed();
            }
            String[] parts = line.substring(DASH.length()).split(" ", -1);
            if (parts.length != 2 || parts[0].isEmpty() || parts[0].contains("+")) {
                throw malformed();
            }
            byte[] bytes;
            try {
                bytes = Base64.getDecoder().decode(parts[1]);
            } catch (IllegalArgumentException e) {
                throw malformed();
            }
            if (bytes.length < 5) {
                throw malformed();
            }
            signatures.add(new NoteSignature(parts[0], HexFormat.of().formatHex(bytes, 0, 4),
                    Arrays.copyOfRange(bytes, 4, bytes.length)));
        }
        if (signatures.isEmpty() || block.contains("\n\n")) {
            throw malformed();
        }
        return new Note(text, signatures);
    }

    /**
     * Whether the note carries a valid signature of this key: a line with the key's name and id whose Ed25519
     * signature verifies over the text.
     */
    public static boolean verify(Note note, VerifierKey key) {
        PublicKey publicKey = Ed25519Keys.publicKey(key.publicKey());
        for (NoteSignature signature : note.signatures()) {
            if (signature.name().equals(key.name()) && signature.keyId().equals(key.keyId())) {
                return verifies(note.text(), signature.signature(), publicKey);
            }
        }
        return false;
    }

    private static boolean verifies(String text, byte[] signature, PublicKey key) {
        if (signature.length != 64) {
            return false;
        }
        try {
            Signature ed = Signature.getInstance("Ed25519");
            ed.initVerify(key);
            ed.update(text.getBytes(StandardCharsets.UTF_8));
            return ed.verify(signature);
        } catch (GeneralSecurityException e) {
            return false;
        }
    }

    private static void requireName(String name) {
        if (name == null || name.isEmpty() || name.contains("+") || name.chars().anyMatch(Character::isWhitespace)) {
            throw new IllegalArgumentException("a key name is not empty and has no space and no '+': '" + name + "'");
        }
    }

    private static void requireText(String text) {
        if (text.isEmpty() || !text.endsWith("\n") || text.startsWith("\n") || text.contains("\n\n")
                || text.chars().anyMatch(c -> c < 0x20 && c != '\n')) {
            throw malformed();
        }
    }

    private static IllegalArgumentException malformed() {
        return new IllegalArgumentException("malformed note");
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }
}
