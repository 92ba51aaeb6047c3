package mx.gobiernoabierto.compromisos.events.log;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.util.Arrays;
import java.util.Base64;

import org.junit.jupiter.api.Test;

/**
 * Signed notes against the test vectors of C2SP signed-note's reference implementation
 * (golang.org/x/mod/sumdb/note, note_test.go): the key "PeterNeumann", its key id, its signature of a known text,
 * and a second key's signature.
 */
class SignedNoteTest {

    private static final String PETER_SKEY = "PRIVATE+KEY+PeterNeumann+c74f20a3+AYEKFALVFGyNhPJEMzD1QIDr+Y7hfZx09iUvxdXHKDFz";
    private static final String PETER_VKEY = "PeterNeumann+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW";
    private static final String ENOCH_VKEY = "EnochRoot+af0cfe78+ATtqJ7zOtqQtYqOo0CpvDXNlMhV3HeJDpjrASKGLWdop";
    private static final String TEXT = "If you think cryptography is the answer to your problem,\n"
            + "then you don't know what your problem is.\n";
    private static final String PETER_SIG =
            "— PeterNeumann x08go/ZJkuBS9UG/SffcvIAQxVBtiFupLLr8pAcElZInNIuGUgYN1FFYC2pZSNXgKvqfqdngotpRZb6KE6RyyBwJnAM=\n";
    private static final String ENOCH_SIG =
            "— EnochRoot rwz+eBzmZa0SO3NbfRGzPCpDckykFXSdeX+MNtCOXm2/5n2tiOHp+vAF1aGrQ5ovTG01oOTGwnWLox33WWd1RvMc+QQ=\n";

    @Test
    void theKeyIdAndVerifierKeyAreDerivedAsThePublishedVectorsSay() {
        SignedNote.VerifierKey peter = SignedNote.parseVerifierKey(PETER_VKEY);
        assertThat(peter.name()).isEqualTo("PeterNeumann");
        assertThat(SignedNote.keyId("PeterNeumann", peter.publicKey())).isEqualTo("c74f20a3");
        assertThat(SignedNote.verifierKey("PeterNeumann", peter.publicKey())).isEqualTo(PETER_VKEY);
        assertThat(SignedNote.parseVerifierKey(ENOCH_VKEY).keyId()).isEqualTo("af0cfe78");
    }

    @Test
    void signingThePublishedTextWithThePublishedKeyGivesThePublishedNote() {
        PrivateKey key = Ed25519Keys.privateKeyFromSeed(seed(PETER_SKEY));
        PublicKey publicKey = Ed25519Keys.publicKeyOf(key);
        assertThat(Ed25519Keys.rawPublicKey(publicKey)).isEqualTo(SignedNote.parseVerifierKey(PETER_VKEY).publicKey());

        assertThat(SignedNote.sign(TEXT, "PeterNeumann", key, publicKey)).isEqualTo(TEXT + "\n" + PETER_SIG);
    }

    @Test
    void aNoteWithTwoSignaturesVerifiesForEachKeyAndNotForAnother() {
        SignedNote.Note note = SignedNote.parse(TEXT + "\n" + PETER_SIG + ENOCH_SIG);
        assertThat(note.text()).isEqualTo(TEXT);
        assertThat(note.signatures()).extracting(SignedNote.NoteSignature::name).containsExactly("PeterNeumann", "EnochRoot");
        assertThat(SignedNote.verify(note, SignedNote.parseVerifierKey(PETER_VKEY))).isTrue();
        assertThat(SignedNote.verify(note, SignedNote.parseVerifierKey(ENOCH_VKEY))).isTrue();
        PublicKey stranger = Ed25519Keys.generate().getPublic();
        assertThat(SignedNote.verify(note, SignedNote.parseVerifierKey(
                SignedNote.verifierKey("PeterNeumann", Ed25519Keys.rawPublicKey(stranger))))).isFalse();
    }

    @Test
    void aChangedTextOrSignatureDoesNotVerify() {
        SignedNote.VerifierKey peter = SignedNote.parseVerifierKey(PETER_VKEY);
        assertThat(SignedNote.verify(SignedNote.parse(TEXT.replace("answer", "Answer") + "\n" + PETER_SIG), peter)).isFalse();
        String corrupted = PETER_SIG.substring(0, 60) + "ABCD" + PETER_SIG.substring(64);
        assertThat(SignedNote.verify(SignedNote.parse(TEXT + "\n" + corrupted), peter)).isFalse();
    }

    @Test
    void malformedNotesAreRefusedAsThePublishedVectorsSay() {
        for (String bad : new String[] {TEXT, TEXT + "\n", TEXT + "\n" + PETER_SIG.substring(0, PETER_SIG.length() - 1),
                "\u0001" + TEXT + "\n" + PETER_SIG,
                TEXT + "\n" + "— Bad Name x08go/ZJkuBS9UG/SffcvIAQxVBtiFupLLr8pAcElZInNIuGUgYN1FFYC2pZSNXgKvqfqdngotpRZb6KE6RyyBwJnAM=",
                TEXT + "\n" + PETER_SIG + "Unexpected line.\n"}) {
            assertThatThrownBy(() -> SignedNote.parse(bad)).hasMessage("malformed note");
        }
    }

    @Test
    void manglingsOfTheVerifierKeyAreRefused() {
        assertThatThrownBy(() -> SignedNote.parseVerifierKey(
                "PeterNeumann+cc469956+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TWBADKEY==")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SignedNote.parseVerifierKey(
                "PeterNeumann+173116ae+ZRpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SignedNote.parseVerifierKey(PETER_VKEY.replace("c74f20a3", "c74f20a4")))
                .hasMessageContaining("does not match");
    }

    @Test
    void pemKeysRoundTripAndAGeneratedKeySignsNotesThatVerify() {
        KeyPair pair = Ed25519Keys.generate();
        PrivateKey key = Ed25519Keys.readPrivatePem(Ed25519Keys.privatePem(pair.getPrivate()));
        PublicKey publicKey = Ed25519Keys.readPublicPem(Ed25519Keys.publicPem(pair.getPublic()));
        assertThat(Ed25519Keys.rawPublicKey(Ed25519Keys.publicKeyOf(key))).isEqualTo(Ed25519Keys.rawPublicKey(publicKey));

        Checkpoint checkpoint = new Checkpoint("compromisos.local/log", 7, MerkleTree.emptyRoot());
        String note = SignedNote.sign(checkpoint.body(), "compromisos.local/log", key, publicKey);
        SignedNote.VerifierKey vkey = SignedNote.parseVerifierKey(
                SignedNote.verifierKey("compromisos.local/log", Ed25519Keys.rawPublicKey(publicKey)));
        assertThat(Checkpoint.open(note, vkey)).isEqualTo(checkpoint);
        assertThat(note).startsWith("compromisos.local/log\n7\n47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=\n\n— compromisos.local/log ");
    }

    private static byte[] seed(String skey) {
        byte[] typed = Base64.getDecoder().decode(skey.split("\\+", 5)[4]);
        assertThat(typed[0]).isEqualTo(SignedNote.ED25519);
        return Arrays.copyOfRange(typed, 1, typed.length);
    }
}
