package mx.gobiernoabierto.compromisos.events.log;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.KeyPair;

import org.junit.jupiter.api.Test;

/** The C2SP tlog-checkpoint body: three lines, sizes without leading zeros, a 32-byte base64 root. */
class CheckpointTest {

    private static final String ROOT = "47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=";

    @Test
    void theBodyIsOriginSizeAndRootEachOnItsLine() {
        Checkpoint checkpoint = Checkpoint.parse("example.com/log\n12\n" + ROOT + "\n");
        assertThat(checkpoint.origin()).isEqualTo("example.com/log");
        assertThat(checkpoint.size()).isEqualTo(12);
        assertThat(checkpoint.rootHash()).isEqualTo(MerkleTree.emptyRoot());
        assertThat(checkpoint.body()).isEqualTo("example.com/log\n12\n" + ROOT + "\n");
    }

    @Test
    void extensionLinesAreKeptButNotRequired() {
        Checkpoint checkpoint = Checkpoint.parse("example.com/log\n12\n" + ROOT + "\nextension\n");
        assertThat(checkpoint.extensions()).containsExactly("extension");
    }

    @Test
    void malformedBodiesAreRefused() {
        for (String bad : new String[] {"example.com/log\n12\n" + ROOT, "example.com/log\n012\n" + ROOT + "\n",
                "example.com/log\n-1\n" + ROOT + "\n", "example.com/log\n12\nAAAA\n", "\n12\n" + ROOT + "\n",
                "example.com/log\n12\n"}) {
            assertThatThrownBy(() -> Checkpoint.parse(bad)).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void openingNeedsTheOriginsKeyAndAValidSignature() {
        KeyPair pair = Ed25519Keys.generate();
        Checkpoint checkpoint = new Checkpoint("a.example/log", 3, MerkleTree.leafHash(new byte[0]));
        String note = SignedNote.sign(checkpoint.body(), "a.example/log", pair.getPrivate(), pair.getPublic());
        byte[] raw = Ed25519Keys.rawPublicKey(pair.getPublic());
        assertThat(Checkpoint.open(note, SignedNote.parseVerifierKey(SignedNote.verifierKey("a.example/log", raw))))
                .isEqualTo(checkpoint);
        assertThatThrownBy(() -> Checkpoint.open(note, SignedNote.parseVerifierKey(SignedNote.verifierKey("b.example/log", raw))))
                .hasMessageContaining("origin");
        assertThatThrownBy(() -> Checkpoint.open(note.replace("\n3\n", "\n4\n"),
                SignedNote.parseVerifierKey(SignedNote.verifierKey("a.example/log", raw))))
                .hasMessageContaining("no valid signature");
    }
}
