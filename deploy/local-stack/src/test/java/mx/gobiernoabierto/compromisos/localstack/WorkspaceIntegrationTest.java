package mx.gobiernoabierto.compromisos.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import tools.jackson.databind.JsonNode;

import mx.gobiernoabierto.compromisos.infrastructure.TestInfrastructure;
import mx.gobiernoabierto.compromisos.localstack.WorkspaceFixtures.Fixture;

/**
 * The workspace through its pages, as a browser without JavaScript uses it, against both services on one real
 * PostgreSQL and one real Kafka broker: people sign in with OpenID Connect at a real provider in this JVM
 * ({@link DemoIdentityProvider}, Spring Authorization Server), and every write goes from a form to the query service,
 * which relays it to the command service's public API with the person's own access token ({@code Bearer}). The
 * workspace never learns a password, so a write that is accepted was accepted on that token.
 */
class WorkspaceIntegrationTest {

    private static final LocalDate TODAY = LocalDate.now(ZoneId.of("America/Mexico_City"));
    private static DemoIdentityProvider provider;
    private static Services services;
    private static Client admin;
    private static Client jalisco;
    private static Client query;
    private static String planId;
    private static WorkspaceFixtures fixtures;

    @BeforeAll
    static void startBothServices() {
        var postgres = TestInfrastructure.postgres();
        int queryPort = Services.freePort();
        // access tokens of 30 s, less than the client's 60 s of clock skew: every relayed command refreshes first
        provider = DemoIdentityProvider.start(0, "http://127.0.0.1:" + queryPort, Duration.ofSeconds(30));
        List<String> settings = new ArrayList<>(List.of("--spring.profiles.active=demo", "--compromisos.topic=ws.events",
                "--compromisos.query.topic=ws.events", "--compromisos.query.dead-letter-topic=ws.events.dlt"));
        settings.addAll(provider.serviceSettings());
        services = Services.start(
                postgres.withDatabase(dbName(TestInfrastructure.freshDatabase("ws_command"))),
                postgres.withDatabase(dbName(TestInfrastructure.freshDatabase("ws_query"))),
                TestInfrastructure.kafka(), 0, queryPort, settings);
        String command = "http://127.0.0.1:" + services.commandPort();
        admin = new Client(command, "admin", "demo-admin");
        jalisco = new Client(command, "editor.jalisco", "demo-jalisco");
        query = new Client("http://127.0.0.1:" + services.queryPort());
        planId = admin.post("/api/v1/plans", Map.of("stlId", "stl-jalisco", "stlName", "STL Jalisco",
                "jurisdiction", "Jalisco", "title", "Plan de Acción Local 2025-2027",
                "periodStart", "2025-01-01", "periodEnd", "2027-12-31")).get("planId").asString();
        fixtures = new WorkspaceFixtures(jalisco, query, planId, "JAL-WS-", TODAY);
    }

    @AfterAll
    static void stop() {
        if (services != null) {
            services.close();
        }
        if (provider != null) {
            provider.close();
        }
    }

    private static WorkspaceBrowser browser() {
        // 127.0.0.1, not localhost: the address the provider sends the browser back to
        return new WorkspaceBrowser("http://127.0.0.1:" + services.queryPort());
    }

    private static WorkspaceBrowser signedIn(String username, String password) {
        WorkspaceBrowser browser = browser();
        WorkspaceBrowser.Page signIn = browser.signIn(username, password);
        assertThat(signIn.status()).isEqualTo(302);
        assertThat(signIn.location()).endsWith("/espacio");
        return browser;
    }

