package mx.gobiernoabierto.compromisos.query.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.security.KeyPair;
import java.time.Duration;
import java.util.Map;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import mx.gobiernoabierto.compromisos.events.log.Checkpoint;
import mx.gobiernoabierto.compromisos.events.log.Ed25519Keys;
import mx.gobiernoabierto.compromisos.events.log.MerkleTree;
import mx.gobiernoabierto.compromisos.events.log.SignedNote;
import mx.gobiernoabierto.compromisos.infrastructure.TestInfrastructure;

/**
 * The checkpoints the command service publishes are kept, once each, and served newest first, with the latest as the
 * signed note itself; a record that is not a checkpoint is left out.
 */
class CheckpointFeedIntegrationTest extends QueryIntegrationTest {

    private static final String CHECKPOINTS = "compromisos.checkpoints";

    @Test
    void publishedCheckpointsAreKeptOnceAndServedNewestFirst() throws Exception {
        KeyPair key = Ed25519Keys.generate();
        String origin = "feed-test.local/log";
        String first = sign(key, new Checkpoint(origin, 3, MerkleTree.leafHash(new byte[] {3})));
        String second = sign(key, new Checkpoint(origin, 5, MerkleTree.leafHash(new byte[] {5})));
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfrastructure.kafka().bootstrapServers(),
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class))) {
            producer.send(new ProducerRecord<>(CHECKPOINTS, origin, first)).get();
            producer.send(new ProducerRecord<>(CHECKPOINTS, origin, "not a checkpoint")).get();
            producer.send(new ProducerRecord<>(CHECKPOINTS, origin, first)).get();
            producer.send(new ProducerRecord<>(CHECKPOINTS, origin, second)).get();
        }

        await().atMost(Duration.ofSeconds(60)).until(() -> http().get("/api/v1/log/checkpoint").text(), second::equals);
        JsonNode page = http().get("/api/v1/log/checkpoints?size=10").json();
        assertThat(page.get("totalItems").asLong()).isEqualTo(2);
        assertThat(page.get("items").get(0).get("treeSize").asLong()).isEqualTo(5);
        assertThat(page.get("items").get(0).get("note").asString()).isEqualTo(second);
        assertThat(page.get("items").get(1).get("note").asString()).isEqualTo(first);
        assertThat(page.get("items").get(1).get("origin").asString()).isEqualTo(origin);
        assertThat(page.get("items").get(1).get("rootHash").asString())
                .isEqualTo(java.util.Base64.getEncoder().encodeToString(MerkleTree.leafHash(new byte[] {3})));
        assertThat(page.get("items").get(1).get("publishedAt").asString()).matches("\\d{4}-\\d\\d-\\d\\dT.*\\.\\d{3}Z");
        SignedNote.VerifierKey vkey = SignedNote.parseVerifierKey(
                SignedNote.verifierKey(origin, Ed25519Keys.rawPublicKey(key.getPublic())));
        assertThat(Checkpoint.open(page.get("items").get(0).get("note").asString(), vkey).size()).isEqualTo(5);

        JsonNode second_page = http().get("/api/v1/log/checkpoints?size=1&page=1").json();
        assertThat(second_page.get("items").get(0).get("treeSize").asLong()).isEqualTo(3);
        assertThat(http().get("/api/v1/log/checkpoints?size=0").status()).isEqualTo(400);
        assertThat(http().get("/api/v1/log/checkpoints?page=-1").status()).isEqualTo(400);
    }

    private static String sign(KeyPair key, Checkpoint checkpoint) {
        return SignedNote.sign(checkpoint.body(), checkpoint.origin(), key.getPrivate(), key.getPublic());
    }
}
