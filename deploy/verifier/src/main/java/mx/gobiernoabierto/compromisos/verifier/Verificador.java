package mx.gobiernoabierto.compromisos.verifier;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.JsonNode;

import mx.gobiernoabierto.compromisos.events.chain.HashChain;
import mx.gobiernoabierto.compromisos.events.log.Checkpoint;
import mx.gobiernoabierto.compromisos.events.log.Ed25519Keys;
import mx.gobiernoabierto.compromisos.events.log.MerkleTree;
import mx.gobiernoabierto.compromisos.events.log.SignedNote;

/**
 * The auditor's verifier of the transparency log, run with nothing but a JDK:
 *
 * <pre>
 * java -jar verificador.jar compromiso --punto-de-control=checkpoint.txt --clave=public-key.json \
 *      --historial=https://consulta.example/api/v1/commitments/ID/history --registro=https://comandos.example
 * java -jar verificador.jar consistencia --anterior=checkpoint-viejo.txt [--posterior=checkpoint-nuevo.txt] \
 *      --clave=public-key.json --registro=https://comandos.example
 * </pre>
 *
 * Every input is a file or an {@code http(s)} URL. It prints each check in Spanish (with the technical terms), then a
 * verdict, and exits 0 only when everything was proved (1 when something could not be proved, 2 for bad usage).
 */
public final class Verificador {

    static final String USAGE = """
            Uso:
              java -jar verificador.jar compromiso --punto-de-control=ARCHIVO|URL --clave=ARCHIVO|URL
                                                   --historial=ARCHIVO|URL --registro=URL
                Verifica la firma del punto de control guardado (checkpoint), recalcula la cadena de hashes
                (hash chain) del historial de un compromiso y prueba la inclusión (inclusion proof) de cada
                uno de sus eventos en el árbol de Merkle del punto de control; además prueba que el registro
                actual extiende al punto de control guardado (consistency proof).
              java -jar verificador.jar consistencia --anterior=ARCHIVO|URL [--posterior=ARCHIVO|URL]
                                                     --clave=ARCHIVO|URL --registro=URL
                Verifica las firmas de dos puntos de control y prueba que el posterior extiende al anterior.
                Sin --posterior se usa el punto de control actual del registro.

              --clave      la clave pública del registro: la respuesta JSON de /api/v1/log/public-key, un PEM
                           (PUBLIC KEY) o la clave de verificación de signed-note (nombre+id+base64)
              --registro   la dirección del servicio de comandos, p. ej. http://localhost:8081
              --historial  el historial del compromiso: /api/v1/commitments/{id}/history del servicio de consulta
            Sale con 0 si todo quedó probado, 1 si algo no se pudo probar, 2 si el uso es incorrecto.""";

    private Verificador() {
    }

    public static void main(String[] args) {
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        System.exit(run(args, out));
    }

    /** Runs the verifier as {@link #main} does, printing to {@code out}; returns the exit code. */
    public static int run(String[] args, PrintStream out) {
        Map<String, String> options = new LinkedHashMap<>();
        String command = args.length == 0 ? "--help" : args[0];
        for (int i = 1; i < args.length; i++) {
            String arg = args[i];
            if (!arg.startsWith("--") || !arg.contains("=")) {
                out.println("Opción no reconocida: " + arg);
                out.println(USAGE);
                return 2;
            }
            options.put(arg.substring(2, arg.indexOf('=')), arg.substring(arg.indexOf('=') + 1));
        }
        try {
            return switch (command) {
                case "compromiso" -> commitment(options, out);
                case "consistencia" -> consistency(options, out);
                case "--help", "-h", "ayuda" -> {
                    out.println(USAGE);
                    yield 0;
                }
                default -> {
                    out.println("Orden desconocida: " + command);
                    out.println(USAGE);
                    yield 2;
                }
            };
        } catch (UsageException e) {
            out.println(e.getMessage());
            out.println(USAGE);
            return 2;
        }
    }

