package mx.gobiernoabierto.compromisos.localstack;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The demo's way into the product: the public HTTP API of the command service, one request per demo step, each
 * with an {@code Idempotency-Key} named after the step, so that a second load is answered from the stored first
 * answers and writes nothing. Counts the requests it sent and how many of them the service answered as replays.
 */
final class DemoApi {

    static final String REPLAYED_HEADER = "Idempotent-Replayed";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    private final String commandUrl;
    private final String queryUrl;
    private int requests;
    private int replayed;

    DemoApi(String commandUrl, String queryUrl) {
        this.commandUrl = stripSlash(commandUrl);
        this.queryUrl = stripSlash(queryUrl);
    }

    /** A JSON object whose fields keep the order given (the body is fingerprinted byte for byte); nulls are left out. */
    static Map<String, Object> body(Object... namesAndValues) {
        if (namesAndValues.length % 2 != 0) {
            throw new IllegalArgumentException("names and values come in pairs");
        }
        Map<String, Object> body = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            if (namesAndValues[i + 1] != null) {
                body.put((String) namesAndValues[i], namesAndValues[i + 1]);
            }
        }
        return body;
    }

    /**
     * Who sends a step, over HTTP Basic: a user of the service's {@code demo} profile (where the command service
     * checks no credentials, it ignores them). Each step is always sent by the same user, as the service counts the
     * caller in an idempotent request's fingerprint.
     */
    record Caller(String username, String password) {

        String authorization() {
            byte[] pair = (username + ":" + password).getBytes(StandardCharsets.UTF_8);
            return "Basic " + Base64.getEncoder().encodeToString(pair);
        }

        @Override
        public String toString() {
            return username;
        }
    }

    JsonNode post(Caller caller, String step, String path, Map<String, Object> body) {
        return send(caller, "POST", step, path, body);
    }

    JsonNode put(Caller caller, String step, String path, Map<String, Object> body) {
        return send(caller, "PUT", step, path, body);
    }

    int requests() {
        return requests;
    }

    int replayed() {
        return replayed;
    }

    void resetCounts() {
        requests = 0;
        replayed = 0;
    }

    private JsonNode send(Caller caller, String method, String step, String path, Map<String, Object> body) {
        String what = method + " " + path + " as " + caller;
        HttpRequest request = HttpRequest.newBuilder(URI.create(commandUrl + path))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .header("Authorization", caller.authorization())
                .header("Idempotency-Key", step)
                .method(method, HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body), StandardCharsets.UTF_8))
                .build();
        HttpResponse<String> response = exchange(request, step, what, "the command service at " + commandUrl);
        if (response.statusCode() / 100 != 2) {
            throw new DemoLoadException(step, what, response.statusCode(), response.body());
        }
        requests++;
        if (response.headers().firstValue(REPLAYED_HEADER).map("true"::equalsIgnoreCase).orElse(false)) {
            replayed++;
        }
        return readJson(step, what, response.body());
    }

    /**
     * A read of the query service: the JSON body of a {@code 200}, or {@code null} for any other answer (the caller
     * polls until the view has caught up).
     */
    JsonNode query(String pathAndQuery) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(queryUrl + pathAndQuery))
                .timeout(Duration.ofSeconds(30))
                .header("Accept", "application/json")
                .GET()
                .build();
        HttpResponse<String> response = exchange(request, "query", "GET " + pathAndQuery,
                "the query service at " + queryUrl);
        return response.statusCode() == 200 ? readJson("query", "GET " + pathAndQuery, response.body()) : null;
    }

    private HttpResponse<String> exchange(HttpRequest request, String step, String what, String service) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new DemoLoadException(step, what, "no answer from " + service + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DemoLoadException(step, what, "interrupted while waiting for " + service, e);
        }
    }

    private static JsonNode readJson(String step, String what, String text) {
        try {
            return JSON.readTree(text);
        } catch (RuntimeException e) {
            throw new DemoLoadException(step, what, "the answer is not JSON: " + text, e);
        }
    }

    private static String stripSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    /** A demo step the service refused, or could not be asked: the load stops here. */
    static final class DemoLoadException extends IllegalStateException {

        private final String step;
        private final int status;
        private final String problem;

        DemoLoadException(String step, String request, int status, String problem) {
            super("demo step " + step + " (" + request + ") failed with HTTP " + status + ": " + problem
                    + (keyReuse(status, problem) ? " -- this database holds a demo loaded by another version of the "
                    + "demo, whose step " + step + " differs; load this one into a fresh database" : ""));
            this.step = step;
            this.status = status;
            this.problem = problem;
        }

        DemoLoadException(String step, String request, String reason, Throwable cause) {
            super("demo step " + step + " (" + request + ") failed: " + reason, cause);
            this.step = step;
            this.status = -1;
            this.problem = reason;
        }

        String step() {
            return step;
        }

        int status() {
            return status;
        }

        String problem() {
            return problem;
        }

        /** The key was first used with another body: the demo was loaded before with other dates or texts. */
        boolean isIdempotencyKeyReuse() {
            return keyReuse(status, problem);
        }

        private static boolean keyReuse(int status, String problem) {
            return status == 422 && problem != null && problem.contains("idempotency-key-reuse");
        }
    }
}
