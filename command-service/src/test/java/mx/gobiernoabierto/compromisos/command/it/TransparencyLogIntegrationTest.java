package mx.gobiernoabierto.compromisos.command.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

import mx.gobiernoabierto.compromisos.events.log.Checkpoint;
import mx.gobiernoabierto.compromisos.events.log.Ed25519Keys;
import mx.gobiernoabierto.compromisos.events.log.MerkleTree;
import mx.gobiernoabierto.compromisos.events.log.SignedNote;

/**
 * The transparency log on a real PostgreSQL: every stored event becomes a leaf in store order, checkpoints are
 * signed notes of its root that verify with the published key (and with OpenSSL), every event's inclusion and the
 * consistency of two checkpoints are proved, bad questions get problems, and a tree rebuilt from the event store
 * is the same tree.
 */
class TransparencyLogIntegrationTest extends IntegrationTest {

    @Autowired
    EventProcessingConfiguration processing;

    @Test
    void everyEventIsALeafInStoreOrderAndTheSignedCheckpointCoversThemAll() {
        new Scenario(api()).inImplementation();
        long events = allStoredEvents();
        awaitLogSize(events);

        Api anonymous = anonymousApi();
        SignedNote.VerifierKey key = SignedNote.parseVerifierKey(anonymous.get("/api/v1/log/public-key").field("verifierKey"));
        Checkpoint checkpoint = awaitCheckpointOf(events, key);

        List<byte[]> storeOrder = eventHashesInStoreOrder();
        assertThat(checkpoint.rootHash()).isEqualTo(naiveRoot(storeOrder.subList(0, (int) checkpoint.size())));
        assertThat(checkpoint.origin()).isEqualTo("compromisos.local/log");
    }

    @Test
    void everyEventsInclusionAndTheConsistencyOfTwoCheckpointsAreProved() {
        Api anonymous = anonymousApi();
        SignedNote.VerifierKey key = SignedNote.parseVerifierKey(anonymous.get("/api/v1/log/public-key").field("verifierKey"));
        new Scenario(api()).adopted();
        awaitLogSize(allStoredEvents());
        Checkpoint first = awaitCheckpointOf(allStoredEvents(), key);
        new Scenario(api()).inImplementation();
        awaitLogSize(allStoredEvents());
        Checkpoint second = awaitCheckpointOf(allStoredEvents(), key);

        for (byte[] eventHash : eventHashesInStoreOrder().subList(0, (int) first.size())) {
            JsonNode proof = anonymous.get("/api/v1/log/proof/inclusion?hash=" + HexFormat.of().formatHex(eventHash)
                    + "&treeSize=" + first.size()).json();
            assertThat(MerkleTree.verifyInclusion(proof.get("leafIndex").asLong(), first.size(),
                    MerkleTree.leafHash(eventHash), hashes(proof), first.rootHash())).isTrue();
        }
        JsonNode consistency = anonymous.get("/api/v1/log/proof/consistency?from=" + first.size() + "&to=" + second.size()).json();
        assertThat(consistency.get("from").asLong()).isEqualTo(first.size());
        assertThat(MerkleTree.verifyConsistency(first.size(), second.size(), first.rootHash(), second.rootHash(),
                hashes(consistency))).isTrue();
        assertThat(MerkleTree.verifyConsistency(first.size(), second.size(), second.rootHash(), second.rootHash(),
                hashes(consistency))).isFalse();
    }

