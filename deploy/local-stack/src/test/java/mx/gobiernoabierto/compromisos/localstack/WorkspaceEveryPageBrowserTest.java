package mx.gobiernoabierto.compromisos.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.HttpCookie;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import mx.gobiernoabierto.compromisos.infrastructure.browser.Accessibility;
import mx.gobiernoabierto.compromisos.infrastructure.browser.BrowserPage;
import mx.gobiernoabierto.compromisos.infrastructure.browser.Chromium;
import mx.gobiernoabierto.compromisos.localstack.WorkspaceFixtures.Fixture;

/**
 * Every page of the workspace in Debian's headless Chromium, with commitments in each stage: axe-core finds nothing
 * serious or critical (WCAG 2.1 A/AA) on a desktop and on a 320 px phone, including forms shown back with their
 * problems, confirmations, a version conflict, a refusal, a form the stage does not allow and the bulk update's
 * preview and result; on every page with a form, pressing Tab alone reaches every enabled control of it with a
 * visible focus; a write is made with the keyboard alone; and when the line to the command service is cut, the form
 * keeps what was typed and its key, on the server and, with the page's own script, after the form is opened again.
 *
 * <p>In {@code ./mvnw verify} the tour opens one page of every kind; the full tour, every form and every confirmation,
 * is tagged {@code browser-full}. The relay reaches the command service through a {@link CuttableRelay}, so the test
 * can cut the line as a lost network would. Signing in goes through {@link WorkspaceBrowser#signIn}; its session
 * cookie is handed to the browser.
 */
class WorkspaceEveryPageBrowserTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String TODAY = PortalStack.TODAY.toString();

    private static CuttableRelay relay;
    private static PortalStack stack;
    private static Chromium chromium;
    private static Client editor;
    private static WorkspaceFixtures fixtures;
    private static String planId;
    private final Map<String, List<String>> problems = new LinkedHashMap<>();

    @BeforeAll
    static void start() {
        relay = new CuttableRelay();
        chromium = Chromium.startForTest();
        stack = PortalStack.start("workspace_pages",
                List.of("--compromisos.workspace.command-api-url=http://127.0.0.1:" + relay.port()));
        relay.forwardTo(stack.services.commandPort());
        planId = stack.admin.post("/api/v1/plans", Map.of("stlId", "stl-jalisco", "stlName", "STL Jalisco",
                "jurisdiction", "Jalisco", "title", "Plan de Acción Local 2025-2027", "periodStart", "2025-01-01",
                "periodEnd", "2027-12-31")).get("planId").asString();
        editor = new Client(stack.commandUrl, "editor.jalisco", "demo-jalisco");
        fixtures = new WorkspaceFixtures(editor, stack.query, planId, "JAL-PAG-", PortalStack.TODAY);
    }

    @AfterAll
    static void stop() {
        if (chromium != null) {
            chromium.close();
        }
        if (stack != null) {
            stack.close();
        }
        if (relay != null) {
            relay.close();
        }
    }

    @Test
    void everyKindOfWorkspacePageIsAccessibleAndTabReachesEveryControlOfItsFormWithAVisibleFocus() {
        tour(false);
    }

    /** The same tour through every form and every confirmation: {@code -Dgroups=browser-full} (see the README). */
    @Test
    @Tag("browser-full")
    void everyWorkspacePageIsAccessibleAndTabReachesEveryControlOfItsFormWithAVisibleFocus() {
        tour(true);
    }

    /**
     * Opens the pages an editor, the evaluator and an administrator see and checks each one: one page of every kind
     * (with the largest form and one confirmation), or, {@code everyForm}, every form and every confirmation.
     */
    private void tour(boolean everyForm) {
        Fixture draft = fixtures.draft();
        Fixture running = fixtures.inImplementation();
        String measurement = fixtures.measurement(running, 40);
        String base = "/espacio/compromisos/";
        BrowserPage page = chromium.newPage();

        visit(page, "/espacio/entrar", "entrar");
        signIn(page, "editor.jalisco", "demo-jalisco");
        visit(page, "/espacio", "pendientes");
        visit(page, base + running.id(), "compromiso");
        visit(page, base + draft.id() + "/detalles", "detalles");
        visit(page, base + running.id() + "/medicion?objetivo=" + running.indicator(), "medicion");
        if (everyForm) {
            for (String form : List.of("hito", "indicador", "adopcion", "cancelacion",
                    "reprogramar?objetivo=" + draft.milestone())) {
                visit(page, base + draft.id() + "/" + form, form + " (borrador)");
            }
            visit(page, base + fixtures.adopted().id() + "/inicio", "inicio");
            for (String form : List.of("avance?objetivo=" + running.milestone(), "completar-hito?objetivo="
                    + running.milestone(), "correccion?objetivo=" + measurement, "informe", "conclusion",
                    "suspension")) {
                visit(page, base + running.id() + "/" + form, form);
            }
            visit(page, base + fixtures.suspended().id() + "/reanudacion", "reanudacion");
            visit(page, "/espacio/planes/" + planId + "/compromiso-nuevo", "compromiso-nuevo");
        }

        // the confirmation of an irreversible action (of each one an editor takes, for every form)
        visit(page, base + draft.id() + "/adopcion", "adopcion");
        fill(page, Map.of("sessionDate", TODAY, "approvals.GOVERNMENT", "Ana", "approvals.TRANSPARENCY_BODY", "Luis",
                "approvals.CIVIL_SOCIETY", "Eva"));
        submit(page);
        check(page, "confirmar adopcion", true);
        if (everyForm) {
            visit(page, base + draft.id() + "/cancelacion", "cancelacion");
            fill(page, Map.of("reason", "Se fusionó con otro compromiso"));
            submit(page);
            check(page, "confirmar cancelacion", true);
            visit(page, base + running.id() + "/conclusion", "conclusion");
            submit(page);
            check(page, "confirmar conclusion", true);
        }

        // a form shown back with a field's problem; a version conflict; a refusal; a form the stage does not allow
        visit(page, base + running.id() + "/avance?objetivo=" + running.milestone(), "avance");
        fill(page, Map.of("percent", "diez"));
        submit(page);
        assertThat(page.text("#campo-percent-error")).contains("Escribe un número entero");
        check(page, "avance con error", true);
        visit(page, base + running.id() + "/informe", "informe");
        editor.post("/api/v1/commitments/" + running.id() + "/milestones/" + running.milestone() + "/progress",
                Map.of("percent", 30, "reportedOn", TODAY));
        fill(page, Map.of("periodEnd", TODAY, "assessment", "AT_RISK", "narrative", "Vamos tarde"));
        submit(page);
        assertThat(page.text("#conflicto")).contains("Alguien más cambió este compromiso");
        check(page, "conflicto", true);
        visit(page, base + running.id() + "/evaluacion", "rechazado");
        assertThat(page.text("h1")).isEqualTo("No puedes hacer esto");
        visit(page, base + draft.id() + "/avance?objetivo=" + draft.milestone(), "no disponible");
        assertThat(page.text("#no-disponible")).contains("No se puede registrar avance en un compromiso en borrador.");

        // the bulk update: its page, a preview with a bad row, the result
        visit(page, "/espacio/importar", "importar");
        page.evaluate("(() => { const file = new DataTransfer(); file.items.add(new File([" + JSON.writeValueAsString(
                "compromiso_id,clave,indicador_id,indicador,unidad,valor,fecha,fuente,nota\n"
                        + running.id() + ",A," + running.indicator() + ",Partidas,%,45," + TODAY + ",Informe,\n"
                        + running.id() + ",A," + running.indicator() + ",Partidas,%,mucho," + TODAY + ",Informe,\n")
                + "], 'mediciones.csv', {type: 'text/csv'})); document.querySelector('#archivo').files = file.files;"
                + " document.querySelector('#tipo-mediciones').checked = true; })()");
        submit(page);
        assertThat(page.text("main")).contains("2 renglones, 1 listos para registrarse");
        check(page, "importar vista previa", true);
        page.navigateBy("document.querySelector('main form button[type=submit]').click()");
        assertThat(page.text("main")).contains("Se registraron 1 renglones");
        check(page, "importar resultado", false);

        if (everyForm) {
            signIn(page, "evaluador", "demo-evaluador");
            visit(page, base + running.id() + "/evaluacion", "evaluacion");
            fill(page, Map.of("evaluatedOn", TODAY, "completionLevel", "SUBSTANTIAL", "didItOpenGovernment", "MAJOR",
                    "findings", "Se publica a tiempo", "evaluator", "Mecanismo de Revisión Independiente"));
            submit(page);
            check(page, "confirmar evaluacion", true);
            signIn(page, "admin", "demo-admin");
            visit(page, "/espacio/planes/nuevo", "planes/nuevo");
        }
        page.close();
        assertThat(problems).as("workspace pages with browser errors, serious accessibility violations or controls"
                + " that Tab does not reach with a visible focus").isEmpty();
    }

    @Test
    void aMeasurementIsRecordedWithTheKeyboardAlone() {
        Fixture running = fixtures.inImplementation();
        BrowserPage page = chromium.newPage();
        signIn(page, "editor.jalisco", "demo-jalisco");
        page.open(stack.workspaceUrl + "/espacio/compromisos/" + running.id() + "/medicion?objetivo=" + running.indicator());
        page.evaluate("document.querySelector('main').focus()");
        tabTo(page, "document.activeElement.name === 'value'");
        page.type("12.5");
        tabTo(page, "document.activeElement.name === 'source'");
        page.type("Informe trimestral de la Secretaría");
        tabTo(page, "document.activeElement.type === 'submit'");
        page.navigateByPressing("Enter");
        assertThat(page.text("#hecho")).contains("Se registró la medición");
        assertThat(page.text("main")).contains("12.5", "Informe trimestral de la Secretaría");
        page.close();
    }

    @Test
    void whenTheCommandServiceCannotBeReachedTheFormKeepsWhatWasTypedAndItsKeyAndSendingAgainWritesOnce() {
        Fixture running = fixtures.inImplementation();
        String form = stack.workspaceUrl + "/espacio/compromisos/" + running.id() + "/hito";
        BrowserPage page = chromium.newPage();
        signIn(page, "editor.jalisco", "demo-jalisco");
        page.open(form);
        Map<String, String> typed = Map.of("title", "Tablero de obras", "description", "Cada obra con su contrato",
                "dueDate", "2027-03-31", "responsible", "Obras Públicas");
        fill(page, typed);
        String key = value(page, "clave");
        int milestones = milestones(running);

        relay.cut();
        try {
            page.evaluate("document.querySelector('main form.formulario button[type=submit]').focus()");
            page.navigateByPressing(" ");
            assertThat(page.text("#resumen-error")).contains("No pudimos comunicarnos con el servicio de registro");
            typed.forEach((name, text) -> assertThat(value(page, name)).as(name).isEqualTo(text));
            assertThat(value(page, "clave")).as("the same Idempotency-Key").isEqualTo(key);

            page.open(form);
            assertThat(page.text("#borrador-recuperado")).as("opened again: the page's script put back what was typed")
                    .contains("Recuperamos lo que escribiste");
            typed.forEach((name, text) -> assertThat(value(page, name)).as(name).isEqualTo(text));
            assertThat(value(page, "clave")).as("and the key, so a second send writes at most once").isEqualTo(key);
            check(page, "formulario recuperado", true);
        } finally {
            relay.restore();
        }
        submit(page);
        assertThat(page.text("#hecho")).contains("Se planeó el hito");
        assertThat(page.evaluate("Object.keys(sessionStorage).filter(k => k.startsWith('compromisos.borrador:')).length")
                .asInt()).as("written: the kept fields are forgotten").isZero();
        assertThat(milestones(running)).isEqualTo(milestones + 1);
        page.open(form);
        assertThat(page.evaluate("document.querySelector('#borrador-recuperado') === null").asBoolean()).isTrue();
        assertThat(value(page, "title")).isEmpty();
        page.close();
    }

    /**
     * Signs in with {@link WorkspaceBrowser}'s own sign-in (through the provider's form) and gives the workspace's
     * session to the browser.
     */
    private static void signIn(BrowserPage page, String username, String password) {
        WorkspaceBrowser http = new WorkspaceBrowser(stack.workspaceUrl);
        assertThat(http.signIn(username, password).status()).as("sign-in of " + username).isEqualTo(302);
        for (HttpCookie cookie : http.cookies().getCookieStore().get(URI.create(stack.workspaceUrl + "/espacio"))) {
            page.setCookie(stack.workspaceUrl, cookie.getName(), cookie.getValue(),
                    cookie.getPath() == null ? "/" : cookie.getPath());
        }
    }

    private void visit(BrowserPage page, String path, String name) {
        page.open(stack.workspaceUrl + path);
        check(page, name, page.evaluate("document.querySelector('main form') !== null").asBoolean());
    }

    /** axe-core at 1280 and 320 px, the console, and on a page with a form the keyboard tour of it. */
    private void check(BrowserPage page, String name, boolean keyboard) {
        assertThat(page.evaluate("document.documentElement.lang").asString()).as(name).isEqualTo("es-MX");
        List<String> found = new ArrayList<>(Accessibility.onDesktopAndPhone(page));
        if (keyboard) {
            found.addAll(keyboardTour(page));
        }
        // pages that answer 400, 403, 409 or 502 on purpose make the browser log that status for the page itself
        String self = page.url().replaceAll("#.*", "");
        page.errors().stream().filter(e -> !e.endsWith("/favicon.ico"))
                .filter(e -> !(e.matches("(?s).*status of (400|403|409|502).*") && e.endsWith(self)))
                .forEach(e -> found.add("console: " + e));
        page.clearErrors();
        if (!found.isEmpty()) {
            problems.put(name + " " + page.url(), found);
        }
    }

    /**
     * From the top of main, presses Tab until focus leaves main's forms for the footer, and Enter on a closed group's
     * summary to open it, as a person at the keyboard does: every enabled control of those forms (a radio group counts
     * once, as Tab enters it once) must have had the focus, each with a visible focus indicator (an outline or a ring).
     */
    private static List<String> keyboardTour(BrowserPage page) {
        int expected = page.evaluate("""
                (() => {
                  const controls = [...document.querySelectorAll('main form')].flatMap(f => [...f.querySelectorAll(
                      'input:not([type=hidden]), select, textarea, button, summary')])
                    .filter(e => !e.disabled && e.getClientRects().length > 0);
                  window.teclado = {controls, reached: new Set(), hidden: []};
                  document.activeElement && document.activeElement.blur();
                  document.querySelector('main').focus();
                  return controls.length;
                })()""").asInt();
        for (int i = 0; i < expected * 4 + 40; i++) {
            page.press("Tab");
            String at = page.evaluate("""
                    (() => {
                      const e = document.activeElement;
                      if (!e || e === document.body) return 'body';
                      if (window.teclado.controls.includes(e)) {
                        window.teclado.reached.add(e);
                        const s = getComputedStyle(e);
                        if ((s.outlineStyle === 'none' || parseFloat(s.outlineWidth) === 0) && s.boxShadow === 'none') {
                          window.teclado.hidden.push(e.name || e.textContent.trim());
                        }
                      }
                      if (e.closest('footer') !== null) return 'footer';
                      return e.tagName === 'SUMMARY' && !e.parentElement.open ? 'closed group' : 'control';
                    })()""").asString();
            if (at.equals("footer")) {
                break;
            }
            if (at.equals("closed group")) {
                page.press("Enter");
            }
        }
        List<String> found = new ArrayList<>();
        page.evaluate("""
                window.teclado.controls.filter(e => !window.teclado.reached.has(e)
                    && !(e.type === 'radio' && window.teclado.controls.some(o => o.type === 'radio'
                        && o.name === e.name && window.teclado.reached.has(o))))
                  .map(e => e.tagName.toLowerCase() + ' ' + (e.name || e.textContent.trim()))""")
                .forEach(missed -> found.add("Tab never reaches " + missed.asString()));
        page.evaluate("window.teclado.hidden").forEach(hidden -> found.add("no visible focus on " + hidden.asString()));
        return found;
    }

    private static void tabTo(BrowserPage page, String condition) {
        for (int i = 0; i < 60; i++) {
            page.press("Tab");
            if (page.evaluate("!!(" + condition + ")").asBoolean()) {
                return;
            }
        }
        throw new AssertionError("Tab never reached " + condition);
    }

    private static void fill(BrowserPage page, Map<String, String> values) {
        page.evaluate("(() => { const v = " + JSON.writeValueAsString(values) + "; for (const [name, value] of"
                + " Object.entries(v)) { const el = document.querySelector('main [name=\"' + name + '\"]');"
                + " if (!el) throw new Error('no field ' + name); el.value = value; } })()");
    }

    private static String value(BrowserPage page, String name) {
        return page.evaluate("document.querySelector('main [name=\"" + name + "\"]').value").asString();
    }

    private static void submit(BrowserPage page) {
        page.navigateBy("document.querySelector('main form.formulario button[type=submit]').click()");
    }

    private static int milestones(Fixture c) {
        return stack.query.get("/api/v1/commitments/" + c.id()).get("milestones").size();
    }
}
