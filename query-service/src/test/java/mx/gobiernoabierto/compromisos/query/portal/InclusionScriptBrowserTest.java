package mx.gobiernoabierto.compromisos.query.portal;

import static mx.gobiernoabierto.compromisos.query.portal.ScriptTestSites.resource;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.UnaryOperator;

import com.sun.net.httpserver.HttpExchange;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import mx.gobiernoabierto.compromisos.events.chain.HashChain;
import mx.gobiernoabierto.compromisos.events.log.MerkleTree;
import mx.gobiernoabierto.compromisos.events.wire.EventJson;
import mx.gobiernoabierto.compromisos.infrastructure.browser.BrowserPage;

/**
 * {@code inclusion.js} in a real headless Chromium, after {@code verificar.js}'s chain check, on a page that keeps
 * the portal's contract ({@code #registro} with the checkpoint's tree size and root, {@code script-src 'self'}):
 * the head event's inclusion proof, computed by shared-events' {@link MerkleTree} over a fixed tree, must lead the
 * browser to the same root Java computes; a tampered or cut proof, an absent leaf and a wrong tree size must each be
 * named. With Web Crypto (on {@code 127.0.0.1}) and with the script's own SHA-256 (on an origin that is not secure).
 */
class InclusionScriptBrowserTest {

    private static final String ID = "0b6c1c9e-7d0e-4f7a-9a55-3c1c2f1f0a13";
    private static final int TREE_SIZE = 13;
    private static final int HEAD_LEAF = 9;

    private static ScriptTestSites sites;

    private static String historyJson;
    private static String headHash;
    private static List<byte[]> leafData;
    private static volatile UnaryOperator<ObjectNode> proofTampering = UnaryOperator.identity();
    private static volatile boolean leafAbsent;

    @BeforeAll
    static void start() throws IOException {
        history();
        sites = new ScriptTestSites(InclusionScriptBrowserTest::servePortal,
                InclusionScriptBrowserTest::serveCommandService);
    }

    @AfterAll
    static void stop() {
        if (sites != null) {
            sites.close();
        }
    }

    @BeforeEach
    void honestLog() {
        proofTampering = UnaryOperator.identity();
        leafAbsent = false;
    }

    @ParameterizedTest(name = "secure origin: {0}")
    @ValueSource(booleans = {true, false})
    void theHeadEventIsProvedIncludedInTheSignedCheckpoint(boolean secure) {
        BrowserPage page = verifyOnPage(secure);

        assertThat(inclusion(page)).isEqualTo("incluido");
        assertThat(page.text("#resultado-inclusion")).isEqualTo("El último evento (" + headHash
                + ") está incluido en el punto de control firmado de tamaño " + TREE_SIZE + ".");
        assertThat(page.errors()).isEmpty();
        page.close();
    }

    @ParameterizedTest(name = "secure origin: {0}")
    @ValueSource(booleans = {true, false})
    void aTamperedProofLeadsToAnotherRootAndIsNamed(boolean secure) {
        proofTampering = proof -> {
            ArrayNode hashes = (ArrayNode) proof.get("hashes");
            String first = hashes.get(0).asString();
            hashes.set(0, (first.charAt(0) == '0' ? "1" : "0") + first.substring(1));
            return proof;
        };
        String computed = hex(MerkleTree.rootFromInclusionProof(HEAD_LEAF, TREE_SIZE,
                MerkleTree.leafHash(leafData.get(HEAD_LEAF)), tamperedProof()));

        BrowserPage page = verifyOnPage(secure);

        assertThat(inclusion(page)).isEqualTo("raiz-distinta");
        assertThat(page.text("#resultado-inclusion")).isEqualTo("La prueba lleva a la raíz " + computed
                + ", no a la raíz firmada " + hex(root()) + " (tamaño " + TREE_SIZE + ").");
        page.close();
    }

    @Test
    void aProofCutShortIsInvalid() {
        proofTampering = proof -> {
            ((ArrayNode) proof.get("hashes")).remove(proof.get("hashes").size() - 1);
            return proof;
        };

        BrowserPage page = verifyOnPage(true);

        assertThat(inclusion(page)).isEqualTo("prueba-invalida");
        assertThat(page.text("#resultado-inclusion")).startsWith("La prueba para el tamaño 13 no es válida (");
        page.close();
    }

    @Test
    void aProofForAnotherTreeSizeIsRefused() {
        proofTampering = proof -> proof.put("treeSize", TREE_SIZE - 1);

        BrowserPage page = verifyOnPage(true);

        assertThat(inclusion(page)).isEqualTo("tamano-distinto");
        assertThat(page.text("#resultado-inclusion")).isEqualTo("Se pidió el tamaño 13 y llegó el 12.");
        page.close();
    }

