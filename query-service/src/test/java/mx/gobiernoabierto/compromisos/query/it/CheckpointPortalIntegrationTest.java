package mx.gobiernoabierto.compromisos.query.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import javax.xml.parsers.DocumentBuilderFactory;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import mx.gobiernoabierto.compromisos.events.CommitmentDrafted;
import mx.gobiernoabierto.compromisos.events.OgpValue;
import mx.gobiernoabierto.compromisos.events.log.Checkpoint;
import mx.gobiernoabierto.compromisos.events.log.Ed25519Keys;
import mx.gobiernoabierto.compromisos.events.log.MerkleTree;
import mx.gobiernoabierto.compromisos.events.log.SignedNote;
import mx.gobiernoabierto.compromisos.events.wire.EventEnvelope;
import mx.gobiernoabierto.compromisos.infrastructure.TestInfrastructure;

/**
 * The historial page shows the signed checkpoint that holds the commitment's head event (the newest published
 * after the head occurred) with what the reader's browser needs to check the
 * inclusion, or says plainly that none covers it yet; {@code /datos} and {@code /registro/feed.atom} offer the
 * checkpoints. Checkpoints arrive on the real checkpoint topic, as the command service publishes them.
 */
class CheckpointPortalIntegrationTest extends QueryIntegrationTest {

    private static final String CHECKPOINTS = "compromisos.checkpoints";
    private static final String ATOM = "http://www.w3.org/2005/Atom";

    @Test
    void theHistoryShowsTheCoveringCheckpointAndDatosAndTheFeedOfferThem() throws Exception {
        EventEnvelope old = draft(Instant.parse("2025-03-03T15:00:00Z"));
        // an event the log cannot have signed yet: it occurs after every checkpoint this test publishes
        EventEnvelope recent = draft(Instant.now().plus(Duration.ofDays(1)));
        awaitVersion(old.aggregateId(), 0);
        awaitVersion(recent.aggregateId(), 0);

        KeyPair key = Ed25519Keys.generate();
        String origin = "portal-test.local/log";
        long size = 4_000_000_000L + (System.nanoTime() & 0xffff);
        byte[] root = MerkleTree.leafHash(new byte[] {7});
        Checkpoint checkpoint = new Checkpoint(origin, size, root);
        String note = SignedNote.sign(checkpoint.body(), origin, key.getPrivate(), key.getPublic());
        publishCheckpoint(origin, note);

        Http.Reply page = http().get("/compromisos/" + old.aggregateId() + "/historial");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.text()).contains("<section id=\"registro\"",
                "data-proof-url=\"http://localhost:8081/api/v1/log/proof/inclusion\"",
                "data-tree-size=\"" + size + "\"",
                "data-root-hash=\"" + HexFormat.of().formatHex(root) + "\"",
                "data-head-hash=\"" + old.hash() + "\"",
                "data-msg-incluido=\"El último evento ({hash}) está incluido en el punto de control firmado de tamaño {tamano}",
                "<code>" + origin + "</code>", "<dd>" + size + "</dd>", checkpoint.rootBase64(),
                "<pre>" + note.stripTrailing(),
                "<div id=\"resultado-inclusion\" role=\"status\" aria-live=\"polite\"></div>",
                "<script src=\"/recursos/js/inclusion.js\" defer></script>");
        // the chain check comes first on the page, as the inclusion check follows it
        assertThat(page.text().indexOf("id=\"verificacion\"")).isLessThan(page.text().indexOf("id=\"registro\""));
        assertThat(http().get("/recursos/js/inclusion.js").status()).isEqualTo(200);

        Http.Reply notYet = http().get("/compromisos/" + recent.aggregateId() + "/historial");
        assertThat(notYet.status()).isEqualTo(200);
        assertThat(notYet.text()).contains("<section id=\"registro\"",
                "Todavía ningún punto de control firmado cubre el último evento de este compromiso.",
                "se firman cada 30 segundos");
        assertThat(notYet.text()).doesNotContain("data-proof-url", "resultado-inclusion", "data-tree-size");

        Http.Reply datos = http().get("/datos");
        assertThat(datos.text()).contains("id=\"puntos-de-control\"", "href=\"/registro/feed.atom\"",
                "href=\"/api/v1/log/checkpoints\"", "href=\"/api/v1/log/checkpoint\"",
                "href=\"http://localhost:8081/api/v1/log/public-key\"",
                "<pre id=\"ultimo-punto-de-control\">" + note.stripTrailing(),
                "El más reciente, de " + size + " hojas");

