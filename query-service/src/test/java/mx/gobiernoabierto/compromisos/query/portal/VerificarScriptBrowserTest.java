package mx.gobiernoabierto.compromisos.query.portal;

import static mx.gobiernoabierto.compromisos.query.portal.ScriptTestSites.resource;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Collectors;

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

import mx.gobiernoabierto.compromisos.events.chain.CanonicalJson;
import mx.gobiernoabierto.compromisos.events.chain.HashChain;
import mx.gobiernoabierto.compromisos.events.golden.GoldenSamples;
import mx.gobiernoabierto.compromisos.events.wire.EventJson;
import mx.gobiernoabierto.compromisos.events.wire.EventTypes;
import mx.gobiernoabierto.compromisos.infrastructure.browser.BrowserPage;

/**
 * {@code verificar.js} in a real headless Chromium, on a page that keeps the portal's contract (the
 * {@code #verificacion} section, events as {@code #evento-N}, {@code script-src 'self'}), against the frozen golden
 * samples of {@code shared-events}: the chain the browser recomputes must be the chain Java computes, byte for
 * byte, with Web Crypto (on {@code 127.0.0.1}, a secure context) and with the script's own SHA-256 (on
 * {@code http://portal.prueba}, which is not).
 */
class VerificarScriptBrowserTest {

    private static final String SCRIPT = "portal/assets/js/verificar.js";
    private static final String GOLDEN_ID = "4dd3f60b-de88-4ff3-a07a-076f338b436f";

    private static ScriptTestSites sites;

    private static volatile String commitmentId;
    private static volatile String historyJson;
    private static volatile String integrityJson;
    private static volatile boolean commandServiceAllowsCors;

    @BeforeAll
    static void start() throws IOException {
        sites = new ScriptTestSites(VerificarScriptBrowserTest::servePortal,
                VerificarScriptBrowserTest::serveCommandService);
    }

    @AfterAll
    static void stop() {
        if (sites != null) {
            sites.close();
        }
    }

    @BeforeEach
    void goldenHistory() {
        serve(GOLDEN_ID, goldenEvents());
        commandServiceAllowsCors = true;
    }

    @ParameterizedTest(name = "secure origin: {0}")
    @ValueSource(booleans = {true, false})
    void theGoldenHistoryIsIntactAndItsHeadIsTheCommandServicesHead(boolean secure) {
        ArrayNode events = goldenEvents();
        String head = events.get(events.size() - 1).get("hash").asString();

        BrowserPage page = verifyOnPage(secure);

        assertThat(page.evaluate("document.getElementById('resultado-verificacion').dataset.metodo").asString())
                .isEqualTo(secure ? "webcrypto" : "js");
        assertThat(result(page, "resultado")).isEqualTo("integro");
        assertThat(page.text("#resultado-verificacion"))
                .contains("Historial íntegro: los 16 eventos enlazan; hash de cabeza " + head + ".")
                .contains(secure ? "Web Crypto" : "no está en un origen seguro")
                .contains("El servicio de comandos confirma el mismo hash de cabeza.");
        assertThat(result(page, "comandos")).isEqualTo("coincide");
        assertThat(page.evaluate("document.querySelectorAll('.evento-alterado').length").asInt()).isZero();
        assertThat(page.errors()).isEmpty();
        page.close();
    }

    @ParameterizedTest(name = "secure origin: {0}")
    @ValueSource(booleans = {true, false})
    void anAlteredPayloadIsNamedWithItsSequenceTypeAndTheExpectedAndFoundHashes(boolean secure) {
        ArrayNode events = goldenEvents();
        ObjectNode altered = (ObjectNode) events.get(9);
        ((ObjectNode) altered.get("payload")).put("percent", 95);
        serve(GOLDEN_ID, events);
        String expected = HashChain.hash(altered.get("prevHash").asString(), GOLDEN_ID, 9,
                altered.get("type").asString(), altered.get("occurredAt").asString(), altered.get("actor").asString(),
                altered.get("payload"));

        BrowserPage page = verifyOnPage(secure);

        assertThat(result(page, "resultado")).isEqualTo("alterado");
        assertThat(result(page, "evento")).isEqualTo("9");
        assertThat(page.text("#resultado-verificacion")).contains("El evento 9 (" + altered.get("type").asString()
                + ") no coincide: se esperaba el hash " + expected + " y se encontró "
                + altered.get("hash").asString() + ".");
        assertThat(page.evaluate("Array.from(document.querySelectorAll('.evento-alterado')).map(e => e.id)")
                .toString()).isEqualTo("[\"evento-9\"]");
        assertThat(page.text("#evento-9")).startsWith("No coincide");
        assertThat(page.errors()).isEmpty();
        page.close();
    }

