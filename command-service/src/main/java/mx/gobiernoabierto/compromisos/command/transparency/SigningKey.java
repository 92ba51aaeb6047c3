package mx.gobiernoabierto.compromisos.command.transparency;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.PublicKey;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import mx.gobiernoabierto.compromisos.events.log.Ed25519Keys;
import mx.gobiernoabierto.compromisos.events.log.SignedNote;

/** The log's Ed25519 key; its name is the checkpoints' origin. */
final class SigningKey {

    private static final Logger LOG = LoggerFactory.getLogger(SigningKey.class);

    private final String origin;
    private final PrivateKey privateKey;
    private final PublicKey publicKey;

    private SigningKey(String origin, PrivateKey privateKey, PublicKey publicKey) {
        this.origin = origin;
        this.privateKey = privateKey;
        this.publicKey = publicKey;
    }

    /** The key the settings name: the PEM text, else the PEM file, else (with a warning) a key of this process only. */
    static SigningKey from(LogProperties properties) {
        String pem = properties.signingKeyPem();
        if ((pem == null || pem.isBlank()) && properties.signingKeyLocation() != null
                && !properties.signingKeyLocation().isBlank()) {
            Path file = Path.of(properties.signingKeyLocation().replaceFirst("^file:", ""));
            try {
                pem = Files.readString(file, StandardCharsets.US_ASCII);
            } catch (IOException e) {
                throw new IllegalStateException("cannot read the log's signing key from " + file + ": " + e.getMessage(), e);
            }
        }
        SigningKey key;
        if (pem == null || pem.isBlank()) {
            KeyPair pair = Ed25519Keys.generate();
            key = new SigningKey(properties.origin(), pair.getPrivate(), pair.getPublic());
            LOG.warn("No signing key for the transparency log (COMPROMISOS_LOG_SIGNING_KEY_PEM or _LOCATION): checkpoints "
                    + "are signed with key {} that lives only as long as this process", key.keyId());
        } else {
            PrivateKey privateKey = Ed25519Keys.readPrivatePem(pem);
            key = new SigningKey(properties.origin(), privateKey, Ed25519Keys.publicKeyOf(privateKey));
            LOG.info("Transparency log {} signs with key {}", properties.origin(), key.keyId());
        }
        return key;
    }

    String origin() {
        return origin;
    }

    String keyId() {
        return SignedNote.keyId(origin, Ed25519Keys.rawPublicKey(publicKey));
    }

    String verifierKey() {
        return SignedNote.verifierKey(origin, Ed25519Keys.rawPublicKey(publicKey));
    }

    String publicKeyPem() {
        return Ed25519Keys.publicPem(publicKey);
    }

    /** The signed note of a text whose first line is the origin. */
    String sign(String text) {
        return SignedNote.sign(text, origin, privateKey, publicKey);
    }
}
