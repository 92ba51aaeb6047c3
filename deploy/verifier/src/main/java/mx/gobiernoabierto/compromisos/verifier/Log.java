package mx.gobiernoabierto.compromisos.verifier;

import java.net.http.HttpResponse;

import tools.jackson.databind.JsonNode;

/** The command service's proof endpoints, asked over HTTP. */
final class Log {

    private final String base;

    Log(String base) {
        this.base = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
    }

    String base() {
        return base;
    }

    Answer inclusion(String hash, long treeSize) {
        return ask("/api/v1/log/proof/inclusion?hash=" + hash + "&treeSize=" + treeSize);
    }

    Answer consistency(long from, long to) {
        return ask("/api/v1/log/proof/consistency?from=" + from + "&to=" + to);
    }

    private Answer ask(String path) {
        try {
            HttpResponse<String> response = Sources.get(base + path);
            JsonNode json = null;
            try {
                json = Sources.parse(response.body());
            } catch (SourceException e) {
                // a body that is not JSON is described by its text
            }
            return new Answer(response.statusCode(), json, response.body());
        } catch (SourceException e) {
            return new Answer(-1, null, e.getMessage());
        }
    }

    /** An answer of the log: its status, its JSON body if any, its text. */
    record Answer(int status, JsonNode json, String text) {
        boolean ok() {
            return status == 200 && json != null;
        }

        /** Why there is no proof, as the log said it. */
        String describe() {
            if (status < 0) {
                return text;
            }
            String detail = json != null && json.has("detail") ? json.get("detail").asString() : Sources.abbreviate(text);
            return "el registro respondió " + status + (detail.isEmpty() ? "" : " (" + detail + ")");
        }
    }
}