    @Test
    void aRemovedEventIsCaughtWhereTheSequenceJumps() {
        ArrayNode events = goldenEvents();
        events.remove(5);
        serve(GOLDEN_ID, events);

        BrowserPage page = verifyOnPage(true);

        assertThat(result(page, "resultado")).isEqualTo("alterado");
        assertThat(result(page, "evento")).isEqualTo("6");
        assertThat(page.text("#resultado-verificacion"))
                .contains("El evento en la posición 5 (" + events.get(5).get("type").asString()
                        + ") tiene la secuencia 6; se esperaba 5.");
        page.close();
    }

    @Test
    void anEventThatDoesNotLinkToTheOneBeforeIsCaughtThoughItsOwnHashHolds() {
        ArrayNode events = goldenEvents();
        ObjectNode relinked = (ObjectNode) events.get(3);
        String wrongPrev = events.get(1).get("hash").asString();
        relinked.put("prevHash", wrongPrev);
        relinked.put("hash", HashChain.hash(wrongPrev, GOLDEN_ID, 3, relinked.get("type").asString(),
                relinked.get("occurredAt").asString(), relinked.get("actor").asString(), relinked.get("payload")));
        serve(GOLDEN_ID, events);

        BrowserPage page = verifyOnPage(false);

        assertThat(result(page, "evento")).isEqualTo("3");
        assertThat(page.text("#resultado-verificacion")).contains("no enlaza con el anterior: se esperaba el hash previo "
                + events.get(2).get("hash").asString() + " y se encontró " + wrongPrev);
        page.close();
    }

    @Test
    void aCommandServiceWithAnotherHeadIsReported() {
        String other = "ab".repeat(32);
        integrityJson = "{\"commitmentId\":\"" + GOLDEN_ID + "\",\"valid\":true,\"events\":17,\"headHash\":\"" + other
                + "\",\"firstInvalidSequence\":null}";

        BrowserPage page = verifyOnPage(true);

        assertThat(result(page, "resultado")).isEqualTo("integro");
        assertThat(result(page, "comandos")).isEqualTo("difiere");
        assertThat(page.text("#resultado-verificacion"))
                .contains("El servicio de comandos informa otro hash de cabeza: " + other + ".");
        page.close();
    }

    @Test
    void aCommandServiceThatRefusesTheOriginIsSaidToBeUnreachable() {
        commandServiceAllowsCors = false;

        BrowserPage page = verifyOnPage(true);

        assertThat(result(page, "resultado")).isEqualTo("integro");
        assertThat(result(page, "comandos")).isEqualTo("inaccesible");
        assertThat(page.text("#resultado-verificacion")).contains("No se pudo consultar el servicio de comandos ("
                + sites.commandServiceUrl() + "/api/v1/commitments/" + GOLDEN_ID + "/integrity).");
        page.close();
    }

    @Test
    void theButtonStaysHiddenUntilTheScriptRunsAndThePageHasNoInlineScript() {
        String html = fixture(GOLDEN_ID);
        assertThat(html).contains("<button type=\"button\" id=\"verificar\" hidden>");
        assertThat(html.replace("<script src=\"/recursos/js/verificar.js\" defer></script>", "")).doesNotContain("<script");

        BrowserPage page = sites.open(true, "/compromisos/" + GOLDEN_ID + "/historial");

        page.waitUntil("!document.getElementById('verificar').hidden", Duration.ofSeconds(10));
        page.close();
    }

