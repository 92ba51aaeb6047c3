package mx.gobiernoabierto.compromisos.command.it;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A plain HTTP client for the command API, as any client of the service would use it: anonymous, or signed in as
 * one caller with an {@code Authorization} header on every request.
 */
final class Api {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    static final JsonMapper JSON = JsonMapper.builder().build();

    private final String base;
    private final String authorization;

    Api(String base) {
        this(base, null);
    }

    private Api(String base, String authorization) {
        this.base = base;
        this.authorization = authorization;
    }

    /** The same service, signed in as a demo user. */
    Api as(DemoUser user) {
        return new Api(base, user.basic());
    }

    /** The same service, with this {@code Authorization} header (a bearer token, bad credentials, ...). */
    Api withAuthorization(String header) {
        return new Api(base, header);
    }

    Api anonymous() {
        return new Api(base, null);
    }

    Reply post(String path, Object body, String... headers) {
        return send("POST", path, body instanceof String text ? text : JSON.writeValueAsString(body), headers);
    }

    Reply put(String path, Object body, String... headers) {
        return send("PUT", path, body instanceof String text ? text : JSON.writeValueAsString(body), headers);
    }

    Reply get(String path) {
        return send("GET", path, null);
    }

    Reply send(String method, String path, String body, String... headers) {
        return sendBytes(method, path, body == null ? null : body.getBytes(java.nio.charset.StandardCharsets.UTF_8), headers);
    }

    /** Sends the body as these exact bytes (which need not be UTF-8); a {@code Content-Type} header replaces JSON's. */
    Reply sendBytes(String method, String path, byte[] body, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30));
        boolean contentType = false;
        for (int i = 0; i + 1 < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
            contentType |= headers[i].equalsIgnoreCase("Content-Type");
        }
        if (!contentType) {
            request.header("Content-Type", "application/json");
        }
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        request.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
        try {
            HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Reply(response.statusCode(), response.body(), response.headers().map());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static Map<String, Object> body(Object... keysAndValues) {
        Map<String, Object> body = new LinkedHashMap<>();
        for (int i = 0; i + 1 < keysAndValues.length; i += 2) {
            body.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return body;
    }

    record Reply(int status, String text, Map<String, java.util.List<String>> headers) {
        JsonNode json() {
            return JSON.readTree(text);
        }

        String header(String name) {
            return headers.entrySet().stream()
                    .filter(entry -> entry.getKey().equalsIgnoreCase(name))
                    .map(entry -> entry.getValue().getFirst())
                    .findFirst().orElse(null);
        }

        String field(String name) {
            return json().get(name).asString();
        }

        @Override
        public String toString() {
            return status + " " + text;
        }
    }
}
