package mx.gobiernoabierto.compromisos.localstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyPair;

import mx.gobiernoabierto.compromisos.events.log.Ed25519Keys;

/**
 * The local stack's transparency-log key: generated in the data directory on first start and kept, so that
 * checkpoints signed before a restart still verify with the same public key after it.
 */
final class LogSigningKey {

    static final String FILE = "log-signing-key.pem";

    private LogSigningKey() {
    }

    /** The command service's setting that points at the key, creating the key first if the directory has none. */
    static String setting(Path dataDirectory) {
        Path key = dataDirectory.resolve(FILE);
        if (!Files.exists(key)) {
            KeyPair pair = Ed25519Keys.generate();
            try {
                write(key, Ed25519Keys.privatePem(pair.getPrivate()));
                Files.writeString(dataDirectory.resolve("log-public-key.pem"), Ed25519Keys.publicPem(pair.getPublic()),
                        StandardCharsets.US_ASCII);
            } catch (FileAlreadyExistsException e) {
                // another start created it first: use that one
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write the log's signing key to " + key, e);
            }
        }
        return "--compromisos.log.signing-key-location=" + key;
    }

    private static void write(Path file, String pem) throws IOException {
        try {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (UnsupportedOperationException e) {
            Files.createFile(file);
        }
        Files.writeString(file, pem, StandardCharsets.US_ASCII, StandardOpenOption.TRUNCATE_EXISTING);
    }
}