    @Test
    void aLogWithoutTheLeafIsSaidToBeUnableToProveIt() {
        leafAbsent = true;

        BrowserPage page = verifyOnPage(true);

        assertThat(inclusion(page)).isEqualTo("no-incluido");
        assertThat(page.text("#resultado-inclusion")).isEqualTo("El servicio de comandos no tiene " + headHash
                + " en el árbol de tamaño 13 (respondió 404).");
        page.close();
    }

    /** Every leaf of every tree of 1 to 17 leaves: Java's proof verifies in the browser; one flipped byte does not. */
    @ParameterizedTest(name = "secure origin: {0}")
    @ValueSource(booleans = {true, false})
    void everyProofOfEverySmallTreeVerifiesAsJavaComputesItAndATamperedOneDoesNot(boolean secure) {
        Random random = new Random(6962);
        ArrayNode cases = EventJson.mapper().createArrayNode();
        for (int size = 1; size <= 17; size++) {
            List<byte[]> data = randomLeaves(size, random);
            Map<MerkleTree.NodeId, byte[]> nodes = nodes(data);
            String root = hex(MerkleTree.root(size, nodes(nodes)));
            for (int index = 0; index < size; index++) {
                ObjectNode c = cases.addObject();
                c.put("hash", hex(data.get(index))).put("index", index).put("size", size).put("root", root);
                ArrayNode proof = c.putArray("proof");
                MerkleTree.inclusionProof(index, size, nodes(nodes)).forEach(h -> proof.add(hex(h)));
            }
        }
        BrowserPage page = sites.open(secure, "/compromisos/" + ID + "/historial");

        JsonNode outcomes = page.evaluate("(async () => { const cases = " + cases + "; const out = [];"
                + " for (const c of cases) {"
                + "  const good = await CompromisosInclusion.verifyInclusion(c.hash, c.index, c.size, c.proof, c.root, "
                + !secure + ");"
                + "  let bad = {included: false};"
                + "  if (c.proof.length) { const t = c.proof.slice(); const last = t.length - 1;"
                + "   t[last] = (t[last][63] === '0' ? t[last].slice(0, 63) + '1' : t[last].slice(0, 63) + '0');"
                + "   bad = await CompromisosInclusion.verifyInclusion(c.hash, c.index, c.size, t, c.root, " + !secure
                + "); }"
                + "  const wrongIndex = c.size > 1 ? await CompromisosInclusion.verifyInclusion(c.hash,"
                + "   (c.index + 1) % c.size, c.size, c.proof, c.root, " + !secure + ") : {included: false};"
                + "  out.push([good.included, bad.included, wrongIndex.included]); }"
                + " return out; })()");

        assertThat(outcomes).hasSize(cases.size()).hasSize(153);
        for (int i = 0; i < cases.size(); i++) {
            JsonNode c = cases.get(i);
            String which = "leaf " + c.get("index").asInt() + " of " + c.get("size").asInt();
            assertThat(outcomes.get(i).get(0).asBoolean()).as("honest proof of %s", which).isTrue();
            assertThat(outcomes.get(i).get(1).asBoolean()).as("tampered proof of %s", which).isFalse();
            assertThat(outcomes.get(i).get(2).asBoolean()).as("proof of %s for another index", which).isFalse();
        }
        page.close();
    }

    private static BrowserPage verifyOnPage(boolean secure) {
        BrowserPage page = sites.open(secure, "/compromisos/" + ID + "/historial");
        page.waitUntil("!document.getElementById('verificar').hidden", Duration.ofSeconds(10));
        page.click("#verificar");
        page.waitUntil("document.getElementById('resultado-inclusion').dataset.inclusion", Duration.ofSeconds(30));
        assertThat(page.evaluate("document.getElementById('resultado-verificacion').dataset.resultado").asString())
                .isEqualTo("integro");
        return page;
    }

    private static String inclusion(BrowserPage page) {
        return page.evaluate("document.getElementById('resultado-inclusion').dataset.inclusion").asString();
    }

    /** A three-event chain whose head is leaf {@value #HEAD_LEAF} of a {@value #TREE_SIZE}-leaf log. */
    private static void history() {
        StringBuilder json = new StringBuilder("{\"commitmentId\":\"" + ID + "\",\"events\":[");
        String prev = HashChain.GENESIS;
        for (int sequence = 0; sequence < 3; sequence++) {
            String occurredAt = "2025-03-0" + (sequence + 1) + "T12:00:00.000Z";
            String payload = "{\"percent\":" + (sequence * 10) + "}";
            String hash = HashChain.hash(prev, ID, sequence, "ProgressReported", occurredAt, "ana.lopez",
                    EventJson.readTree(payload));
            json.append(sequence == 0 ? "" : ",").append("{\"sequence\":").append(sequence)
                    .append(",\"type\":\"ProgressReported\",\"occurredAt\":\"").append(occurredAt)
                    .append("\",\"actor\":\"ana.lopez\",\"payload\":").append(payload)
                    .append(",\"prevHash\":\"").append(prev).append("\",\"hash\":\"").append(hash).append("\"}");
            prev = hash;
        }
        historyJson = json.append("]}").toString();
        headHash = prev;
        leafData = randomLeaves(TREE_SIZE, new Random(9162));
        leafData.set(HEAD_LEAF, HexFormat.of().parseHex(headHash));
    }