    @Test
    void signingInWithTheProviderKeepsASessionAndSigningOutForgetsIt() {
        WorkspaceBrowser browser = browser();
        WorkspaceBrowser.Page anonymous = browser.get("/espacio");
        assertThat(anonymous.status()).isEqualTo(302);
        assertThat(anonymous.location()).endsWith("/espacio/entrar");
        assertThat(String.join("\n", anonymous.setCookies())).contains("COMPROMISOS_SESION=").contains("HttpOnly")
                .containsIgnoringCase("SameSite=Lax").contains("Path=/espacio").doesNotContain("Secure");

        WorkspaceBrowser.Page page = browser.get("/espacio/entrar");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("lang=\"es-MX\"").doesNotContain("type=\"password\"");
        WorkspaceBrowser.Page start = browser.get(WorkspaceBrowser.signInLink(page));
        assertThat(start.status()).isEqualTo(302);
        URI authorization = URI.create(start.target());
        assertThat(authorization.toString()).as("authorization code with PKCE at the provider")
                .startsWith(provider.issuer() + "/oauth2/authorize?");
        Map<String, String> asked = parameters(authorization.getRawQuery());
        assertThat(asked).containsEntry("response_type", "code").containsEntry("client_id", "espacio")
                .containsEntry("code_challenge_method", "S256").containsKeys("code_challenge", "state", "nonce")
                .containsEntry("redirect_uri", "http://127.0.0.1:" + services.queryPort()
                        + "/espacio/oauth2/code/compromisos");
        assertThat(asked.get("code_challenge")).as("S256: base64url of a SHA-256").matches("[A-Za-z0-9_-]{43}");
        assertThat(asked.get("scope").split(" ")).contains("openid");

        WorkspaceBrowser.Page form = browser.follow(start);
        assertThat(form.url()).startsWith(provider.issuer() + "/entrar");
        assertThat(form.body()).contains("lang=\"es-MX\"").contains("<label for=\"usuario\">Usuario</label>")
                .contains("<label for=\"contrasena\">Contraseña</label>");
        WorkspaceBrowser.Page withoutToken = browser.post(provider.issuer() + "/entrar",
                List.of(Map.entry("usuario", "editor.jalisco"), Map.entry("contrasena", "demo-jalisco")));
        assertThat(withoutToken.status()).as("the provider's form without its CSRF token is refused").isEqualTo(403);

        WorkspaceBrowser.Page wrong = browser.signIn("editor.jalisco", "otra");
        assertThat(wrong.url()).isEqualTo(provider.issuer() + "/entrar?error");
        assertThat(wrong.body()).contains("El usuario o la contraseña no son correctos");
        assertThat(browser.get("/espacio").status()).as("still not signed in").isEqualTo(302);

        WorkspaceBrowser.Page signedIn = browser.signIn("editor.jalisco", "demo-jalisco");
        assertThat(signedIn.status()).isEqualTo(302);
        assertThat(signedIn.location()).endsWith("/espacio");
        WorkspaceBrowser.Page home = browser.get("/espacio");
        assertThat(home.status()).isEqualTo(200);
        assertThat(home.body()).as("the caller comes from the access token: its sub, not the username")
                .contains("Mis pendientes").contains("usr-jal-editor-01");

        WorkspaceBrowser.Page out = browser.post("/espacio/salir", List.of(Map.entry("_csrf", home.csrf())));
        assertThat(out.target()).as("the session ends at the provider too (RP-initiated logout)")
                .startsWith(provider.issuer() + "/connect/logout?").contains("id_token_hint=");
        WorkspaceBrowser.Page back = browser.follow(out);
        assertThat(back.url()).endsWith("/espacio/entrar?salida");
        assertThat(back.body()).contains("Saliste del espacio de trabajo");
        assertThat(browser.get("/espacio").status()).as("signed out: the session is gone").isEqualTo(302);
        assertThat(browser.follow(browser.get(WorkspaceBrowser.signInLink(back))).url())
                .as("and the provider asks for the password again").startsWith(provider.issuer() + "/entrar");
    }

    @Test
    void afterSigningOutAFormNeedsSigningInAgainAndWritesNothing() {
        Fixture c = inImplementation();
        WorkspaceBrowser browser = signedIn("editor.jalisco", "demo-jalisco");
        String formPath = "/espacio/compromisos/" + c.id() + "/avance?objetivo=" + c.milestone();
        WorkspaceBrowser.Page form = browser.get(formPath);
        assertThat(form.status()).isEqualTo(200);
        browser.follow(browser.post("/espacio/salir", List.of(Map.entry("_csrf", form.csrf()))));

        long before = written(c.id());
        WorkspaceBrowser.Page sent = browser.submit(form, "/espacio/compromisos/" + c.id() + "/avance",
                Map.of("percent", "70", "reportedOn", TODAY.toString()));
        assertThat(sent.status()).as("the form's session and its token are gone").isNotEqualTo(302).isEqualTo(403);
        WorkspaceBrowser.Page again = browser.get(formPath);
        assertThat(again.status()).isEqualTo(302);
        assertThat(again.location()).as("the form asks for signing in again").endsWith("/espacio/entrar");
        assertThat(written(c.id())).as("nothing written").isEqualTo(before);
    }

