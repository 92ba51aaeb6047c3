package mx.gobiernoabierto.compromisos.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import mx.gobiernoabierto.compromisos.events.log.Ed25519Keys;

class LogSigningKeyTest {

    @Test
    void theKeyIsGeneratedOnFirstStartAndKeptAfterwards(@TempDir Path data) throws Exception {
        String setting = LogSigningKey.setting(data);
        Path key = data.resolve(LogSigningKey.FILE);
        assertThat(setting).isEqualTo("--compromisos.log.signing-key-location=" + key);
        String first = Files.readString(key);
        var privateKey = Ed25519Keys.readPrivatePem(first);
        assertThat(Ed25519Keys.rawPublicKey(Ed25519Keys.publicKeyOf(privateKey))).isEqualTo(Ed25519Keys.rawPublicKey(
                Ed25519Keys.readPublicPem(Files.readString(data.resolve("log-public-key.pem")))));

        LogSigningKey.setting(data);
        assertThat(Files.readString(key)).isEqualTo(first);
    }
}
