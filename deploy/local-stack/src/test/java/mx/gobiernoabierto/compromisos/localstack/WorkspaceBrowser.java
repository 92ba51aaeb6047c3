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

import mx.gobiernoabierto.compromisos.infrastructure.browser.BrowserPage;

/**
 * A plain HTTP client that behaves as a browser without JavaScript does towards the workspace: it keeps cookies (of
 * the query service and of the OpenID Connect provider), posts forms as {@code application/x-www-form-urlencoded}
 * with the hidden fields the page rendered (CSRF token, idempotency key, version) and does not follow redirects on
 * its own, so that tests see the POST-redirect-GET. Signing in, through the provider's form, is {@link #signIn}, and
 * in Chromium {@link #signIn(BrowserPage, String, String)}: the one place each kind of browser signs in.
 */
final class WorkspaceBrowser {

    private static final Pattern HIDDEN = Pattern.compile("<input type=\"hidden\" name=\"([^\"]+)\" value=\"([^\"]*)\"");
    private static final Pattern SIGN_IN_LINK = Pattern.compile("<a id=\"entrar\"[^>]* href=\"([^\"]+)\"");
    private static final Pattern FORM_ACTION = Pattern.compile("<form method=\"post\" action=\"([^\"]+)\"");
    /** Where the provider sends the browser back to the workspace. */
    static final String CALLBACK = "/espacio/oauth2/code/";

    private final String base;
    private final CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);
    private final HttpClient http;

    WorkspaceBrowser(String base) {
        this.base = base;
        this.http = HttpClient.newBuilder().cookieHandler(cookies).followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(5)).build();
    }

    /** An answer; {@code url} is where it came from, against which a relative {@code location} is resolved. */
    record Page(int status, String body, String location, List<String> setCookies, String url) {

        /** Where the redirect goes, as an absolute URL. */
        String target() {
            return location == null ? null : URI.create(url).resolve(location).toString();
        }

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
            current = get(current.target());
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

    /**
     * Signs in as a person does: the sign-in link of {@code /espacio/entrar} leads to the provider's form, which is
     * filled and sent; the provider sends the browser back to the workspace with a code, which the workspace exchanges.
     * Returns the workspace's answer to that return (a redirect to {@code /espacio} when it worked), or, when the
     * provider refused the password, its form again.
     */
    Page signIn(String username, String password) {
        Page form = follow(get(signInLink(get("/espacio/entrar"))));
        if (form.status() != 200 || !form.body().contains("name=\"contrasena\"")) {
            throw new IllegalStateException("no sign-in form at the provider: " + form.status() + " " + form.url());
        }
        Page current = post(URI.create(form.url()).resolve(formAction(form.body())).toString(),
                List.of(Map.entry("_csrf", form.csrf()), Map.entry("usuario", username),
                        Map.entry("contrasena", password)));
        for (int i = 0; i < 10 && current.status() / 100 == 3
                && !URI.create(current.url()).getPath().startsWith(CALLBACK); i++) {
            current = get(current.target());
        }
        return current;
    }

    /** Signs in in Chromium, from the workspace's sign-in page, through the provider's form; ends on {@code /espacio}. */
    static void signIn(BrowserPage page, String username, String password) {
        page.navigateBy("document.querySelector('main a#entrar').click()");
        if (page.evaluate("document.querySelector('main input[name=\"contrasena\"]') === null").asBoolean()) {
            throw new IllegalStateException("no sign-in form at the provider: " + page.url());
        }
        page.evaluate("(() => { document.querySelector('main [name=\"usuario\"]').value = " + jsString(username)
                + "; document.querySelector('main [name=\"contrasena\"]').value = " + jsString(password) + "; })()");
        page.navigateBy("document.querySelector('main form button[type=submit]').click()");
    }

    /** Where the workspace's sign-in page's link starts the sign-in. */
    static String signInLink(Page signInPage) {
        Matcher link = SIGN_IN_LINK.matcher(signInPage.body());
        if (!link.find()) {
            throw new IllegalStateException("no sign-in link on " + signInPage.url() + ": " + signInPage.body());
        }
        return unescape(link.group(1));
    }

    private static String formAction(String html) {
        Matcher action = FORM_ACTION.matcher(html);
        if (!action.find()) {
            throw new IllegalStateException("no form to post: " + html);
        }
        return unescape(action.group(1));
    }

    private static String jsString(String text) {
        return "'" + text.replace("\\", "\\\\").replace("'", "\\'") + "'";
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
                    response.headers().allValues("Set-Cookie"), response.uri().toString());
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
