package mx.gobiernoabierto.compromisos.command.web;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * The problem types, documented where their {@code type} URI points ({@code /problems/{name}}), so that a client
 * who follows the link reads what went wrong and what to do.
 */
@RestController
class ProblemDocs {

    static final Map<String, String> TYPES = types();

    private static Map<String, String> types() {
        Map<String, String> types = new LinkedHashMap<>();
        types.put(ProblemTypes.VALIDATION, "400: malformed JSON, a missing or invalid field, an unknown enum value, a bad"
                + " SDG code, a bad URL, a date in the future; `errors` lists each field and what is wrong with it.");
        types.put(ProblemTypes.UNAUTHORIZED, "401: the request needs credentials (HTTP Basic or a bearer JWT; see `WWW-Authenticate`); nothing was written.");
        types.put(ProblemTypes.FORBIDDEN, "403: these credentials may not do this: plans need ADMIN, the evaluation EVALUATOR, every other command an STL_EDITOR of the commitment's STL; nothing was written.");
        types.put(ProblemTypes.NOT_FOUND, "404: no such plan, commitment, milestone, indicator or measurement.");
        types.put(ProblemTypes.INVALID_STATE, "409: the lifecycle forbids this command now (e.g. progress on a DRAFT).");
        types.put(ProblemTypes.VERSION_CONFLICT, "409: `If-Match` named another version; `currentVersion` says which"
                + " is current. Read the commitment again and decide.");
        types.put(ProblemTypes.DUPLICATE_CODE, "409: the commitment code is already used in this plan.");
        types.put(ProblemTypes.PAYLOAD_TOO_LARGE, "413: the body is larger than 1 MiB.");
        types.put(ProblemTypes.IDEMPOTENCY_KEY_REUSE, "422: this Idempotency-Key was used with another request.");
        types.put(DatabaseUnavailable.TYPE, "503: the database cannot be reached just now (down or restarting); nothing"
                + " was written. Retry after `Retry-After` seconds with the same `Idempotency-Key`.");
        types.put("internal", "500: an unexpected failure; nothing was written. Retrying is safe.");
        return types;
    }

    static String markdownTable() {
        StringBuilder table = new StringBuilder("\n| type | meaning |\n|---|---|\n");
        TYPES.forEach((name, meaning) -> table.append("| `/problems/").append(name).append("` | ")
                .append(meaning).append(" |\n"));
        return table.toString();
    }

    @GetMapping("/problems/{name}")
    ResponseEntity<Map<String, String>> problem(@PathVariable String name) {
        String meaning = TYPES.get(name);
        if (meaning == null) {
            return ResponseEntity.notFound().build();
        }
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("type", "/problems/" + name, "meaning", meaning));
    }
}