    @Test
    void aProgressFormWritesThroughTheCommandServiceAndThePageShowsTheNewState() {
        Fixture c = inImplementation();
        WorkspaceBrowser browser = signedIn("editor.jalisco", "demo-jalisco");
        WorkspaceBrowser.Page page = browser.get("/espacio/compromisos/" + c.id());
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("En implementación").contains("/espacio/compromisos/" + c.id() + "/avance?objetivo=" + c.milestone());

        WorkspaceBrowser.Page form = browser.get("/espacio/compromisos/" + c.id() + "/avance?objetivo=" + c.milestone());
        assertThat(form.status()).isEqualTo(200);
        assertThat(form.hidden()).containsKeys("_csrf", "clave", "version", "objetivo");
        long refreshed = provider.accessTokensIssued(AuthorizationGrantType.REFRESH_TOKEN);
        WorkspaceBrowser.Page sent = browser.submit(form, "/espacio/compromisos/" + c.id() + "/avance", Map.of(
                "percent", "60", "reportedOn", TODAY.toString(), "note", "Portal en pruebas",
                "evidenceUrls", "https://transparencia.jalisco.gob.mx/a\nhttps://transparencia.jalisco.gob.mx/b"));
        assertThat(sent.status()).as(sent.body()).isEqualTo(302);
        assertThat(sent.location()).contains("/espacio/compromisos/" + c.id() + "?version=").contains("hecho=avance");

        WorkspaceBrowser.Page after = browser.follow(sent);
        assertThat(after.body()).contains("Se registró el avance").contains("60 %");
        JsonNode view = query.get("/api/v1/commitments/" + c.id());
        assertThat(view.get("milestones").get(0).get("progress").asInt()).isEqualTo(60);
        assertThat(view.get("milestones").get(0).get("evidenceUrls").size()).isEqualTo(2);
        assertThat(actors(c.id())).as("the event names the person who signed in").containsOnly("usr-jal-editor-01");
        assertThat(provider.accessTokensIssued(AuthorizationGrantType.REFRESH_TOKEN))
                .as("the expiring access token was refreshed before the command was relayed").isGreaterThan(refreshed);
    }

    @Test
    void aDoubleSubmittedFormWritesOneEvent() {
        Fixture c = inImplementation();
        WorkspaceBrowser browser = signedIn("editor.jalisco", "demo-jalisco");
        WorkspaceBrowser.Page form = browser.get("/espacio/compromisos/" + c.id() + "/medicion?objetivo=" + c.indicator());
        Map<String, String> typed = Map.of("value", "1,234.5", "measuredOn", TODAY.toString(), "source", "Informe");
        WorkspaceBrowser.Page first = browser.submit(form, "/espacio/compromisos/" + c.id() + "/medicion", typed);
        WorkspaceBrowser.Page second = browser.submit(form, "/espacio/compromisos/" + c.id() + "/medicion", typed);
        assertThat(first.status()).isEqualTo(302);
        assertThat(second.status()).as(second.body()).isEqualTo(302);
        assertThat(second.location()).isEqualTo(first.location());
        browser.follow(second);
        assertThat(types(c.id())).filteredOn("MeasurementRecorded"::equals).hasSize(1);
        JsonNode view = query.get("/api/v1/commitments/" + c.id());
        assertThat(view.get("indicators").get(0).get("latestValue").decimalValue()).isEqualByComparingTo("1234.5");
    }