    @Test
    void everyEcmaScriptNumberEdgeCaseAndTheRfcExampleCanonicalizeAsJavaDoes() throws Exception {
        List<String> bits = new ArrayList<>();
        List<String> expected = new ArrayList<>();
        for (String line : resource("canonical/ecmascript-numbers.csv").split("\n")) {
            if (!line.isBlank() && !line.startsWith("#")) {
                bits.add(line.split(",")[0]);
                expected.add(line.split(",", 2)[1].strip());
            }
        }
        // Java writes the doubles its own way (4.9E-324, 1.0E21, ...); both sides must reach the ES form
        String javaText = bits.stream().map(b -> Double.toString(Double.longBitsToDouble(Long.parseUnsignedLong(b, 16))))
                .collect(Collectors.joining(",", "[", "]"));
        String rfcInput = resource("canonical/rfc8785-example-input.json");
        String sorting = "{\"\\u20ac\":\"Euro Sign\",\"\\r\":\"Carriage Return\",\"\\ufb33\":\"Hebrew Letter Dalet With Dagesh\","
                + "\"1\":\"One\",\"\\ud83d\\ude00\":\"Emoji: Grinning Face\",\"\\u0080\":\"Control\","
                + "\"\\u00f6\":\"Latin Small Letter O With Diaeresis\",\"nested\":{\"b\":[-0,0.1,1e21,1e-7,9007199254740993],\"a\":\"\\u0007\\t\"}}";
        BrowserPage page = sites.open(true, "/compromisos/" + GOLDEN_ID + "/historial");

        String numbers = canonicalizeInBrowser(page, javaText);
        String rfc = canonicalizeInBrowser(page, rfcInput);
        String sorted = canonicalizeInBrowser(page, sorting);

        assertThat(bits).hasSizeGreaterThan(1000);
        assertThat(numbers).isEqualTo(String.join(",", expected).transform(s -> "[" + s + "]"))
                .isEqualTo(CanonicalJson.canonicalize(EventJson.readTree(javaText)));
        assertThat(rfc).isEqualTo(resource("canonical/rfc8785-example-output.json").strip())
                .isEqualTo(CanonicalJson.canonicalize(EventJson.readTree(rfcInput)));
        assertThat(sorted).isEqualTo(CanonicalJson.canonicalize(EventJson.readTree(sorting)))
                .startsWith("{\"\\r\":\"Carriage Return\",\"1\":\"One\","
                        + "\"nested\":{\"a\":\"\\u0007\\t\",\"b\":[0,0.1,1e+21,1e-7,9007199254740992]},\"\u0080\":\"Control\"")
                // U+1F600 (surrogates D83D DE00) before U+FB33: code units, not code points
                .endsWith("\"\ud83d\ude00\":\"Emoji: Grinning Face\",\"\ufb33\":\"Hebrew Letter Dalet With Dagesh\"}");
        page.close();
    }

    @ParameterizedTest(name = "secure origin: {0}")
    @ValueSource(booleans = {true, false})
    void aHistoryWhosePayloadsHoldNumberEdgeCasesVerifiesAsJavaHashedIt(boolean secure) {
        String id = "7a0c3c8e-1f43-4c36-9a53-3f0d1a1b9e21";
        List<String> payloads = List.of(
                "{\"value\":333333333.33333329,\"big\":1E30,\"half\":4.50,\"small\":2e-3,\"tiny\":0.000000000000000000000000001}",
                "{\"edge\":[1e21,1e20,123456789012345680000,1e-7,0.000001,-0,5e-324,1.7976931348623157e308],\"ñandú\":\"ave\"}",
                "{\"€\":1,\"\\r\":2,\"\\ufb33\":3,\"\\ud83d\\ude00\":4,\"texto\":\"línea\\nnueva \\\"citada\\\" \\\\ \\u001f fin\"}");
        StringBuilder history = new StringBuilder("{\"commitmentId\":\"" + id + "\",\"events\":[");
        String prev = HashChain.GENESIS;
        for (int sequence = 0; sequence < payloads.size(); sequence++) {
            String occurredAt = "2025-03-0" + (sequence + 1) + "T12:00:00.00" + sequence + "Z";
            String hash = HashChain.hash(prev, id, sequence, "MeasurementRecorded", occurredAt, "usr-jal-editor-01",
                    EventJson.readTree(payloads.get(sequence)));
            history.append(sequence == 0 ? "" : ",").append("{\"sequence\":").append(sequence)
                    .append(",\"type\":\"MeasurementRecorded\",\"occurredAt\":\"").append(occurredAt)
                    .append("\",\"actor\":\"usr-jal-editor-01\",\"payload\":").append(payloads.get(sequence))
                    .append(",\"prevHash\":\"").append(prev).append("\",\"hash\":\"").append(hash).append("\"}");
            prev = hash;
        }
        commitmentId = id;
        historyJson = history.append("]}").toString();
        integrityJson = "{\"commitmentId\":\"" + id + "\",\"valid\":true,\"events\":3,\"headHash\":\"" + prev + "\"}";

        BrowserPage page = verifyOnPage(secure);

        assertThat(result(page, "resultado")).isEqualTo("integro");
        assertThat(page.text("#resultado-verificacion")).contains("los 3 eventos", prev);
        assertThat(result(page, "comandos")).isEqualTo("coincide");
        page.close();
    }

