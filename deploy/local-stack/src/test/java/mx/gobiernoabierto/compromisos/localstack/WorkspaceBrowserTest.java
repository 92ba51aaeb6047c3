package mx.gobiernoabierto.compromisos.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import mx.gobiernoabierto.compromisos.infrastructure.browser.Accessibility;
import mx.gobiernoabierto.compromisos.infrastructure.browser.BrowserPage;
import mx.gobiernoabierto.compromisos.infrastructure.browser.Chromium;

/**
 * The workspace in Debian's headless Chromium, entirely through its pages: a demo editor signs in (at the OpenID
 * Connect provider's form, whose page is checked too) and takes a new
 * commitment from its draft to adoption, implementation, progress with evidence, a measurement and its correction,
 * and completion; the evaluator signs in and evaluates it; the public page then shows it evaluated and its history
 * verifies. axe-core checks every workspace page on the way (WCAG 2.1 A/AA, nothing serious or critical), on a
 * desktop and on a 320 px phone (without sideways scrolling).
 */
class WorkspaceBrowserTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Path SCREENSHOTS = Path.of("target", "workspace-screenshots");
    private static final String TODAY = PortalStack.TODAY.toString();

    private static PortalStack stack;
    private static Chromium chromium;
    private static String planId;
    private final Map<String, List<String>> problems = new LinkedHashMap<>();

    @BeforeAll
    static void start() {
        chromium = Chromium.startForTest();
        stack = PortalStack.start("workspace_browser");
        planId = new Client(stack.commandUrl, "admin", "demo-admin").post("/api/v1/plans", Map.of("stlId", "stl-jalisco",
                "stlName", "STL Jalisco", "jurisdiction", "Jalisco", "title", "Plan de Acción Local 2025-2030",
                "periodStart", "2025-01-01", "periodEnd", "2030-12-31")).get("planId").asString();
        // the plan reaches the query side's views asynchronously; the editor's page lists it once it has
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(30)).ignoreExceptions()
                .until(() -> new Client(stack.queryUrl).get("/api/v1/plans/" + planId + "/progress") != null);
    }

    @AfterAll
    static void stop() {
        if (chromium != null) {
            chromium.close();
        }
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    void anEditorAndTheEvaluatorTakeACommitmentFromDraftToEvaluationThroughThePagesAndEveryPageIsAccessible()
            throws Exception {
        BrowserPage page = chromium.newPage().viewport(1280, 900, false);
        page.open(stack.workspaceUrl + "/espacio");
        assertThat(page.url()).endsWith("/espacio/entrar");
        check(page, "entrar");
        page.navigateBy("document.querySelector('main a#entrar').click()");
        assertThat(page.url()).startsWith(stack.provider.issuer() + "/entrar");
        check(page, "proveedor");
        page.open(stack.workspaceUrl + "/espacio/entrar");
        signIn(page, "editor.jalisco", "demo-jalisco");
        check(page, "inicio");
        waitForLink(page, "a[href*='/compromiso-nuevo']");

        page.open(href(page, "a[href*='/compromiso-nuevo']"));
        check(page, "borrador");
        fill(page, Map.of("code", "JAL-NAV-01", "title", "Presupuesto abierto", "publicProblem",
                "La ciudadanía no sabe en qué se gasta", "objective", "Publicarlo en datos abiertos",
                "responsibleInstitutions", "Secretaría de la Hacienda Pública", "startDate", "2025-01-01",
                "endDate", "2030-12-31"));
        tick(page, "ogpValues", "TRANSPARENCY");
        tick(page, "sdgTargets", "16.6");
        submit(page);
        assertThat(page.text("#hecho")).contains("Se guardó el borrador");
        check(page, "compromiso");
        String commitment = page.url().replaceAll(".*/espacio/compromisos/([0-9a-f-]{36}).*", "$1");
        String base = stack.workspaceUrl + "/espacio/compromisos/" + commitment;

        form(page, base + "/hito", "hito", Map.of("title", "Portal de presupuesto", "description", "Datos abiertos",
                "dueDate", "2030-06-30", "responsible", "Dirección de Transparencia", "weight", "2"));
        form(page, base + "/indicador", "indicador", Map.of("name", "Partidas publicadas", "kind", "OUTPUT",
                "unit", "%", "baseline", "10", "baselineDate", "2025-01-01", "target", "100",
                "targetDate", "2030-12-31", "direction", "INCREASE", "frequency", "QUARTERLY",
                "meansOfVerification", "Portal estatal de transparencia"));
        form(page, base + "/adopcion", "adopcion", Map.of("sessionDate", TODAY, "approvals.GOVERNMENT",
                "Mtra. Ana López", "approvals.TRANSPARENCY_BODY", "Lic. Pedro Ruiz", "approvals.CIVIL_SOCIETY",
                "Dra. Carmen Vega"));
        check(page, "confirmar");
        assertThat(page.text("main")).contains("Esto no se puede deshacer", "Dra. Carmen Vega");
        confirm(page);
        assertThat(page.text("#etapa")).isEqualTo("Adoptado");
        form(page, base + "/inicio", "inicio", Map.of("startedOn", TODAY));
        assertThat(page.text("#etapa")).isEqualTo("En implementación");

        String progress = href(page, "a[href*='/avance?objetivo=']");
        form(page, progress, "avance", Map.of("percent", "diez", "reportedOn", TODAY));
        assertThat(page.text("#campo-percent-error")).contains("Escribe un número entero");
        check(page, "avance-error");
        fill(page, Map.of("percent", "60", "evidenceUrls", "https://transparencia.jalisco.gob.mx/presupuesto"));
        submit(page);
        assertThat(page.text("main")).contains("Se registró el avance", "60 %");

        form(page, href(page, "a[href*='/medicion?objetivo=']"), "medicion", Map.of("value", "55",
                "measuredOn", TODAY, "source", "Portal estatal de transparencia"));
        form(page, href(page, "a[href*='/correccion?objetivo=']"), "correccion", Map.of("value", "50",
                "reason", "Se contaron dos veces las partidas de salud"));
        assertThat(page.text("main")).contains("Se registró la corrección");
        form(page, href(page, "a[href*='/completar-hito?objetivo=']"), "completar-hito", Map.of("completedOn", TODAY,
                "evidenceUrls", "https://transparencia.jalisco.gob.mx/presupuesto/2025"));
        form(page, base + "/conclusion", "conclusion", Map.of("completedOn", TODAY));
        confirm(page);
        assertThat(page.text("#etapa")).isEqualTo("Concluido");
        screenshot(page, "compromiso-concluido");

        // a concluded commitment offers these two; every other form is checked in WorkspaceEveryPageBrowserTest
        for (String other : List.of("informe", "cancelacion")) {
            page.open(base + "/" + other);
            check(page, other);
        }
        page.open(stack.workspaceUrl + "/espacio/importar");
        check(page, "importar");

        page.navigateBy("document.querySelector('.sesion form button').click()");
        assertThat(page.url()).endsWith("/espacio/entrar?salida");
        signIn(page, "evaluador", "demo-evaluador");
        form(page, base + "/evaluacion", "evaluacion", Map.of("evaluatedOn", TODAY, "completionLevel", "COMPLETE",
                "didItOpenGovernment", "MAJOR", "findings", "El portal se usa por periodistas y regidores",
                "evaluator", "Mecanismo de Revisión Independiente"));
        confirm(page);
        assertThat(page.text("#etapa")).isEqualTo("Evaluado");
        page.close();

        BrowserPage publicPage = chromium.newPage().open(stack.queryUrl + "/compromisos/" + commitment);
        assertThat(publicPage.text("main")).contains("Evaluado", "JAL-NAV-01");
        publicPage.close();
        JsonNode integrity = new Client(stack.queryUrl).get("/api/v1/commitments/" + commitment + "/integrity");
        assertThat(integrity.get("valid").asBoolean()).isTrue();
        assertThat(new Client(stack.queryUrl).get("/api/v1/commitments/" + commitment + "/history").get("events")
                .findValuesAsString("actor")).containsOnly("usr-jal-editor-01", "usr-evaluador-01");
        assertThat(problems).as("workspace pages with browser errors or serious accessibility violations").isEmpty();
    }

    /** From the workspace's sign-in page, through the provider's form ({@link WorkspaceBrowser#signIn}). */
    private void signIn(BrowserPage page, String username, String password) {
        WorkspaceBrowser.signIn(page, username, password);
        assertThat(page.url()).endsWith("/espacio");
    }

    /** Opens a form, checks it, fills it and sends it. */
    private void form(BrowserPage page, String url, String name, Map<String, String> values) {
        page.open(url.startsWith("http") ? url : stack.workspaceUrl + url);
        check(page, name);
        fill(page, values);
        submit(page);
    }

    private static void fill(BrowserPage page, Map<String, String> values) {
        String json = JSON.writeValueAsString(values);
        page.evaluate("(() => { const v = " + json + "; for (const [name, value] of Object.entries(v)) {"
                + " const el = document.querySelector('main [name=\"' + name + '\"]');"
                + " if (!el) throw new Error('no field ' + name); el.value = value; } })()");
    }

    private static void tick(BrowserPage page, String name, String value) {
        page.evaluate("document.querySelector('main input[name=\"" + name + "\"][value=\"" + value + "\"]').checked = true");
    }

    private static void submit(BrowserPage page) {
        page.navigateBy("document.querySelector('main form.formulario button[type=submit]').click()");
    }

    private static void confirm(BrowserPage page) {
        page.navigateBy("document.querySelector('main button[name=paso][value=confirmar]').click()");
    }

    private static String href(BrowserPage page, String selector) {
        return page.evaluate("document.querySelector(\"" + selector + "\").href").asString();
    }

    private static void waitForLink(BrowserPage page, String selector) {
        for (int i = 0; i < 50 && page.evaluate("document.querySelector(\"" + selector + "\") === null").asBoolean(); i++) {
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            page.open(page.url());
        }
    }

    /** axe-core on the page as it is, then again at 320 px, where nothing may need sideways scrolling. */
    private void check(BrowserPage page, String name) {
        assertThat(page.evaluate("document.documentElement.lang").asString()).as(name).isEqualTo("es-MX");
        List<String> found = new ArrayList<>(Accessibility.onDesktopAndPhone(page));
        // a form sent back with its errors answers 400 on purpose; the browser logs that status for the page itself
        String self = page.url();
        page.errors().stream().filter(e -> !e.endsWith("/favicon.ico"))
                .filter(e -> !(name.endsWith("-error") && e.contains("status of 400") && e.endsWith(self)))
                .forEach(e -> found.add("console: " + e));
        page.clearErrors();
        if (!found.isEmpty()) {
            problems.put(name + " " + page.url(), found);
        }
    }

    private static void screenshot(BrowserPage page, String name) throws IOException {
        Files.createDirectories(SCREENSHOTS);
        Files.write(SCREENSHOTS.resolve(name + ".png"), page.screenshot(2400));
    }

}
