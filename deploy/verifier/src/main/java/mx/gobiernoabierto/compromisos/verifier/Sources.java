package mx.gobiernoabierto.compromisos.verifier;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Reads an input from a file or an {@code http(s)} URL. */
final class Sources {

    static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10))
            .followRedirects(HttpClient.Redirect.NORMAL).build();
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private Sources() {
    }

    static String text(String location) {
        if (location.startsWith("http://") || location.startsWith("https://")) {
            HttpResponse<String> response = get(location);
            if (response.statusCode() != 200) {
                throw new SourceException("la respuesta fue " + response.statusCode() + " " + abbreviate(response.body()));
            }
            return response.body();
        }
        try {
            return Files.readString(Path.of(location), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new SourceException("no se pudo leer el archivo: " + e.getMessage());
        }
    }

    static JsonNode json(String location) {
        return parse(text(location));
    }

    static JsonNode parse(String text) {
        try {
            return JSON.readTree(text);
        } catch (JacksonException e) {
            throw new SourceException("no es JSON válido: " + e.getOriginalMessage());
        }
    }

    static HttpResponse<String> get(String url) {
        try {
            return HTTP.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30)).GET().build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException | IllegalArgumentException e) {
            throw new SourceException("no se pudo consultar " + url + ": " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SourceException("interrumpido al consultar " + url);
        }
    }

    static String abbreviate(String text) {
        String oneLine = text.replaceAll("\\s+", " ").strip();
        return oneLine.length() > 300 ? oneLine.substring(0, 300) + "…" : oneLine;
    }
}
