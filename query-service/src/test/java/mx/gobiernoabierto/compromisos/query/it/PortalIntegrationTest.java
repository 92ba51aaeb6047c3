package mx.gobiernoabierto.compromisos.query.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import tools.jackson.databind.JsonNode;

import mx.gobiernoabierto.compromisos.events.CommitmentDrafted;
import mx.gobiernoabierto.compromisos.events.DomainEvent;
import mx.gobiernoabierto.compromisos.events.OgpValue;
import mx.gobiernoabierto.compromisos.events.wire.EventEnvelope;

/**
 * The portal's pages read over HTTP from a query service fed through Kafka. The story's figures are computed by
 * hand: milestones of weights 1 (completed, 100) and 3 (40 %) give (1 × 100 + 3 × 40) / 4 = 220 / 4 = 55.0 %; the
 * indicator goes from 10 to 110 and its one measurement, 45 corrected to 35, is (35 − 10) / (110 − 10) = 25.0 % of
 * the way; the commitment ran 2024–2025, so today 100.0 % was expected and it is Retrasado (55 < 100 − 25), with the
 * second milestone (due 30 June 2025) overdue.
 */
class PortalIntegrationTest extends QueryIntegrationTest {

    private static final Instant START = Instant.parse("2025-03-03T15:00:00Z");
    private static final String ATOM = "http://www.w3.org/2005/Atom";

    /** A plan with the story's commitment (in implementation) and a second one, a draft. */
    private record Published(Streams.Story story, String draftId, List<EventEnvelope> events) {
    }

    private Published published() {
        Streams.Story story = Streams.Story.create();
        publish(Streams.chain(START, story.plan()).getFirst());
        List<EventEnvelope> events = Streams.chain(START, story.events().toArray(DomainEvent[]::new));
        events.forEach(QueryIntegrationTest::publish);
        String draftId = Streams.id();
        publish(Streams.chain(START, new CommitmentDrafted(draftId, story.planId(), "stl-oaxaca", "OAX-2024-02",
                "Mujeres en la contraloría social", "Pocas mujeres vigilan las obras", "Formar contraloras",
                List.of("Secretaría de Honestidad"), List.of("Red de Mujeres"), List.of(OgpValue.CIVIC_PARTICIPATION),
                List.of("5.5"), LocalDate.of(2024, 1, 1), LocalDate.of(2025, 12, 31))).getFirst());
        awaitVersion(story.commitmentId(), 9);
        awaitVersion(draftId, 0);
        return new Published(story, draftId, events);
    }

    @Test
    void theDashboardShowsThePlanItsFiguresTrafficLightsAndTheSdgRollUpInSpanish() {
        Published p = published();
        Http.Reply page = http().get("/?plan=" + p.story().planId());

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.contentType()).isEqualTo("text/html;charset=UTF-8");
        assertThat(page.text()).contains("<html lang=\"es-MX\"", "href=\"#contenido\"", "<main id=\"contenido\"",
                "PAL Oaxaca 2024-2026", "STL Oaxaca");
        assertThat(text(page, "cifra-total")).isEqualTo("2");
        // the draft counts with 0 %: (55.0 + 0) / 2
        assertThat(text(page, "cifra-avance")).isEqualTo("27.5 %");
        assertThat(text(page, "cifra-vencidos")).isEqualTo("1");
        assertThat(row(page, "semaforo-DELAYED")).contains("Retrasado", "1 de 1 en implementación");
        assertThat(row(page, "semaforo-ON_TRACK")).contains("En tiempo", "0 de 1");
        assertThat(row(page, "estado-DRAFT")).contains("Borrador", ">1<");
        assertThat(row(page, "estado-IN_IMPLEMENTATION")).contains("En implementación", ">1<");
        assertThat(row(page, "ods-16")).contains("ODS 16 · Paz, justicia e instituciones sólidas", "55.0 %",
                "16.6: 1 · 55.0 %", "fill=\"#00689D\"");
        assertThat(row(page, "ods-5")).contains("Igualdad de género", "0.0 %");
        assertThat(row(page, "ods-1")).contains("Fin de la pobreza", "ningún compromiso");

