package mx.gobiernoabierto.compromisos.command.transparency;

import java.util.HexFormat;
import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import mx.gobiernoabierto.compromisos.command.domain.InvalidInputException;
import mx.gobiernoabierto.compromisos.command.web.ProblemTypes;

/** The transparency log's public face: the latest signed checkpoint, the key that signs it, and the proofs. */
@RestController
class TransparencyLogController {


    private final TreeStore tree;
    private final Checkpoints checkpoints;
    private final SigningKey key;

    TransparencyLogController(TreeStore tree, Checkpoints checkpoints, SigningKey key) {
        this.tree = tree;
        this.checkpoints = checkpoints;
        this.key = key;
    }

    @GetMapping(path = "/api/v1/log/checkpoint", produces = "text/plain;charset=UTF-8")
    String checkpoint() {
        return checkpoints.latestOrSign().note();
    }

    @GetMapping("/api/v1/log/public-key")
    PublicKeyResponse publicKey() {
        return new PublicKeyResponse(key.origin(), "Ed25519", key.keyId(), key.publicKeyPem(), key.verifierKey());
    }

    @GetMapping("/api/v1/log/proof/inclusion")
    ResponseEntity<?> inclusion(@RequestParam(required = false) String hash, @RequestParam(required = false) String treeSize) {
        byte[] eventHash = eventHash(hash);
        long size = count("treeSize", treeSize);
        long logSize = tree.size();
        if (size < 1 || size > logSize) {
            throw new InvalidInputException("treeSize", "must be from 1 to the log's size, " + logSize);
        }
        var index = tree.indexOf(eventHash).filter(i -> i < size);
        if (index.isEmpty()) {
            return ResponseEntity.status(HttpStatus.NOT_FOUND).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .body(ProblemTypes.problem(HttpStatus.NOT_FOUND, ProblemTypes.NOT_FOUND, "no event with hash "
                            + HexFormat.of().formatHex(eventHash) + " among the first " + size + " leaves of the log"));
        }
        return ResponseEntity.ok(new InclusionProof(index.get(), size, hex(tree.inclusionProof(index.get(), size))));
    }

    @GetMapping("/api/v1/log/proof/consistency")
    ConsistencyProof consistency(@RequestParam(required = false) String from, @RequestParam(required = false) String to) {
        long fromSize = count("from", from);
        long toSize = count("to", to);
        long logSize = tree.size();
        if (toSize > logSize) {
            throw new InvalidInputException("to", "must be at most the log's size, " + logSize);
        }
        if (fromSize > toSize) {
            throw new InvalidInputException("from", "must be at most to");
        }
        return new ConsistencyProof(fromSize, toSize, hex(tree.consistencyProof(fromSize, toSize)));
    }

    private static byte[] eventHash(String hash) {
        if (hash == null || !hash.matches("[0-9a-fA-F]{64}")) {
            throw new InvalidInputException("hash", "must be an event's hash: 64 hexadecimal digits");
        }
        return HexFormat.of().parseHex(hash);
    }

    private static long count(String field, String value) {
        if (value == null || !value.matches("0|[1-9][0-9]{0,17}")) {
            throw new InvalidInputException(field, "must be a tree size: a whole number from 0");
        }
        return Long.parseLong(value);
    }

    private static List<String> hex(List<byte[]> hashes) {
        return hashes.stream().map(HexFormat.of()::formatHex).toList();
    }

    record PublicKeyResponse(String origin, String algorithm, String keyId, String publicKeyPem, String verifierKey) {
    }

    record InclusionProof(long leafIndex, long treeSize, List<String> hashes) {
    }

    record ConsistencyProof(long from, long to, List<String> hashes) {
    }
}