    @Test
    void theScriptsOwnSha256EqualsJavasAndWebCryptoAtEveryBlockBoundary() throws Exception {
        List<String> inputs = new ArrayList<>();
        for (int length = 0; length <= 130; length++) {
            inputs.add("a".repeat(length));
        }
        inputs.add("Ana López registró 60 % de avance en «Portal» 🇲🇽\n\t\u0000");
        inputs.add("x".repeat(1_000_000));
        ArrayNode jsonInputs = EventJson.mapper().createArrayNode();
        inputs.forEach(jsonInputs::add);
        BrowserPage page = sites.open(true, "/compromisos/" + GOLDEN_ID + "/historial");

        JsonNode hashes = page.evaluate("(async () => { const inputs = " + jsonInputs + "; const out = [];"
                + " for (const s of inputs) { out.push([CompromisosVerificacion.sha256HexJs(s),"
                + " await CompromisosVerificacion.sha256Hex(s)]); } return out; })()");

        assertThat(page.evaluate("CompromisosVerificacion.webCryptoAvailable()").asBoolean()).isTrue();
        for (int i = 0; i < inputs.size(); i++) {
            String java = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(inputs.get(i).getBytes(StandardCharsets.UTF_8)));
            assertThat(hashes.get(i).get(0).asString()).as("own SHA-256 of input %d", i).isEqualTo(java);
            assertThat(hashes.get(i).get(1).asString()).as("Web Crypto of input %d", i).isEqualTo(java);
        }
        page.close();
    }

    private static String canonicalizeInBrowser(BrowserPage page, String json) {
        return page.evaluate("CompromisosVerificacion.canonicalize(JSON.parse("
                + EventJson.mapper().writeValueAsString(json) + "))").asString();
    }

    private static BrowserPage verifyOnPage(boolean secure) {
        BrowserPage page = sites.open(secure, "/compromisos/" + commitmentId + "/historial");
        page.waitUntil("!document.getElementById('verificar').hidden", Duration.ofSeconds(10));
        page.click("#verificar");
        page.waitUntil("document.getElementById('resultado-verificacion').dataset.comandos", Duration.ofSeconds(30));
        return page;
    }

    private static String result(BrowserPage page, String data) {
        JsonNode value = page.evaluate("document.getElementById('resultado-verificacion').dataset." + data);
        return value.isMissingNode() || value.isNull() ? null : value.asString();
    }

    /** The golden commitment stream as {@code /history} lists it: sequence order, the fields of the contract. */
    private static ArrayNode goldenEvents() {
        List<JsonNode> samples = new ArrayList<>();
        for (String type : EventTypes.all().keySet()) {
            JsonNode sample = EventJson.readTree(GoldenSamples.text(type));
            if (sample.get("aggregateId").asString().equals(GOLDEN_ID)) {
                samples.add(sample);
            }
        }
        samples.sort((a, b) -> Long.compare(a.get("sequence").asLong(), b.get("sequence").asLong()));
        ArrayNode events = EventJson.mapper().createArrayNode();
        for (JsonNode sample : samples) {
            ObjectNode event = events.addObject();
            for (String field : List.of("sequence", "type", "occurredAt", "actor", "payload", "prevHash", "hash")) {
                event.set(field, sample.get(field).deepCopy());
            }
        }
        assertThat(events).hasSize(16);
        return events;
    }

    private static void serve(String id, ArrayNode events) {
        ObjectNode history = EventJson.mapper().createObjectNode();
        history.put("commitmentId", id);
        history.set("events", events);
        commitmentId = id;
        historyJson = EventJson.mapper().writeValueAsString(history);
        String head = events.get(events.size() - 1).get("hash").asString();
        integrityJson = "{\"commitmentId\":\"" + id + "\",\"valid\":true,\"events\":" + events.size()
                + ",\"headHash\":\"" + head + "\",\"firstInvalidSequence\":null}";
    }

    private static String fixture(String id) {
        StringBuilder items = new StringBuilder();
        for (JsonNode event : EventJson.readTree(historyJson).get("events")) {
            items.append("<li id=\"evento-").append(event.get("sequence").asLong()).append("\">")
                    .append(event.get("type").asString()).append("</li>");
        }
        return resource("portal-fixture/historial.html").replace("{id}", id)
                .replace("{integrityUrl}", sites.commandServiceUrl() + "/api/v1/commitments/" + id + "/integrity")
                .replace("{items}", items);
    }

    private static void servePortal(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        String id = commitmentId;
        if (path.equals("/recursos/js/verificar.js")) {
            sites.respond(exchange, 200, "text/javascript; charset=utf-8", resource(SCRIPT));
        } else if (path.equals("/compromisos/" + id + "/historial")) {
            sites.respond(exchange, 200, "text/html; charset=utf-8", fixture(id));
        } else if (path.equals("/api/v1/commitments/" + id + "/history")) {
            sites.respond(exchange, 200, "application/json", historyJson);
        } else {
            sites.respond(exchange, 404, "text/plain", "no");
        }
    }

    private static void serveCommandService(HttpExchange exchange) throws IOException {
        String origin = exchange.getRequestHeaders().getFirst("Origin");
        if (commandServiceAllowsCors && origin != null) {
            exchange.getResponseHeaders().set("Access-Control-Allow-Origin", origin);
            exchange.getResponseHeaders().set("Vary", "Origin");
        }
        if (exchange.getRequestURI().getPath().equals("/api/v1/commitments/" + commitmentId + "/integrity")) {
            sites.respond(exchange, 200, "application/json", integrityJson);
        } else {
            sites.respond(exchange, 404, "application/json", "{}");
        }
    }
}