    private static int commitment(Map<String, String> options, PrintStream out) {
        String checkpointAt = required(options, "punto-de-control");
        String keyAt = required(options, "clave");
        String historyAt = required(options, "historial");
        Log log = new Log(required(options, "registro"));
        Report report = new Report(out);

        report.section("1. Punto de control guardado (checkpoint) y su firma (signed note, Ed25519)");
        Signed saved = openCheckpoint(report, "guardado", checkpointAt, keyAt);
        if (saved == null) {
            return report.verdict("sin un punto de control con firma válida no se puede probar nada");
        }

        report.section("2. Historial del compromiso y su cadena de hashes (hash chain)");
        JsonNode history;
        try {
            history = Sources.json(historyAt);
        } catch (SourceException e) {
            report.fail("No se pudo leer el historial de " + historyAt + ": " + e.getMessage());
            return report.verdict("no se pudo leer el historial");
        }
        String commitmentId = history.path("commitmentId").asString("");
        List<JsonNode> events = new ArrayList<>();
        history.path("events").forEach(events::add);
        List<HashChain.Link> links = events.stream().map(Verificador::link).toList();
        HashChain.Verification chain = HashChain.verify(commitmentId, links);
        if (events.isEmpty()) {
            report.fail("El historial de " + historyAt + " no tiene eventos");
        } else if (chain.valid()) {
            report.ok("Compromiso " + commitmentId + ": la cadena de " + chain.events() + " eventos se recalculó y "
                    + "coincide; hash de cabeza (head hash) " + chain.headHash());
        } else {
            report.fail("Compromiso " + commitmentId + ": la cadena de hashes no se sostiene desde el evento con "
                    + "secuencia " + chain.firstInvalidSequence() + " (su hash o su prevHash no es el recalculado)");
        }

        report.section("3. El registro actual extiende al punto de control guardado (consistency proof, RFC 6962)");
        Signed current = openCheckpoint(report, "actual del registro", log.base() + "/api/v1/log/checkpoint", keyAt);
        boolean consistent = current != null && proveConsistency(report, log, saved.checkpoint(), current.checkpoint());

        report.section("4. Inclusión de cada evento en el árbol (inclusion proof, RFC 6962)");
        long size = saved.checkpoint().size();
        for (JsonNode event : events) {
            String hash = event.path("hash").asString("");
            String name = "evento " + event.path("sequence").asString("?") + " (" + event.path("type").asString("?")
                    + ", " + event.path("occurredAt").asString("?") + ", hash " + hash + ")";
            if (!hash.matches("[0-9a-f]{64}")) {
                report.fail(name + ": no trae un hash de 64 dígitos hexadecimales");
                continue;
            }
            byte[] leafHash = MerkleTree.leafHash(HexFormat.of().parseHex(hash));
            Log.Answer answer = log.inclusion(hash, size);
            if (answer.ok()) {
                long index = answer.json().path("leafIndex").asLong(-1);
                if (MerkleTree.verifyInclusion(index, size, leafHash, hashes(answer.json()), saved.checkpoint().rootHash())) {
                    report.ok(name + ": incluido en la hoja (leaf) " + index + " del árbol de tamaño " + size);
                } else {
                    report.fail(name + ": la prueba de inclusión que da el registro no lleva a la raíz del punto de "
                            + "control guardado; no se pudo probar que esté en el árbol de tamaño " + size);
                }
                continue;
            }
            if (answer.status() == 404 && current != null && consistent && current.checkpoint().size() > size) {
                long currentSize = current.checkpoint().size();
                Log.Answer later = log.inclusion(hash, currentSize);
                long index = later.ok() ? later.json().path("leafIndex").asLong(-1) : -1;
                if (later.ok() && index >= size && MerkleTree.verifyInclusion(index, currentSize, leafHash,
                        hashes(later.json()), current.checkpoint().rootHash())) {
                    report.info(name + ": posterior al punto de control guardado; incluido en la hoja " + index
                            + " del registro actual (tamaño " + currentSize + ")");
                    continue;
                }
            }
            report.fail(name + ": no se pudo probar su inclusión en el punto de control guardado (tamaño " + size
                    + "): " + answer.describe());
        }
        return report.verdict(null);
    }

    private static int consistency(Map<String, String> options, PrintStream out) {
        String olderAt = required(options, "anterior");
        String keyAt = required(options, "clave");
        Log log = new Log(required(options, "registro"));
        String newerAt = options.getOrDefault("posterior", log.base() + "/api/v1/log/checkpoint");
        Report report = new Report(out);

        report.section("1. Los dos puntos de control (checkpoints) y sus firmas (signed note, Ed25519)");
        Signed older = openCheckpoint(report, "anterior", olderAt, keyAt);
        Signed newer = openCheckpoint(report, "posterior", newerAt, keyAt);
        if (older == null || newer == null) {
            return report.verdict("sin dos puntos de control con firma válida no se puede probar la consistencia");
        }
        report.section("2. El posterior extiende al anterior (consistency proof, RFC 6962)");
        Checkpoint first = older.checkpoint();
        Checkpoint second = newer.checkpoint();
        proveConsistency(report, log, first, second);
        return report.verdict(null);
    }

