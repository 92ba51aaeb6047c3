package mx.gobiernoabierto.compromisos.localstack;

import java.io.IOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A plain HTTP client that behaves as a browser without JavaScript does towards the workspace: it keeps cookies,
 * posts forms as {@code application/x-www-form-urlencoded} with the hidden fields the page rendered (CSRF token,
 * idempotency key, version) and does not follow redirects on its own, so that tests see the POST-redirect-GET.
 */
final class WorkspaceBrowser {

    private static final Pattern HIDDEN = Pattern.compile("<input type=\"hidden\" name=\"([^\"]+)\" value=\"([^\"]*)\"");

    private final String base;
    private final CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);
    private final HttpClient http;

    WorkspaceBrowser(String base) {
        this.base = base;
        this.http = HttpClient.newBuilder().cookieHandler(cookies).followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(5)).build();
    }

    record Page(int status, String body, String location, List<String> setCookies) {

        /** The hidden fields of the page's forms, in order (a later form's field of the same name wins). */
        Map<String, String> hidden() {
            Map<String, String> fields = new LinkedHashMap<>();
            Matcher matcher = HIDDEN.matcher(body);
            while (matcher.find()) {
                fields.put(matcher.group(1), unescape(matcher.group(2)));
            }
            return fields;
        }

        String csrf() {
            String token = hidden().get("_csrf");
            if (token == null) {
                throw new IllegalStateException("no CSRF token on the page: " + body);
            }
            return token;
        }
    }

    Page get(String path) {
        return send(HttpRequest.newBuilder(uri(path)).GET());
    }

    /** Follows redirects the way a browser does after a form (GET on the new location). */
    Page follow(Page page) {
        Page current = page;
        for (int i = 0; i < 5 && current.status() / 100 == 3; i++) {
            current = get(current.location());
        }
        return current;
    }

    Page post(String path, List<Map.Entry<String, String>> fields) {
        String body = fields.stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    /** Posts a form rendered on {@code page}: its hidden fields, then {@code typed}. */
    Page submit(Page page, String action, Map<String, String> typed) {
        List<Map.Entry<String, String>> fields = new ArrayList<>(page.hidden().entrySet());
        fields.removeIf(e -> typed.containsKey(e.getKey()));
        fields.addAll(typed.entrySet());
        return post(action, fields);
    }

    /** Uploads a file as a form with a file input does ({@code multipart/form-data}). */
    Page upload(String path, Map<String, String> fields, String fileField, String fileName, byte[] content) {
        String boundary = "----espacio" + System.nanoTime();
        java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
        for (Map.Entry<String, String> field : fields.entrySet()) {
            body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + field.getKey()
                    + "\"\r\n\r\n" + field.getValue() + "\r\n").getBytes(StandardCharsets.UTF_8));
        }
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + fileField + "\"; filename=\""
                + fileName + "\"\r\nContent-Type: text/csv\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.writeBytes(content);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())));
    }

    Page signIn(String username, String password) {
        Page form = get("/espacio/entrar");
        return post("/espacio/entrar", List.of(Map.entry("_csrf", form.csrf()), Map.entry("usuario", username),
                Map.entry("contrasena", password)));
    }

    CookieManager cookies() {
        return cookies;
    }

    private URI uri(String path) {
        return URI.create(path.startsWith("http") ? path : base + path);
    }

    private Page send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = http.send(request.timeout(Duration.ofSeconds(30)).build(),
                    HttpResponse.BodyHandlers.ofString());
            return new Page(response.statusCode(), response.body(),
                    response.headers().firstValue("Location").orElse(null),
                    response.headers().allValues("Set-Cookie"));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String unescape(String html) {
        return html.replace("&quot;", "\"").replace("&#39;", "'").replace("&lt;", "<").replace("&gt;", ">")
                .replace("&amp;", "&");
    }
}