    @Test
    void aVersionConflictIsShownAsSuchWithTheNewStateAndWhatWasTypedKept() {
        Fixture c = inImplementation();
        WorkspaceBrowser browser = signedIn("editor.jalisco", "demo-jalisco");
        WorkspaceBrowser.Page form = browser.get("/espacio/compromisos/" + c.id() + "/informe");
        long other = jalisco.post("/api/v1/commitments/" + c.id() + "/milestones/" + c.milestone() + "/progress",
                Map.of("percent", 30, "reportedOn", TODAY.toString())).get("version").asLong();

        WorkspaceBrowser.Page sent = browser.submit(form, "/espacio/compromisos/" + c.id() + "/informe", Map.of(
                "periodEnd", TODAY.toString(), "assessment", "AT_RISK", "narrative", "Vamos tarde con el portal"));
        assertThat(sent.status()).isEqualTo(409);
        assertThat(sent.body()).contains("Alguien más cambió este compromiso")
                .contains("versión " + other).contains("Vamos tarde con el portal");
        assertThat(types(c.id())).doesNotContain("MonitoringReportSubmitted");

        WorkspaceBrowser.Page again = browser.submit(sent, "/espacio/compromisos/" + c.id() + "/informe", Map.of(
                "periodEnd", TODAY.toString(), "assessment", "AT_RISK", "narrative", "Vamos tarde con el portal"));
        assertThat(again.status()).as("sent again on purpose, from the new state").isEqualTo(302);
    }

    @Test
    void anEditorOfAnotherStlSeesNoFormAndAForgedRequestIsRefusedWithAMessage() {
        Fixture c = inImplementation();
        WorkspaceBrowser oaxaca = signedIn("editor.oaxaca", "demo-oaxaca");
        WorkspaceBrowser.Page page = oaxaca.get("/espacio/compromisos/" + c.id());
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("es de otro Secretariado Técnico Local").doesNotContain("/avance?objetivo=");
        assertThat(oaxaca.get("/espacio/compromisos/" + c.id() + "/avance?objetivo=" + c.milestone()).status())
                .isEqualTo(403);

        long before = written(c.id());
        WorkspaceBrowser.Page forged = oaxaca.post("/espacio/compromisos/" + c.id() + "/avance", List.of(
                Map.entry("_csrf", page.csrf()), Map.entry("clave", "forjada-1"), Map.entry("version", "5"),
                Map.entry("objetivo", c.milestone()), Map.entry("percent", "99"), Map.entry("reportedOn", TODAY.toString())));
        assertThat(forged.status()).isEqualTo(403);
        assertThat(forged.body()).contains("tu cuenta no tiene permiso para hacer esto en este compromiso");
        assertThat(written(c.id())).as("nothing written").isEqualTo(before);

        WorkspaceBrowser.Page asAdministrator = signedIn("admin", "demo-admin").get("/espacio/compromisos/" + c.id());
        assertThat(asAdministrator.body()).as("an administrator is of no STL: the page says the role writes nothing here")
                .contains("tu función no registra nada en él").doesNotContain("es de otro Secretariado Técnico Local");
    }

    @Test
    void aDraftsPageOffersOnlyWhatADraftAllowsAndAFormItsStageRefusesIsExplainedInsteadOfShown() {
        Fixture draft = draft();
        WorkspaceBrowser browser = signedIn("editor.jalisco", "demo-jalisco");
        WorkspaceBrowser.Page page = browser.get("/espacio/compromisos/" + draft.id());
        assertThat(page.body()).contains("/adopcion\"", "/detalles\"", "/hito\"", "/indicador\"", "/cancelacion\"")
                .doesNotContain("/avance?objetivo=", "/medicion?objetivo=", "/informe\"", "/inicio\"", "/conclusion\"",
                        "/suspension\"", "/reanudacion\"", "/evaluacion\"");

        WorkspaceBrowser.Page explained = browser.get("/espacio/compromisos/" + draft.id() + "/avance?objetivo="
                + draft.milestone());
        assertThat(explained.status()).isEqualTo(409);
        assertThat(explained.body()).contains("Registrar avance: no disponible en esta etapa")
                .contains("No se puede registrar avance en un compromiso en borrador.")
                .contains("Este formulario se usa cuando el compromiso está:").contains("<li>en implementación</li>")
                .doesNotContain("name=\"percent\"");
    }