        Http.Reply feed = http().get("/registro/feed.atom");
        assertThat(feed.status()).isEqualTo(200);
        assertThat(feed.contentType()).startsWith("application/atom+xml");
        Document xml = atom(feed.text());
        Element root2 = xml.getDocumentElement();
        assertThat(root2.getNamespaceURI()).isEqualTo(ATOM);
        assertThat(root2.getAttribute("xml:lang")).isEqualTo("es-MX");
        assertThat(child(root2, "title")).isEqualTo("Puntos de control firmados del registro de transparencia");
        OffsetDateTime.parse(child(root2, "updated"));
        NodeList entries = xml.getElementsByTagNameNS(ATOM, "entry");
        assertThat(entries.getLength()).isGreaterThanOrEqualTo(1);
        Element newest = (Element) entries.item(0);
        assertThat(child(newest, "content")).isEqualTo(note);
        assertThat(child(newest, "title")).isEqualTo("Punto de control de " + size + " hojas (" + origin + ")");
        assertThat(child(newest, "id")).startsWith("urn:compromisos:punto-de-control:");
        OffsetDateTime.parse(child(newest, "updated"));
        // the same checkpoint is the same entry at every fetch, so a reader keeps it once
        Element again = (Element) atom(http().get("/registro/feed.atom").text())
                .getElementsByTagNameNS(ATOM, "entry").item(0);
        assertThat(child(again, "id")).isEqualTo(child(newest, "id"));
        // what the feed carries is the signed note itself: it opens with the key that signed it
        SignedNote.VerifierKey vkey = SignedNote.parseVerifierKey(
                SignedNote.verifierKey(origin, Ed25519Keys.rawPublicKey(key.getPublic())));
        assertThat(Checkpoint.open(child(newest, "content"), vkey).size()).isEqualTo(size);
    }

    @Test
    void aCheckpointSignedMomentsAfterTheHeadCoversItEvenIfNoneFollows() throws Exception {
        // a quiet log: the head occurs, the next tick signs the tree with it, and nothing happens after that
        EventEnvelope head = draft(Instant.now().minusMillis(500));
        awaitVersion(head.aggregateId(), 0);
        KeyPair key = Ed25519Keys.generate();
        String origin = "portal-test.local/quiet";
        long size = 5_000_000_000L + (System.nanoTime() & 0xffff);
        String note = SignedNote.sign(new Checkpoint(origin, size, MerkleTree.leafHash(new byte[] {9})).body(), origin,
                key.getPrivate(), key.getPublic());
        publishCheckpoint(origin, note);

        Http.Reply page = http().get("/compromisos/" + head.aggregateId() + "/historial");
        assertThat(page.status()).isEqualTo(200);
        // this checkpoint, or a newer one another test published: either was signed after the head occurred
        assertThat(page.text()).contains("data-proof-url=", "data-tree-size=\"", "<div id=\"resultado-inclusion\"")
                .doesNotContain("Todavía ningún punto de control firmado cubre");
    }

    /** Publishes a signed note on the checkpoint topic, as the command service does, and waits until it is kept. */
    private void publishCheckpoint(String origin, String note) throws Exception {
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfrastructure.kafka().bootstrapServers(),
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class))) {
            producer.send(new ProducerRecord<>(CHECKPOINTS, origin, note)).get();
        }
        await().atMost(Duration.ofSeconds(60)).until(() -> http().get("/api/v1/log/checkpoint").text(), note::equals);
    }

    private EventEnvelope draft(Instant at) {
        String id = Streams.id();
        EventEnvelope event = Streams.chain(at, new CommitmentDrafted(id, Streams.id(), "stl-oaxaca", "OAX-2024-09",
                "Registro abierto", "Nadie guarda los puntos de control", "Publicarlos",
                List.of("Secretaría de Honestidad"), List.of("Red de Mujeres"), List.of(OgpValue.CIVIC_PARTICIPATION),
                List.of("16.6"), LocalDate.of(2024, 1, 1), LocalDate.of(2025, 12, 31))).getFirst();
        publish(event);
        return event;
    }

    private static Document atom(String xml) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
    }

    private static String child(Element parent, String name) {
        NodeList nodes = parent.getElementsByTagNameNS(ATOM, name);
        for (int i = 0; i < nodes.getLength(); i++) {
            if (nodes.item(i).getParentNode() == parent) {
                return nodes.item(i).getTextContent();
            }
        }
        throw new AssertionError("no " + name + " in " + parent.getLocalName());
    }
}
