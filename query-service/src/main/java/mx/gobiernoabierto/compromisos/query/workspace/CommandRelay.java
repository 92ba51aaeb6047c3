package mx.gobiernoabierto.compromisos.query.workspace;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * Sends one command to the command service's public HTTP API, exactly as any client would: the person's own
 * {@code Authorization}, the form's {@code Idempotency-Key} and, for an existing commitment, {@code If-Match} with the
 * version the form was rendered from. It decides nothing: the answer goes back as it came.
 */
final class CommandRelay {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpClient http;
    private final String base;
    private final Duration timeout;

    CommandRelay(String base, Duration timeout) {
        this.base = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
        this.timeout = timeout;
        this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    }

    /** The command service's answer: its status and its JSON body (a problem on failure). */
    record Answer(int status, JsonNode body) {

        boolean ok() {
            return status / 100 == 2;
        }

        long version() {
            return body.path("version").asLong(-1);
        }

        String text(String field) {
            JsonNode node = body.get(field);
            return node == null || node.isNull() ? null : node.asString();
        }

        /** The problem type's last segment ({@code version-conflict}, {@code invalid-state}, ...), or empty. */
        String problemType() {
            String type = text("type");
            return type == null ? "" : type.substring(type.lastIndexOf('/') + 1);
        }
    }

    /** The command service could not be reached or did not answer in time: nothing is known to be written. */
    static final class Unreachable extends Exception {
        Unreachable(String message, Throwable cause) {
            super(message, cause);
        }
    }

    Answer post(String path, JsonNode body, String authorization, String idempotencyKey, Long ifMatch)
            throws Unreachable {
        return send("POST", path, body, authorization, idempotencyKey, ifMatch);
    }

    Answer put(String path, JsonNode body, String authorization, String idempotencyKey, Long ifMatch)
            throws Unreachable {
        return send("PUT", path, body, authorization, idempotencyKey, ifMatch);
    }

    private Answer send(String method, String path, JsonNode body, String authorization, String idempotencyKey,
                        Long ifMatch) throws Unreachable {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                .timeout(timeout)
                .header("Content-Type", "application/json")
                .header("Accept", "application/json, application/problem+json")
                .method(method, HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        if (idempotencyKey != null) {
            request.header("Idempotency-Key", idempotencyKey);
        }
        if (ifMatch != null) {
            request.header("If-Match", "\"" + ifMatch + "\"");
        }
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Answer(response.statusCode(), parse(response.body()));
        } catch (IOException e) {
            throw new Unreachable("the command service did not answer " + method + " " + path, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Unreachable("interrupted while waiting for the command service", e);
        }
    }

    private static JsonNode parse(String text) {
        if (text == null || text.isBlank()) {
            return JsonNodeFactory.instance.objectNode();
        }
        try {
            return JSON.readTree(text);
        } catch (JacksonException e) {
            return JsonNodeFactory.instance.objectNode();
        }
    }
}