    @Test
    void noCheckpointIsSignedWhileNothingChanges() throws InterruptedException {
        new Scenario(api()).drafted();
        long events = allStoredEvents();
        awaitLogSize(events);
        SignedNote.VerifierKey key = SignedNote.parseVerifierKey(anonymousApi().get("/api/v1/log/public-key").field("verifierKey"));
        awaitCheckpointOf(events, key);
        long signed = jdbc.sql("SELECT count(*) FROM log_checkpoint").query(Long.class).single();

        Thread.sleep(3_500); // three ticks of the 1 s interval the tests configure

        assertThat(jdbc.sql("SELECT count(*) FROM log_checkpoint").query(Long.class).single()).isEqualTo(signed);
        assertThat(jdbc.sql("SELECT count(*) FROM log_checkpoint WHERE tree_size = ?").param(events)
                .query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void badQuestionsGetProblems() {
        Api anonymous = anonymousApi();
        new Scenario(api()).drafted();
        awaitLogSize(allStoredEvents());
        long size = allStoredEvents();
        String known = HexFormat.of().formatHex(eventHashesInStoreOrder().getLast());
        assertProblem(anonymous.get("/api/v1/log/proof/inclusion?hash=xyz&treeSize=1"), 400, "/validation");
        assertProblem(anonymous.get("/api/v1/log/proof/inclusion?hash=" + known), 400, "/validation");
        assertProblem(anonymous.get("/api/v1/log/proof/inclusion?hash=" + known + "&treeSize=" + (size + 1000)), 400, "/validation");
        assertProblem(anonymous.get("/api/v1/log/proof/inclusion?hash=" + "ab".repeat(32) + "&treeSize=" + size), 404, "/not-found");
        Api.Reply notYet = anonymous.get("/api/v1/log/proof/inclusion?hash=" + known + "&treeSize=1");
        assertProblem(notYet, 404, "/not-found");
        assertThat(notYet.json().get("detail").asString()).isEqualTo("no event with hash " + known + " among the first 1 leaves of the log");
        assertProblem(anonymous.get("/api/v1/log/proof/consistency?from=3&to=2"), 400, "/validation");
        assertProblem(anonymous.get("/api/v1/log/proof/consistency?from=-1&to=2"), 400, "/validation");
        assertProblem(anonymous.get("/api/v1/log/proof/consistency?from=1&to=" + (size + 1000)), 400, "/validation");
        assertThat(anonymous.get("/api/v1/log/proof/consistency?from=0&to=" + size).status()).isEqualTo(200);
    }

    @Test
    void aTreeRebuiltFromTheEventStoreIsTheSameTree() {
        new Scenario(api()).inImplementation();
        long events = allStoredEvents();
        awaitLogSize(events);
        StreamingEventProcessor log = processing.eventProcessor("transparency-log", StreamingEventProcessor.class).orElseThrow();
        String rootBefore = storedRoot(events);
        assertThat(rootBefore).isEqualTo(HexFormat.of().formatHex(naiveRoot(eventHashesInStoreOrder())));

        log.shutDown();
        jdbc.sql("TRUNCATE log_leaf, log_node").update();
        log.resetTokens();
        log.start();
        awaitLogSize(events);

        assertThat(storedRoot(events)).isEqualTo(rootBefore);
    }

    @Test
    void aCheckpointVerifiesWithOpenSsl(@TempDir Path directory) throws Exception {
        Path openssl = onPath("openssl");
        org.junit.jupiter.api.Assumptions.assumeTrue(openssl != null, "openssl is not on the PATH");
        Api anonymous = anonymousApi();
        String note = anonymous.get("/api/v1/log/checkpoint").text();
        SignedNote.Note parsed = SignedNote.parse(note);
        Files.writeString(directory.resolve("body"), parsed.text(), StandardCharsets.UTF_8);
        Files.write(directory.resolve("sig"), parsed.signatures().getFirst().signature());
        Files.writeString(directory.resolve("key.pem"), anonymous.get("/api/v1/log/public-key").field("publicKeyPem"));

        assertThat(openssl(directory, "body")).as("openssl over the body").contains("Signature Verified Successfully");
        Files.writeString(directory.resolve("other"), parsed.text().replace("\n", "\n\n"), StandardCharsets.UTF_8);
        assertThat(openssl(directory, "other")).doesNotContain("Signature Verified Successfully");
    }

    /** The README's block, as written, run by bash against this service. */
    @Test
    void theReadmesOpenSslCheckVerifiesTheLatestCheckpoint(@TempDir Path directory) throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(onPath("openssl") != null && onPath("curl") != null
                && onPath("bash") != null, "openssl, curl and bash are not all on the PATH");
        String readme = Files.readString(Path.of("..", "README.md"));
        String block = java.util.Arrays.stream(readme.split("```sh\n")).skip(1).filter(part -> part.contains("```"))
                .map(part -> part.substring(0, part.indexOf("```")))
                .filter(part -> part.contains("openssl pkeyutl -verify"))
                .findFirst().orElseThrow(() -> new AssertionError("the README has no OpenSSL block"));
        ProcessBuilder bash = new ProcessBuilder("bash", "-euo", "pipefail", "-c", block)
                .directory(directory.toFile()).redirectErrorStream(true);
        bash.environment().put("C", "http://127.0.0.1:" + port);
        Process process = bash.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(output).isZero();
        assertThat(output).contains("Signature Verified Successfully");
    }

    @Test
    void theCheckpointIsPlainTextAndThePublicKeyIsPublishedInEveryForm() {
        Api anonymous = anonymousApi();
        Api.Reply checkpoint = anonymous.get("/api/v1/log/checkpoint");
        assertThat(checkpoint.status()).isEqualTo(200);
        assertThat(checkpoint.header("Content-Type")).startsWith("text/plain");
        JsonNode key = anonymous.get("/api/v1/log/public-key").json();
        assertThat(key.get("algorithm").asString()).isEqualTo("Ed25519");
        assertThat(key.get("keyId").asString()).matches("[0-9a-f]{8}");
        byte[] raw = Ed25519Keys.rawPublicKey(Ed25519Keys.readPublicPem(key.get("publicKeyPem").asString()));
        assertThat(SignedNote.keyId(key.get("origin").asString(), raw)).isEqualTo(key.get("keyId").asString());
        assertThat(key.get("verifierKey").asString()).isEqualTo(SignedNote.verifierKey(key.get("origin").asString(), raw));
        assertThat(Checkpoint.open(checkpoint.text(), SignedNote.parseVerifierKey(key.get("verifierKey").asString())))
                .isNotNull();
    }

    private String openssl(Path directory, String body) throws Exception {
        Process process = new ProcessBuilder("openssl", "pkeyutl", "-verify", "-pubin", "-inkey", "key.pem", "-rawin",
                "-in", body, "-sigfile", "sig").directory(directory.toFile()).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        return output;
    }

    private static Path onPath(String program) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
            Path candidate = Path.of(dir, program);
            if (Files.isExecutable(candidate)) {
                return candidate;
            }
        }
        return null;
    }

    /** The root as the stored subtrees give it. */
    private String storedRoot(long size) {
        return HexFormat.of().formatHex(MerkleTree.root(size, (level, index) -> jdbc
                .sql("SELECT hash FROM log_node WHERE level = ? AND node_index = ?").params(level, index)
                .query(byte[].class).single()));
    }

    private void awaitLogSize(long size) {
        await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.sql("SELECT count(*) FROM log_leaf").query(Long.class)
                .single() >= size);
    }

    /** Waits for a signed checkpoint of at least this size, checks its signature, and returns it. */
    private Checkpoint awaitCheckpointOf(long size, SignedNote.VerifierKey key) {
        Api anonymous = anonymousApi();
        Checkpoint[] seen = new Checkpoint[1];
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            seen[0] = Checkpoint.open(anonymous.get("/api/v1/log/checkpoint").text(), key);
            return seen[0].size() >= size;
        });
        return seen[0];
    }

    private List<byte[]> eventHashesInStoreOrder() {
        return jdbc.sql("SELECT metadata FROM domainevententry ORDER BY globalindex").query(byte[].class).list().stream()
                .map(metadata -> Api.JSON.readTree(new String(metadata, StandardCharsets.UTF_8)).get("hash").asString())
                .map(HexFormat.of()::parseHex)
                .toList();
    }

    private static byte[] naiveRoot(List<byte[]> leafData) {
        if (leafData.isEmpty()) {
            return MerkleTree.emptyRoot();
        }
        if (leafData.size() == 1) {
            return MerkleTree.leafHash(leafData.getFirst());
        }
        int k = Integer.highestOneBit(leafData.size() - 1);
        return MerkleTree.nodeHash(naiveRoot(leafData.subList(0, k)), naiveRoot(leafData.subList(k, leafData.size())));
    }

    private static List<byte[]> hashes(JsonNode proof) {
        List<byte[]> hashes = new ArrayList<>();
        proof.get("hashes").forEach(hash -> hashes.add(HexFormat.of().parseHex(hash.asString())));
        return hashes;
    }

    private static void assertProblem(Api.Reply reply, int status, String type) {
        assertThat(reply.status()).as(reply.toString()).isEqualTo(status);
        assertThat(reply.header("Content-Type")).startsWith("application/problem+json");
        assertThat(reply.json().get("type").asString()).endsWith(type);
    }
}