    @Test
    void aBrokenRuleAndABadFieldAreSaidInTheUsersWordsBesideTheField() {
        Fixture draft = draft();
        WorkspaceBrowser browser = signedIn("editor.jalisco", "demo-jalisco");
        // a form that the draft's page does not offer, posted anyway (an old tab): the command service decides
        WorkspaceBrowser.Page page = browser.get("/espacio/compromisos/" + draft.id());
        WorkspaceBrowser.Page refused = browser.post("/espacio/compromisos/" + draft.id() + "/avance", List.of(
                Map.entry("_csrf", page.csrf()), Map.entry("clave", "espacio-pestana-vieja-" + draft.id()),
                Map.entry("version", "2"), Map.entry("objetivo", draft.milestone()), Map.entry("percent", "10"),
                Map.entry("reportedOn", TODAY.toString())));
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.body()).contains("No se puede registrar avance en un compromiso en borrador.");

        Fixture c = inImplementation();
        WorkspaceBrowser.Page form = browser.get("/espacio/compromisos/" + c.id() + "/avance?objetivo=" + c.milestone());
        WorkspaceBrowser.Page bad = browser.submit(form, "/espacio/compromisos/" + c.id() + "/avance",
                Map.of("percent", "10", "reportedOn", TODAY.toString(), "evidenceUrls", "ftp://archivo.jalisco.gob.mx/x"));
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.body()).contains("id=\"campo-evidenceUrls-error\"")
                .contains("Cada enlace debe empezar con http:// o https://")
                .contains("aria-describedby=\"campo-evidenceUrls-ayuda campo-evidenceUrls-error\"")
                .contains("ftp://archivo.jalisco.gob.mx/x");
        WorkspaceBrowser.Page notANumber = browser.submit(bad, "/espacio/compromisos/" + c.id() + "/avance",
                Map.of("percent", "diez", "reportedOn", TODAY.toString()));
        assertThat(notANumber.status()).isEqualTo(400);
        assertThat(notANumber.body()).contains("Escribe un número entero").contains("value=\"diez\"");
    }

    @Test
    void adoptionAsksForConfirmationWithASummaryBeforeItIsWritten() {
        Fixture draft = draft();
        WorkspaceBrowser browser = signedIn("editor.jalisco", "demo-jalisco");
        WorkspaceBrowser.Page form = browser.get("/espacio/compromisos/" + draft.id() + "/adopcion");
        Map<String, String> typed = new LinkedHashMap<>();
        typed.put("sessionDate", TODAY.toString());
        typed.put("approvals.GOVERNMENT", "Mtra. Ana López");
        typed.put("approvals.TRANSPARENCY_BODY", "Lic. Pedro Ruiz");
        typed.put("approvals.CIVIL_SOCIETY", "Dra. Carmen Vega");
        WorkspaceBrowser.Page summary = browser.submit(form, "/espacio/compromisos/" + draft.id() + "/adopcion", typed);
        assertThat(summary.status()).isEqualTo(200);
        assertThat(summary.body()).contains("Vas a registrar que el STL adoptó el compromiso")
                .contains("Esto no se puede deshacer").contains("Dra. Carmen Vega");
        assertThat(types(draft.id())).doesNotContain("CommitmentAdopted");

        WorkspaceBrowser.Page confirmed = browser.submit(summary, "/espacio/compromisos/" + draft.id() + "/adopcion",
                Map.of("paso", "confirmar"));
        assertThat(confirmed.status()).as(confirmed.body()).isEqualTo(302);
        assertThat(browser.follow(confirmed).body()).contains("Se registró la adopción").contains("Adoptado");
        assertThat(types(draft.id())).contains("CommitmentAdopted");
    }

    @Test
    void aCsvWithOneBadRowWritesNothingUntilConfirmedAndThenOnlyTheGoodRowsOnce() {
        Fixture a = inImplementation();
        Fixture b = inImplementation();
        WorkspaceBrowser browser = signedIn("editor.jalisco", "demo-jalisco");
        WorkspaceBrowser.Page page = browser.get("/espacio/importar");
        WorkspaceBrowser.Page template = browser.get("/espacio/importar/plantilla-mediciones.csv");
        assertThat(template.status()).isEqualTo(200);
        assertThat(template.body()).startsWith("\uFEFFcompromiso_id,clave,indicador_id,indicador,unidad,valor,fecha,fuente,nota")
                .contains(a.indicator()).contains(b.indicator());
        String day = String.format("%02d/%02d/%d", TODAY.getDayOfMonth(), TODAY.getMonthValue(), TODAY.getYear());
        String csv = "\uFEFFcompromiso_id;clave;indicador_id;indicador;unidad;valor;fecha;fuente;nota\r\n"
                + a.id() + ";A;" + a.indicator() + ";Partidas;%;1.234,5;" + day + ";Informe;\r\n"
                + b.id() + ";B;" + b.indicator() + ";Partidas;%;mucho;" + TODAY + ";Informe;\r\n"
                + b.id() + ";B;" + b.indicator() + ";Partidas;%;42;" + TODAY + ";Informe;con nota\r\n";
        long beforeA = written(a.id());
        long beforeB = written(b.id());

        WorkspaceBrowser.Page preview = browser.upload("/espacio/importar", Map.of("_csrf", page.csrf(),
                "tipo", "mediciones"), "archivo", "mediciones.csv", csv.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertThat(preview.status()).as(preview.body()).isEqualTo(200);
        assertThat(preview.body()).contains("3 renglones, 2 listos para registrarse").contains("El valor no es un número")
                .contains("Registrar los 2 renglones válidos");
        assertThat(written(a.id())).as("a preview writes nothing").isEqualTo(beforeA);
        assertThat(written(b.id())).isEqualTo(beforeB);

        WorkspaceBrowser.Page done = browser.submit(preview, "/espacio/importar/confirmar", Map.of());
        assertThat(done.status()).as(done.body()).isEqualTo(200);
        assertThat(done.body()).contains("Se registraron 2 renglones; 0 fueron rechazados al registrarse y 1 no se enviaron");
        assertThat(written(a.id())).isEqualTo(beforeA + 1);
        assertThat(written(b.id())).isEqualTo(beforeB + 1);

        WorkspaceBrowser.Page again = browser.submit(preview, "/espacio/importar/confirmar", Map.of());
        assertThat(again.status()).as("a preview is confirmed once").isEqualTo(409);
        WorkspaceBrowser.Page sameFile = browser.upload("/espacio/importar", Map.of("_csrf", page.csrf(),
                "tipo", "mediciones"), "archivo", "mediciones.csv", csv.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        WorkspaceBrowser.Page replayed = browser.submit(sameFile, "/espacio/importar/confirmar", Map.of());
        assertThat(replayed.body()).as("the same file again: each row's key was already used")
                .contains("Se registraron 2 renglones");
        assertThat(written(a.id())).as("written once, however often confirmed").isEqualTo(beforeA + 1);
        assertThat(written(b.id())).isEqualTo(beforeB + 1);
    }

    @Test
    void aCsvRowForACommitmentSomeoneElseChangedAfterThePreviewIsRefusedAndTheSameFileLaterWritesEachRowOnce() {
        Fixture a = inImplementation();
        Fixture b = inImplementation();
        WorkspaceBrowser browser = signedIn("editor.jalisco", "demo-jalisco");
        WorkspaceBrowser.Page page = browser.get("/espacio/importar");
        String csv = "compromiso_id,clave,indicador_id,indicador,unidad,valor,fecha,fuente,nota\n"
                + a.id() + ",A," + a.indicator() + ",Partidas,%,11," + TODAY + ",Informe,primera\n"
                + b.id() + ",B," + b.indicator() + ",Partidas,%,21," + TODAY + ",Informe,\n"
                + b.id() + ",B," + b.indicator() + ",Partidas,%,22," + TODAY + ",Informe,otra del mismo\n"
                + a.id() + ",A," + a.indicator() + ",Partidas,%,12," + TODAY + ",Informe,segunda\n";
        byte[] file = csv.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        WorkspaceBrowser.Page preview = browser.upload("/espacio/importar", Map.of("_csrf", page.csrf(),
                "tipo", "mediciones"), "archivo", "mediciones.csv", file);
        assertThat(preview.status()).as(preview.body()).isEqualTo(200);
        long beforeA = written(a.id());
        long beforeB = written(b.id());

        // someone else writes to A between the preview and its confirmation
        long changed = jalisco.post("/api/v1/commitments/" + a.id() + "/milestones/" + a.milestone() + "/progress",
                Map.of("percent", 40, "reportedOn", TODAY.toString())).get("version").asLong();
        WorkspaceBrowser.Page done = browser.submit(preview, "/espacio/importar/confirmar", Map.of());
        assertThat(done.status()).as(done.body()).isEqualTo(200);
        assertThat(done.body()).contains("Se registraron 2 renglones; 2 fueron rechazados al registrarse")
                .contains("Alguien más cambió el compromiso después de la vista previa");
        assertThat(written(a.id())).as("A's rows refused: only the other person's write").isEqualTo(beforeA + 1);
        assertThat(written(b.id())).as("B's two rows, the second sent with the version the first answered")
                .isEqualTo(beforeB + 2);

        // the same file again, previewed from A's new state: A's rows are written, B's keys were used already
        query.get("/api/v1/commitments/" + a.id() + "?minVersion=" + changed);
        WorkspaceBrowser.Page again = browser.upload("/espacio/importar", Map.of("_csrf", page.csrf(),
                "tipo", "mediciones"), "archivo", "mediciones.csv", file);
        WorkspaceBrowser.Page replayed = browser.submit(again, "/espacio/importar/confirmar", Map.of());
        assertThat(replayed.body()).as(replayed.body()).contains("Se registraron 4 renglones; 0 fueron rechazados");
        assertThat(written(a.id())).isEqualTo(beforeA + 3);
        assertThat(written(b.id())).as("confirmed twice, written once").isEqualTo(beforeB + 2);
    }

    @Test
    void aMalformedCsvWritesNothingAndSaysWhy() {
        Fixture c = inImplementation();
        WorkspaceBrowser browser = signedIn("editor.jalisco", "demo-jalisco");
        WorkspaceBrowser.Page page = browser.get("/espacio/importar");
        String csv = "hito_id,avance,fecha,nota\n" + c.milestone() + ",50," + TODAY + ",bien\n"
                + c.milestone() + ",60," + TODAY + ",\"sin cerrar\n";
        long before = written(c.id());
        WorkspaceBrowser.Page refused = browser.upload("/espacio/importar", Map.of("_csrf", page.csrf(),
                "tipo", "avance"), "archivo", "avance.csv", csv.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body()).contains("No se pudo leer el archivo").contains("comillas sin cerrar")
                .contains("renglón 3").contains("No se registró nada de este archivo");
        WorkspaceBrowser.Page latin1 = browser.upload("/espacio/importar", Map.of("_csrf", page.csrf(),
                "tipo", "avance"), "archivo", "avance.csv", ("hito_id,avance,fecha,nota\n" + c.milestone() + ",50," + TODAY
                        + ",Años\n").getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
        assertThat(latin1.status()).isEqualTo(400);
        assertThat(latin1.body()).contains("no está en UTF-8");
        assertThat(written(c.id())).isEqualTo(before);
    }

    private static Fixture draft() {
        return fixtures.draft();
    }

    private static Fixture inImplementation() {
        return fixtures.inImplementation();
    }

    private static List<String> types(String id) {
        return query.get("/api/v1/commitments/" + id + "/history").get("events").findValuesAsString("type");
    }

    /** How many events the command service's own event store holds for the commitment. */
    private static long written(String id) {
        return jalisco.get("/api/v1/commitments/" + id + "/integrity").get("events").asLong();
    }

    private static List<String> actors(String id) {
        return query.get("/api/v1/commitments/" + id + "/history").get("events").findValuesAsString("actor");
    }

    private static Map<String, String> parameters(String query) {
        Map<String, String> parameters = new LinkedHashMap<>();
        for (String pair : query.split("&")) {
            int equals = pair.indexOf('=');
            parameters.put(URLDecoder.decode(pair.substring(0, equals), StandardCharsets.UTF_8),
                    URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8));
        }
        return parameters;
    }

    private static String dbName(String jdbcUrl) {
        return jdbcUrl.substring(jdbcUrl.lastIndexOf('/') + 1);
    }
}