    /** Proves that {@code second} extends {@code first}, reporting the outcome; {@code true} if proved. */
    private static boolean proveConsistency(Report report, Log log, Checkpoint first, Checkpoint second) {
        String sizes = "del tamaño " + first.size() + " al " + second.size();
        if (second.size() < first.size()) {
            report.fail("El punto de control posterior tiene " + second.size() + " hojas, menos que las " + first.size()
                    + " del anterior, y un registro solo crece: el registro fue recortado (truncated) después de firmar "
                    + "el de " + first.size() + " hojas (o los puntos de control se dieron en orden inverso)");
            return false;
        }
        if (first.size() == second.size()) {
            if (java.util.Arrays.equals(first.rootHash(), second.rootHash())) {
                report.ok("Ambos puntos de control tienen " + first.size() + " hojas y la misma raíz (root hash)");
                return true;
            }
            report.fail("Dos puntos de control firmados con " + first.size() + " hojas y raíces distintas ("
                    + first.rootBase64() + " y " + second.rootBase64() + "): el registro mostró dos historias "
                    + "distintas (bifurcación, fork)");
            return false;
        }
        Log.Answer answer = log.consistency(first.size(), second.size());
        if (!answer.ok()) {
            report.fail("No se pudo obtener la prueba de consistencia " + sizes + ": " + answer.describe()
                    + (answer.status() == 400 ? " (el registro ya no tiene ese tamaño: se recortó)" : ""));
            return false;
        }
        if (MerkleTree.verifyConsistency(first.size(), second.size(), first.rootHash(), second.rootHash(),
                hashes(answer.json()))) {
            report.ok("El árbol de " + second.size() + " hojas contiene sin cambios al de " + first.size()
                    + " (prueba de consistencia " + sizes + " verificada)");
            return true;
        }
        report.fail("La prueba de consistencia " + sizes + " no verifica: el registro no es una extensión del punto "
                + "de control de " + first.size() + " hojas; fue reescrito o recortado después de firmarlo");
        return false;
    }

    /** A checkpoint whose signature verified, or {@code null} after reporting why not. */
    private static Signed openCheckpoint(Report report, String which, String noteAt, String keyAt) {
        String note;
        try {
            note = Sources.text(noteAt);
        } catch (SourceException e) {
            report.fail("No se pudo leer el punto de control " + which + " de " + noteAt + ": " + e.getMessage());
            return null;
        }
        SignedNote.VerifierKey key;
        try {
            key = Keys.read(Sources.text(keyAt), originOf(note));
        } catch (SourceException | IllegalArgumentException e) {
            report.fail("No se pudo leer la clave pública de " + keyAt + ": " + e.getMessage());
            return null;
        }
        try {
            Checkpoint checkpoint = Checkpoint.open(note, key);
            report.ok("Punto de control " + which + ": firma válida de la clave " + key.name() + "+" + key.keyId()
                    + "; origen (origin) " + checkpoint.origin() + ", tamaño del árbol (tree size) " + checkpoint.size()
                    + ", raíz (root hash) " + checkpoint.rootBase64());
            return new Signed(checkpoint, note);
        } catch (IllegalArgumentException e) {
            report.fail("Punto de control " + which + " (" + noteAt + "): la firma no verifica o no es un punto de "
                    + "control: " + e.getMessage());
            return null;
        }
    }

    private static String originOf(String note) {
        int end = note.indexOf('\n');
        return end < 0 ? note : note.substring(0, end);
    }

    private static HashChain.Link link(JsonNode event) {
        return new HashChain.Link(event.path("sequence").asLong(-1), event.path("type").asString(""),
                event.path("occurredAt").asString(""), event.path("actor").asString(""), event.path("payload"),
                event.path("prevHash").asString(""), event.path("hash").asString(""));
    }

    private static List<byte[]> hashes(JsonNode proof) {
        List<byte[]> hashes = new ArrayList<>();
        for (JsonNode hash : proof.path("hashes")) {
            String hex = hash.asString("");
            hashes.add(hex.matches("([0-9a-fA-F]{2})*") ? HexFormat.of().parseHex(hex) : new byte[0]);
        }
        return hashes;
    }

    private static String required(Map<String, String> options, String name) {
        String value = options.get(name);
        if (value == null || value.isBlank()) {
            throw new UsageException("Falta --" + name + "=...");
        }
        return value;
    }

    private record Signed(Checkpoint checkpoint, String note) {
    }

    private static final class UsageException extends RuntimeException {
        UsageException(String message) {
            super(message);
        }
    }

    /** The verifier key the auditor holds: JSON of /public-key, a PEM public key (named after the origin), or a vkey. */
    static final class Keys {
        private Keys() {
        }

        static SignedNote.VerifierKey read(String text, String origin) {
            String trimmed = text.strip();
            if (trimmed.startsWith("{")) {
                JsonNode json = Sources.parse(trimmed);
                return SignedNote.parseVerifierKey(json.path("verifierKey").asString(""));
            }
            if (trimmed.contains("-----BEGIN PUBLIC KEY-----")) {
                byte[] raw = Ed25519Keys.rawPublicKey(Ed25519Keys.readPublicPem(trimmed));
                return SignedNote.parseVerifierKey(SignedNote.verifierKey(origin, raw));
            }
            return SignedNote.parseVerifierKey(trimmed);
        }
    }
}