        String policy = page.header("Content-Security-Policy");
        assertThat(policy).contains("default-src 'none'", "style-src 'self'", "script-src 'self'",
                "connect-src 'self' http://localhost:8081", "form-action 'self'", "frame-ancestors 'none'");
        assertThat(page.text()).doesNotContain(" style=\"", "<script>");
    }

    @Test
    void theCommitmentPageShowsTheHandComputedFiguresWeightsTimelineAndIndicatorWithItsCorrection() {
        Published p = published();
        Http.Reply page = http().get("/compromisos/" + p.story().commitmentId());

        assertThat(page.status()).isEqualTo(200);
        assertThat(text(page, "etapa")).isEqualTo("En implementación");
        assertThat(text(page, "avance-implementacion")).isEqualTo("55.0 %");
        assertThat(text(page, "avance-esperado")).isEqualTo("100.0 %");
        assertThat(text(page, "avance-indicadores")).isEqualTo("25.0 %");
        assertThat(text(page, "hitos")).isEqualTo("1 de 2");
        assertThat(text(page, "hitos-vencidos")).isEqualTo("1 hito(s) vencido(s)");
        assertThat(page.text()).contains("Retrasado", "debería llevar 100.0 % de avance; lleva 55.0 %",
                "Avance de implementación = Σ(peso × avance) / Σ peso = 220 / 4 = 55.0 %",
                "Las compras públicas son opacas", "Publicar contrataciones en datos abiertos",
                "Secretaría de Administración", "Colectivo Oaxaca Abierta", "Transparencia",
                "ODS 16 · Paz, justicia e instituciones sólidas", "ODS 12 · Producción y consumo responsables",
                "Concluido el 1 de junio de 2024", "https://oaxaca.gob.mx/diagnostico.pdf",
                "Vencido: no está concluido", "30 de junio de 2025",
                "A (Gobierno)", "B (Órgano garante)", "C (Sociedad civil)",
                "Aumentar (mayor es mejor)", "Línea base: 10", "Meta: 110",
                "Corregido de 45 a 35. Motivo: Duplicados");
        String measurement = row(page, "medicion-" + p.story().measurement());
        assertThat(measurement).containsPattern("<del[^>]*>45</del>").contains(">35<", "30 de septiembre de 2024");
        assertThat(row(page, "tabla-pesos")).contains(">3<", ">40 %<", ">120<", ">100<");
        assertThat(page.text()).contains("<svg class=\"grafica-indicador\"", "role=\"img\"", "<title", "<desc");
    }

    @Test
    void theDateControlShowsAPastStateWithABannerAndRefusesWhatItCannotRead() {
        Published p = published();
        String id = p.story().commitmentId();
        // after the first milestone's completion (event 6), before the second's progress (event 7)
        Instant between = START.plusSeconds(60L * 6 + 30);
        Http.Reply past = http().get("/compromisos/" + id + "?al=" + between);

        assertThat(past.status()).isEqualTo(200);
        assertThat(past.text()).contains("id=\"estado-pasado\"", "Está viendo un estado pasado",
                "Ver el estado actual");
        assertThat(text(past, "avance-implementacion")).isEqualTo("25.0 %");
        assertThat(text(past, "avance-indicadores")).isEqualTo("sin dato");

        // the date control's optional time: 09:06 in Mexico City is 15:06 UTC, when event 6 was recorded
        Http.Reply atMinute = http().get("/compromisos/" + id + "?al=2025-03-03&hora=09:06");
        assertThat(atMinute.status()).isEqualTo(200);
        assertThat(atMinute.text()).contains("Está viendo un estado pasado", "3 de marzo de 2025, 09:06:59");
        assertThat(text(atMinute, "avance-implementacion")).isEqualTo("25.0 %");
        assertThat(http().get("/compromisos/" + id + "?al=2025-03-03&hora=25:00").status()).isEqualTo(400);

        Http.Reply endOfDay = http().get("/compromisos/" + id + "?al=2025-03-03");
        assertThat(endOfDay.status()).isEqualTo(200);
        assertThat(endOfDay.text()).contains("Así estaba al terminar el 3 de marzo de 2025");
        assertThat(text(endOfDay, "avance-implementacion")).isEqualTo("55.0 %");

        Http.Reply before = http().get("/compromisos/" + id + "?al=2025-03-02");
        assertThat(before.status()).isEqualTo(404);
        assertThat(before.text()).contains("Este compromiso todavía no existía", "2 de marzo de 2025");

        Http.Reply bad = http().get("/compromisos/" + id + "?al=ayer");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.contentType()).startsWith("text/html");
        assertThat(bad.text()).contains("No entendimos la dirección", "«al»");

        assertThat(http().get("/compromisos/" + id + "?al=2999-01-01").status()).isEqualTo(400);
        assertThat(http().get("/compromisos/" + id).text()).doesNotContain("estado-pasado");
    }

    @Test
    void thePlanPageFiltersSortsAndDownloadsExactlyWhatItShows() throws Exception {
        Published p = published();
        String plan = "/planes/" + p.story().planId();

        Http.Reply all = http().get(plan);
        assertThat(all.status()).isEqualTo(200);
        assertThat(codes(all)).containsExactly("OAX-2024-01", "OAX-2024-02");
        assertThat(text(all, "conteo")).isEqualTo("Se muestran los compromisos 1 a 2 de 2.");

        assertThat(codes(http().get(plan + "?estado=DRAFT"))).containsExactly("OAX-2024-02");
        assertThat(codes(http().get(plan + "?calendario=DELAYED"))).containsExactly("OAX-2024-01");
        assertThat(codes(http().get(plan + "?ods=12"))).containsExactly("OAX-2024-01");
        assertThat(codes(http().get(plan + "?valor=CIVIC_PARTICIPATION"))).containsExactly("OAX-2024-02");
        assertThat(codes(http().get(plan + "?calendario=ON_TRACK"))).isEmpty();
        Http.Reply sorted = http().get(plan + "?orden=avance&dir=desc");
        assertThat(codes(sorted)).containsExactly("OAX-2024-01", "OAX-2024-02");
        assertThat(codes(http().get(plan + "?orden=avance"))).containsExactly("OAX-2024-02", "OAX-2024-01");
        assertThat(sorted.text()).contains("aria-sort=\"descending\"",
                "href=\"" + plan + "/compromisos.csv?orden=avance&amp;dir=desc\"");

        Http.Reply filtered = http().get(plan + "?estado=DRAFT");
        assertThat(filtered.text()).contains("href=\"" + plan + "/compromisos.csv?estado=DRAFT\"",
                "href=\"" + plan + "/compromisos.json?estado=DRAFT\"");
        Http.Reply csv = http().get(plan + "/compromisos.csv?estado=DRAFT");
        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.contentType()).startsWith("text/csv");
        List<String> lines = csv.text().lines().toList();
        assertThat(lines).hasSize(2);
        assertThat(lines.getFirst()).startsWith("commitmentId,planId,stlId,code,title,status,implementationProgress");
        assertThat(lines.get(1)).startsWith(p.draftId() + "," + p.story().planId() + ",stl-oaxaca,OAX-2024-02,");

        JsonNode json = http().get(plan + "/compromisos.json?orden=avance&dir=desc").json();
        assertThat(json.get("totalItems").asLong()).isEqualTo(2);
        assertThat(json.get("items").get(0).get("code").asString()).isEqualTo("OAX-2024-01");
        assertThat(json.get("items").get(0).get("implementationProgress").decimalValue())
                .isEqualByComparingTo("55.0");
        assertThat(json.get("items").get(0).get("scheduleStatus").asString()).isEqualTo("DELAYED");
        assertThat(json.get("parameters").get("orden").asString()).isEqualTo("avance");

        Http.Reply bad = http().get(plan + "?estado=FOO");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.text()).contains("El valor de «estado» no es válido");
        assertThat(http().get(plan + "?ods=18").status()).isEqualTo(400);
        assertThat(http().get(plan + "?pagina=0").status()).isEqualTo(400);
    }

    @Test
    void theHistoryPageTellsEveryEventInOrderWithItsHashesAndCarriesTheVerificationFragment() {
        Published p = published();
        String id = p.story().commitmentId();
        Http.Reply page = http().get("/compromisos/" + id + "/historial");

        assertThat(page.status()).isEqualTo(200);
        int last = -1;
        for (EventEnvelope event : p.events()) {
            int at = page.text().indexOf("id=\"evento-" + event.sequence() + "\"");
            assertThat(at).as("event %d", event.sequence()).isGreaterThan(last);
            last = at;
            assertThat(page.text()).contains(event.hash(), event.occurredAt());
        }
        assertThat(page.text()).contains(
                "ana.lopez registró 40 % de avance en «Portal» el 1 de septiembre de 2024.",
                "ana.lopez registró el borrador del compromiso «Compras abiertas» (OAX-2024-01) el 3 de marzo de 2025.",
                "ana.lopez corrigió una medición de «Contratos publicados»: de 45 a 35. Motivo: Duplicados",
                "0".repeat(64), "<ol class=\"eventos\" start=\"0\">");
        assertThat(page.text()).contains("<section id=\"verificacion\"",
                "data-history-url=\"/api/v1/commitments/" + id + "/history\"",
                "data-integrity-url=\"http://localhost:8081/api/v1/commitments/" + id + "/integrity\"",
                "data-commitment-id=\"" + id + "\"",
                "<button type=\"button\" id=\"verificar\" hidden>Verificar en mi navegador</button>",
                "<div id=\"resultado-verificacion\" role=\"status\" aria-live=\"polite\"></div>",
                "<script src=\"/recursos/js/verificar.js\" defer></script>");
        assertThat(http().get("/recursos/js/verificar.js").status()).isEqualTo(200);
        Http.Reply css = http().get("/recursos/css/portal.css");
        assertThat(css.status()).isEqualTo(200);
        assertThat(css.contentType()).startsWith("text/css");
    }

    @Test
    void theFeedsAreAtomWithAnEntryPerEvent() throws Exception {
        Published p = published();
        Http.Reply commitment = http().get("/compromisos/" + p.story().commitmentId() + "/feed.atom");
        assertThat(commitment.status()).isEqualTo(200);
        assertThat(commitment.contentType()).startsWith("application/atom+xml");
        Document feed = atom(commitment.text());
        Element root = feed.getDocumentElement();
        assertThat(root.getLocalName()).isEqualTo("feed");
        assertThat(root.getNamespaceURI()).isEqualTo(ATOM);
        assertThat(child(root, "id")).isEqualTo("urn:uuid:" + p.story().commitmentId());
        assertThat(child(root, "title")).contains("OAX-2024-01", "Compras abiertas");
        OffsetDateTime.parse(child(root, "updated"));
        NodeList entries = feed.getElementsByTagNameNS(ATOM, "entry");
        assertThat(entries.getLength()).isEqualTo(10);
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < entries.getLength(); i++) {
            Element entry = (Element) entries.item(i);
            ids.add(child(entry, "id"));
            OffsetDateTime.parse(child(entry, "updated"));
            assertThat(child(entry, "title")).isNotBlank();
            assertThat(entry.getElementsByTagNameNS(ATOM, "author").getLength()).isEqualTo(1);
        }
        assertThat(ids).containsExactlyInAnyOrderElementsOf(p.events().stream().map(e -> "urn:uuid:" + e.eventId()).toList());
        assertThat(commitment.text()).contains("registró 40 % de avance en «Portal»");

        Document plan = atom(http().get("/planes/" + p.story().planId() + "/feed.atom").text());
        // the plan's registration, the story's ten events and the draft's one
        assertThat(plan.getElementsByTagNameNS(ATOM, "entry").getLength()).isEqualTo(12);
    }

    @Test
    void unknownPagesAreSpanishHtmlWhileTheApiKeepsItsProblems() {
        String unknown = "00000000-0000-4000-8000-000000000000";
        for (String path : new String[] {"/compromisos/" + unknown, "/compromisos/" + unknown + "/historial",
                "/planes/" + unknown, "/compromisos/no-es-un-id", "/planes/" + unknown + "/feed.atom",
                "/compromisos/" + unknown + "/otra-cosa"}) {
            Http.Reply reply = http().get(path);
            assertThat(reply.status()).as(path).isEqualTo(404);
            assertThat(reply.contentType()).as(path).isEqualTo("text/html;charset=UTF-8");
            assertThat(reply.text()).as(path).contains("lang=\"es-MX\"", "No encontramos esta página", "Volver al tablero");
        }
        Http.Reply api = http().get("/api/v1/commitments/" + unknown);
        assertThat(api.status()).isEqualTo(404);
        assertThat(api.json().get("type").asString()).isEqualTo("/problems/not-found");
        assertThat(api.header("Content-Security-Policy")).startsWith("default-src 'none'; frame-ancestors 'none'");
        assertThat(http().get("/?stl=No%20Valido").status()).isEqualTo(400);
    }

    @Test
    void theReferencePagesPublishFormulasTheSdgCatalogueAndTheDataDictionary() {
        Http.Reply methodology = http().get("/metodologia");
        assertThat(methodology.status()).isEqualTo(200);
        assertThat(methodology.text()).contains("Σ(wᵢ × pᵢ) / Σ wᵢ", "esperado − 10", "esperado − 25",
                "(v − base) / (meta − base) × 100", "(base − v) / (base − meta) × 100",
                "16.1, 16.2, 16.3, 16.4, 16.5, 16.6, 16.7, 16.8, 16.9, 16.10, 16.a, 16.b", "17.19",
                "indicatorMeanProgress");
        for (String goal : new String[] {"Fin de la pobreza", "Hambre cero", "Salud y bienestar", "Educación de calidad",
                "Igualdad de género", "Agua limpia y saneamiento", "Energía asequible y no contaminante",
                "Trabajo decente y crecimiento económico", "Industria, innovación e infraestructura",
                "Reducción de las desigualdades", "Ciudades y comunidades sostenibles",
                "Producción y consumo responsables", "Acción por el clima", "Vida submarina",
                "Vida de ecosistemas terrestres", "Paz, justicia e instituciones sólidas",
                "Alianzas para lograr los objetivos"}) {
            assertThat(methodology.text()).contains(goal);
        }
        assertThat(methodology.text().split("id=\"catalogo-ods-", -1)).hasSize(18);

        Http.Reply data = http().get("/datos");
        assertThat(data.status()).isEqualTo(200);
        assertThat(data.text()).contains("/api/v1/export/commitments.csv", "scheduleStatus", "sdgTargets", "lastEventAt");
        Http.Reply statement = http().get("/accesibilidad");
        assertThat(statement.status()).isEqualTo(200);
        assertThat(statement.text()).contains("WCAG", "2.1", "AA");
    }

    private static String text(Http.Reply page, String id) {
        Matcher m = Pattern.compile("id=\"" + id + "\"[^>]*>([^<]*)<").matcher(page.text());
        assertThat(m.find()).as("element #%s in the page", id).isTrue();
        return m.group(1).strip();
    }

    /** The element with the id, up to the end of its line block (enough for a table row or list item). */
    private static String row(Http.Reply page, String id) {
        int at = page.text().indexOf("id=\"" + id + "\"");
        assertThat(at).as("element #%s in the page", id).isNotNegative();
        int end = page.text().indexOf("</tr>", at);
        int li = page.text().indexOf("</li>", at);
        int table = page.text().indexOf("</table>", at);
        int stop = id.startsWith("tabla-") ? table : (end < 0 || (li >= 0 && li < end) ? li : end);
        return page.text().substring(at, stop);
    }

    private static List<String> codes(Http.Reply page) {
        assertThat(page.status()).isEqualTo(200);
        List<String> codes = new ArrayList<>();
        Matcher m = Pattern.compile("id=\"fila-([^\"]+)\"").matcher(page.text());
        while (m.find()) {
            codes.add(m.group(1));
        }
        return codes;
    }

    private static Document atom(String xml) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
    }

    private static String child(Element parent, String name) {
        NodeList nodes = parent.getElementsByTagNameNS(ATOM, name);
        for (int i = 0; i < nodes.getLength(); i++) {
            if (nodes.item(i).getParentNode() == parent) {
                return nodes.item(i).getTextContent();
            }
        }
        throw new AssertionError("no " + name + " in " + parent.getLocalName());
    }
}
