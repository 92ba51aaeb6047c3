package mx.gobiernoabierto.compromisos.events.log;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.spec.NamedParameterSpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;

/**
 * Ed25519 keys with nothing but the JDK's own provider: raw 32-byte public keys (as signed notes carry them), PEM
 * files (as OpenSSL writes and reads them: PKCS#8 {@code PRIVATE KEY}, X.509 {@code PUBLIC KEY}), and the public
 * key of a private key (the JDK keeps no public half in an Ed25519 private key).
 */
public final class Ed25519Keys {

    /** DER of an X.509 SubjectPublicKeyInfo for Ed25519 (OID 1.3.101.112), before the 32 key bytes. */
    private static final byte[] SPKI_PREFIX = HexFormat.of().parseHex("302a300506032b6570032100");
    /** DER of a PKCS#8 PrivateKeyInfo for Ed25519, before the 32-byte seed. */
    private static final byte[] PKCS8_PREFIX = HexFormat.of().parseHex("302e020100300506032b657004220420");

    private Ed25519Keys() {
    }

    /** A new key pair from the platform's strong random source. */
    public static KeyPair generate() {
        try {
            return KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK has Ed25519 since Java 15", e);
        }
    }

    /** The 32 bytes of an Ed25519 public key (the last 32 of its X.509 encoding). */
    public static byte[] rawPublicKey(PublicKey key) {
        byte[] encoded = key.getEncoded();
        if (encoded.length != SPKI_PREFIX.length + 32
                || !Arrays.equals(encoded, 0, SPKI_PREFIX.length, SPKI_PREFIX, 0, SPKI_PREFIX.length)) {
            throw new IllegalArgumentException("not an Ed25519 public key");
        }
        return Arrays.copyOfRange(encoded, SPKI_PREFIX.length, encoded.length);
    }

    /** The public key whose raw 32 bytes these are. */
    public static PublicKey publicKey(byte[] raw) {
        if (raw.length != 32) {
            throw new IllegalArgumentException("an Ed25519 public key has 32 bytes, not " + raw.length);
        }
        return decodePublic(concat(SPKI_PREFIX, raw));
    }

    /** The private key of a 32-byte seed (RFC 8032's private key). */
    public static PrivateKey privateKeyFromSeed(byte[] seed) {
        if (seed.length != 32) {
            throw new IllegalArgumentException("an Ed25519 seed has 32 bytes, not " + seed.length);
        }
        try {
            return KeyFactory.getInstance("Ed25519").generatePrivate(new PKCS8EncodedKeySpec(concat(PKCS8_PREFIX, seed)));
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("not an Ed25519 seed", e);
        }
    }

    /**
     * The public key of a private key. The JDK derives an Ed25519 key pair from the 32 bytes its random source gives
     * it; handing it the private key's seed as that source derives the same pair again.
     */
    public static PublicKey publicKeyOf(PrivateKey key) {
        byte[] seed = seedOf(key);
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("Ed25519");
            generator.initialize(NamedParameterSpec.ED25519, new SeedSource(seed));
            KeyPair pair = generator.generateKeyPair();
            if (!Arrays.equals(seedOf(pair.getPrivate()), seed)) {
                throw new IllegalStateException("this JDK does not derive Ed25519 keys from its random source");
            }
            return pair.getPublic();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK has Ed25519 since Java 15", e);
        }
    }

    /** Reads a PEM {@code PRIVATE KEY} (PKCS#8, as {@code openssl genpkey -algorithm ed25519} writes it). */
    public static PrivateKey readPrivatePem(String pem) {
        byte[] der = pemBody(pem, "PRIVATE KEY");
        try {
            return KeyFactory.getInstance("Ed25519").generatePrivate(new PKCS8EncodedKeySpec(der));
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("the PEM holds no Ed25519 private key", e);
        }
    }

    /** Reads a PEM {@code PUBLIC KEY} (X.509 SubjectPublicKeyInfo, as {@code openssl pkey -pubout} writes it). */
    public static PublicKey readPublicPem(String pem) {
        return decodePublic(pemBody(pem, "PUBLIC KEY"));
    }

    /** A PEM {@code PRIVATE KEY} that OpenSSL reads. */
    public static String privatePem(PrivateKey key) {
        return pem("PRIVATE KEY", concat(PKCS8_PREFIX, seedOf(key)));
    }

    /** A PEM {@code PUBLIC KEY} that OpenSSL reads. */
    public static String publicPem(PublicKey key) {
        return pem("PUBLIC KEY", concat(SPKI_PREFIX, rawPublicKey(key)));
    }

    private static byte[] seedOf(PrivateKey key) {
        byte[] encoded = key.getEncoded();
        if (!"EdDSA".equals(key.getAlgorithm()) && !"Ed25519".equals(key.getAlgorithm())) {
            throw new IllegalArgumentException("not an Ed25519 private key: " + key.getAlgorithm());
        }
        // PKCS#8 v1 (48 bytes) or v2 with the public key appended: the seed follows the same prefix
        if (encoded.length < PKCS8_PREFIX.length + 32) {
            throw new IllegalArgumentException("not an Ed25519 private key");
        }
        return Arrays.copyOfRange(encoded, PKCS8_PREFIX.length, PKCS8_PREFIX.length + 32);
    }

    private static PublicKey decodePublic(byte[] der) {
        try {
            return KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(der));
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("not an Ed25519 public key", e);
        }
    }

    private static byte[] pemBody(String pem, String label) {
        String begin = "-----BEGIN " + label + "-----";
        String end = "-----END " + label + "-----";
        int from = pem.indexOf(begin);
        int to = pem.indexOf(end);
        if (from < 0 || to < from) {
            throw new IllegalArgumentException("no '" + begin + "' block in the PEM");
        }
        String base64 = pem.substring(from + begin.length(), to).replaceAll("\\s", "");
        try {
            return Base64.getDecoder().decode(base64);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("the PEM's " + label + " is not base64", e);
        }
    }

    private static String pem(String label, byte[] der) {
        String body = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der);
        return "-----BEGIN " + label + "-----\n" + body + "\n-----END " + label + "-----\n";
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] both = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, both, a.length, b.length);
        return both;
    }

    /** A "random" source that gives the seed once: what makes the JDK derive a known key pair. */
    private static final class SeedSource extends SecureRandom {
        private final byte[] seed;

        SeedSource(byte[] seed) {
            this.seed = seed.clone();
        }

        @Override
        public void nextBytes(byte[] bytes) {
            if (bytes.length != seed.length) {
                throw new IllegalStateException("expected a request for " + seed.length + " bytes");
            }
            System.arraycopy(seed, 0, bytes, 0, seed.length);
        }
    }
}