    private static List<byte[]> randomLeaves(int size, Random random) {
        List<byte[]> data = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            byte[] leaf = new byte[32];
            random.nextBytes(leaf);
            data.add(leaf);
        }
        return data;
    }

    /** Every complete subtree of the leaves, by RFC 6962's definition, as the log's store would hold them. */
    private static Map<MerkleTree.NodeId, byte[]> nodes(List<byte[]> data) {
        Map<MerkleTree.NodeId, byte[]> nodes = new HashMap<>();
        for (int i = 0; i < data.size(); i++) {
            nodes.put(new MerkleTree.NodeId(0, i), MerkleTree.leafHash(data.get(i)));
        }
        for (int level = 1; (1L << level) <= data.size(); level++) {
            for (long index = 0; (index + 1) << level <= data.size(); index++) {
                nodes.put(new MerkleTree.NodeId(level, index), MerkleTree.nodeHash(
                        nodes.get(new MerkleTree.NodeId(level - 1, 2 * index)),
                        nodes.get(new MerkleTree.NodeId(level - 1, 2 * index + 1))));
            }
        }
        return nodes;
    }

    private static MerkleTree.Nodes nodes(Map<MerkleTree.NodeId, byte[]> nodes) {
        return MerkleTree.fetched(nodes);
    }

    private static byte[] root() {
        return MerkleTree.root(TREE_SIZE, nodes(nodes(leafData)));
    }

    private static ObjectNode proof() {
        ObjectNode proof = EventJson.mapper().createObjectNode();
        proof.put("leafIndex", HEAD_LEAF).put("treeSize", TREE_SIZE);
        ArrayNode hashes = proof.putArray("hashes");
        MerkleTree.inclusionProof(HEAD_LEAF, TREE_SIZE, nodes(nodes(leafData))).forEach(h -> hashes.add(hex(h)));
        return proof;
    }

    private static List<byte[]> tamperedProof() {
        List<byte[]> out = new ArrayList<>();
        proofTampering.apply(proof()).get("hashes").forEach(h -> out.add(HexFormat.of().parseHex(h.asString())));
        return out;
    }

    private static String hex(byte[] bytes) {
        return HexFormat.of().formatHex(bytes);
    }

    private static void servePortal(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        if (path.equals("/recursos/js/verificar.js")) {
            sites.respond(exchange, 200, "text/javascript; charset=utf-8", resource("portal/assets/js/verificar.js"));
        } else if (path.equals("/recursos/js/inclusion.js")) {
            sites.respond(exchange, 200, "text/javascript; charset=utf-8", resource("portal/assets/js/inclusion.js"));
        } else if (path.equals("/compromisos/" + ID + "/historial")) {
            sites.respond(exchange, 200, "text/html; charset=utf-8", resource("portal-fixture/historial-registro.html")
                    .replace("{id}", ID).replace("{commandService}", sites.commandServiceUrl())
                    .replace("{treeSize}", String.valueOf(TREE_SIZE)).replace("{rootHash}", hex(root()))
                    .replace("{headHash}", headHash));
        } else if (path.equals("/api/v1/commitments/" + ID + "/history")) {
            sites.respond(exchange, 200, "application/json", historyJson);
        } else {
            sites.respond(exchange, 404, "text/plain", "no");
        }
    }

    private static void serveCommandService(HttpExchange exchange) throws IOException {
        String origin = exchange.getRequestHeaders().getFirst("Origin");
        if (origin != null) {
            exchange.getResponseHeaders().set("Access-Control-Allow-Origin", origin);
            exchange.getResponseHeaders().set("Vary", "Origin");
        }
        String path = exchange.getRequestURI().getPath();
        String query = exchange.getRequestURI().getQuery();
        if (path.equals("/api/v1/commitments/" + ID + "/integrity")) {
            sites.respond(exchange, 200, "application/json", "{\"commitmentId\":\"" + ID
                    + "\",\"valid\":true,\"events\":3,\"headHash\":\"" + headHash + "\"}");
        } else if (path.equals("/api/v1/log/proof/inclusion")
                && ("hash=" + headHash + "&treeSize=" + TREE_SIZE).equals(query) && !leafAbsent) {
            sites.respond(exchange, 200, "application/json",
                    EventJson.mapper().writeValueAsString(proofTampering.apply(proof())));
        } else {
            sites.respond(exchange, 404, "application/problem+json", "{\"status\":404}");
        }
    }
}
