package mx.gobiernoabierto.compromisos.localstack;

import static mx.gobiernoabierto.compromisos.localstack.DemoApi.body;

import java.io.PrintStream;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.JsonNode;

import mx.gobiernoabierto.compromisos.localstack.DemoApi.DemoLoadException;
import mx.gobiernoabierto.compromisos.localstack.DemoCommitment.Measured;

/**
 * The demo: the Local Technical Secretariats (STL) of Jalisco, Oaxaca and Nuevo León, a Local Action Plan
 * 2025-2027 each and ten commitments that between them pass through every state of the lifecycle, written
 * through the public HTTP API of the command service as an STL would write them.
 *
 * <p>Dates are counted back from the day of the first load (in Mexico City), so that no reported date lies in
 * the future and the schedule figures come out as intended on that day: of the three commitments in
 * implementation one is on track, one at risk and one delayed with overdue milestones.
 *
 * <p>Loading again writes nothing: every request carries an {@code Idempotency-Key} named after its step
 * ({@code demo-v1/jalisco/JAL-2025-01/milestone-2}), the service answers a repeat with the first answer (the same
 * ids, so the later steps repeat exactly) and marks it {@code Idempotent-Replayed}. A load on a later day keeps
 * the dates of the first: it finds that day from the start date of JAL-2025-01 in the query service.
 *
 * <p>Requests go as the users of the services' {@code demo} profile (HTTP Basic): plans as the administrator,
 * commitments as their STL's editor, the evaluation as the evaluator. A command service that checks no
 * credentials ignores them.
 */
public final class DemoData {

    static final String DEMO = "demo-v1";
    static final ZoneId MEXICO_CITY = ZoneId.of("America/Mexico_City");

    private static final String JALISCO = DEMO + "/jalisco";
    private static final String OAXACA = DEMO + "/oaxaca";
    private static final String NUEVO_LEON = DEMO + "/nuevo-leon";
    /** The first step whose body depends on the day of the load, and how many days before that day it starts. */
    private static final String ANCHOR_CODE = "JAL-2025-01";
    private static final int ANCHOR_AGE = 600;
    private static final Duration CATCH_UP = Duration.ofSeconds(60);
    /**
     * The users of the services' {@code demo} profile (command-service-demo.yml, where their passwords are public):
     * plans are registered by the administrator, each STL's commitments by its editor, the evaluation by the
     * evaluator.
     */
    private static final DemoApi.Caller ADMIN = new DemoApi.Caller("admin", "demo-admin");
    private static final DemoApi.Caller EDITOR_JALISCO = new DemoApi.Caller("editor.jalisco", "demo-jalisco");
    private static final DemoApi.Caller EDITOR_OAXACA = new DemoApi.Caller("editor.oaxaca", "demo-oaxaca");
    private static final DemoApi.Caller EDITOR_NUEVO_LEON = new DemoApi.Caller("editor.nuevoleon", "demo-nuevoleon");
    private static final DemoApi.Caller EVALUATOR = new DemoApi.Caller("evaluador", "demo-evaluador");

    private final DemoApi api;
    private final PrintStream progress;
    private final Clock clock;
    private final Map<String, String> plans = new LinkedHashMap<>();
    private final List<DemoCommitment> commitments = new ArrayList<>();
    private String planTitle;
    private String printedPlanTitle;
    /** The day the demo is dated from: today on the first load. */
    private LocalDate day;

    /**
     * @param commandUrl the command service, e.g. {@code http://localhost:8081}
     * @param queryUrl   the query service, e.g. {@code http://localhost:8082}
     * @param progress   where a short line per commitment goes
     */
    public DemoData(String commandUrl, String queryUrl, PrintStream progress) {
        this(commandUrl, queryUrl, progress, Clock.system(MEXICO_CITY));
    }

    /** With another clock: a load "on a later day" must find and keep the dates of the first. */
    DemoData(String commandUrl, String queryUrl, PrintStream progress, Clock clock) {
        this.api = new DemoApi(commandUrl, queryUrl);
        this.progress = progress;
        this.clock = clock.withZone(MEXICO_CITY);
    }

    /** What a load sent: {@code replayed} of the {@code requests} were answered from an earlier load. */
    public record Summary(int plans, int commitments, int requests, int replayed) {

        @Override
        public String toString() {
            String requestsText = requests + " requests";
            if (replayed == 0) {
                return plans + " plans, " + commitments + " commitments, " + requestsText + " (all new)";
            }
            if (replayed == requests) {
                return plans + " plans, " + commitments + " commitments, " + requestsText
                        + " (all replayed: the demo was already loaded, nothing was written)";
            }
            return plans + " plans, " + commitments + " commitments, " + requestsText + " (" + replayed
                    + " replayed from an earlier load, " + (requests - replayed) + " new)";
        }
    }

    /**
     * Loads the demo, or confirms it is there, and waits (up to a minute) until the query service shows it.
     *
     * @throws IllegalStateException naming the step and the service's problem, if any request is refused
     */
    public Summary load() {
        LocalDate today = LocalDate.now(clock);
        try {
            return loadFrom(today);
        } catch (DemoLoadException e) {
            if (!e.isIdempotencyKeyReuse() || !e.step().equals(JALISCO + "/" + ANCHOR_CODE + "/draft")) {
                throw e;
            }
        }
        LocalDate firstDay = firstLoadDay(today);
        progress.println("  The demo was first loaded on " + firstDay + "; its dates are kept as they were then.");
        return loadFrom(firstDay);
    }

    /** Commitment codes and their versions after the last load. */
    Map<String, Long> versionsByCode() {
        Map<String, Long> versions = new LinkedHashMap<>();
        commitments.forEach(c -> versions.put(c.code(), c.version()));
        return versions;
    }

    /** Commitment codes and their ids after the last load. */
    Map<String, String> idsByCode() {
        Map<String, String> ids = new LinkedHashMap<>();
        commitments.forEach(c -> ids.put(c.code(), c.id()));
        return ids;
    }

    /** STL ids and their plan ids after the last load. */
    Map<String, String> planIds() {
        return Map.copyOf(plans);
    }

    private Summary loadFrom(LocalDate firstDay) {
        api.resetCounts();
        plans.clear();
        commitments.clear();
        printedPlanTitle = null;
        day = firstDay;
        jalisco();
        oaxaca();
        nuevoLeon();
        awaitQueryService();
        return new Summary(plans.size(), commitments.size(), api.requests(), api.replayed());
    }

    // ------------------------------------------------------------------------------------------------ Jalisco

    private void jalisco() {
        String plan = plan(JALISCO, "stl-jalisco", "Secretariado Técnico Local de Gobierno Abierto de Jalisco", "Jalisco",
                "Plan de Acción Local de Gobierno Abierto Jalisco 2025-2027");
        String government = "Mtro. Ricardo Villaseñor Ochoa, Secretaría de la Hacienda Pública";
        String itei = "Dra. Mariana Velasco Lomelí, comisionada del Instituto de Transparencia, Información Pública "
                + "y Protección de Datos Personales del Estado de Jalisco";

        // ------------------------------------------------ JAL-2025-01: in implementation, on track
        DemoCommitment c = DemoCommitment.draft(api, EDITOR_JALISCO, EVALUATOR, JALISCO, plan, ANCHOR_CODE, details(
                "Contrataciones abiertas en la obra pública estatal",
                "La información sobre la planeación, adjudicación y ejecución de la obra pública estatal se publica de "
                        + "manera dispersa, en formatos no reutilizables y con meses de retraso. La ciudadanía no puede "
                        + "dar seguimiento al uso de los recursos ni detectar a tiempo sobrecostos, retrasos u obras "
                        + "inconclusas.",
                "Publicar en datos abiertos, conforme al Estándar de Datos para las Contrataciones Abiertas (EDCA), el "
                        + "ciclo completo de los contratos de obra pública estatal, desde la planeación hasta el "
                        + "finiquito, y acompañar su seguimiento con mesas de contraloría social en diez obras "
                        + "prioritarias.",
                List.of("Secretaría de la Hacienda Pública", "Secretaría de Infraestructura y Obra Pública",
                        "Contraloría del Estado de Jalisco"),
                List.of("Observatorio Ciudadano de la Obra Pública de Jalisco", "Colectivo Jalisco Transparente, A.C."),
                List.of("TRANSPARENCY", "PUBLIC_ACCOUNTABILITY", "TECHNOLOGY_AND_INNOVATION"),
                List.of("16.6", "16.5", "12.7"), ago(ANCHOR_AGE), ahead(400)));
        c.milestone(1, "Diagnóstico de la información de contratación de obra publicada",
                "Revisión de los sistemas de compras y de las obligaciones de transparencia vigentes para identificar "
                        + "las brechas frente al EDCA.", ago(480), "Secretaría de la Hacienda Pública", 1);
        c.milestone(2, "Adopción del EDCA en el sistema estatal de contrataciones",
                "Acuerdo administrativo y ajustes al sistema de compras para generar la información de cada contrato "
                        + "conforme al estándar.", ago(240), "Secretaría de Infraestructura y Obra Pública", 2);
        c.milestone(3, "Publicación de los contratos de obra en el portal de datos abiertos",
                "Conjunto de datos actualizado cada mes con todas las etapas de cada contrato de obra pública estatal.",
                ahead(120), "Secretaría de la Hacienda Pública", 3);
        c.milestone(4, "Mesas de contraloría social en diez obras prioritarias",
                "Seguimiento ciudadano en sitio a diez obras elegidas por el STL, con minutas públicas y respuesta de "
                        + "la dependencia a cada hallazgo.", ahead(380),
                "Contraloría del Estado de Jalisco y Observatorio Ciudadano de la Obra Pública de Jalisco", 2);
        c.indicator(1, "Porcentaje de contratos de obra pública estatal publicados en datos abiertos conforme al EDCA",
                "OUTPUT", "%", "18", ago(640), "90", ahead(400), "QUARTERLY",
                "Conjunto de datos de contrataciones en datos.jalisco.gob.mx, cotejado con el padrón de contratos de "
                        + "la Secretaría de la Hacienda Pública.", null, 1);
        c.indicator(2, "Días naturales entre la firma de un contrato de obra y su publicación", "OUTCOME", "días",
                "96", ago(640), "15", ahead(400), "QUARTERLY",
                "Diferencia entre la fecha de firma y la fecha de publicación de cada contrato en el conjunto de datos "
                        + "EDCA; promedio del trimestre.", null, 0);
        c.adopt(ago(612), government, itei,
                "Lic. Sofía Arreola Gutiérrez, Observatorio Ciudadano de la Obra Pública de Jalisco");
        c.startImplementation(ago(ANCHOR_AGE));
        c.progress(1, 50, ago(530), "Se revisaron los sistemas de compras de las tres dependencias responsables.");
        c.completeMilestone(1, ago(488), "Diagnóstico presentado y aprobado en la sesión ordinaria del STL.",
                "https://hacienda.jalisco.gob.mx/contrataciones-abiertas/diagnostico-edca-2025.pdf",
                "https://transparencia.jalisco.gob.mx/stl/actas/sesion-ordinaria-2025-04.pdf");
        c.progress(2, 40, ago(400), "Publicado el proyecto de acuerdo para comentarios.",
                "https://siop.jalisco.gob.mx/transparencia/edca/proyecto-acuerdo.pdf");
        c.progress(2, 80, ago(300), "El sistema de compras ya genera los registros de licitación y adjudicación.");
        c.completeMilestone(2, ago(250), "Acuerdo publicado en el Periódico Oficial «El Estado de Jalisco».",
                "https://periodicooficial.jalisco.gob.mx/contenido/acuerdo-edca-obra-publica",
                "https://siop.jalisco.gob.mx/transparencia/edca/acuerdo-adopcion.pdf");
        c.progress(3, 30, ago(150), "Primera publicación: contratos del primer semestre.",
                "https://datos.jalisco.gob.mx/dataset/contratos-obra-publica-edca");
        c.progress(3, 60, ago(25), "Se incorporaron los convenios modificatorios y los finiquitos.",
                "https://datos.jalisco.gob.mx/dataset/contratos-obra-publica-edca/resource/convenios-modificatorios");
        c.progress(4, 25, ago(40), "Se realizaron las primeras tres mesas de contraloría social.",
                "https://contraloria.jalisco.gob.mx/contraloria-social/minutas/obra-prioritaria-03.pdf");
        List<Measured> published = c.measurePeriodically(1, 3, ago(ANCHOR_AGE), ago(1), 1.1,
                "Conjunto de datos EDCA de obra pública, Secretaría de la Hacienda Pública");
        c.measurePeriodically(2, 3, ago(ANCHOR_AGE), ago(1), 1.0,
                "Conjunto de datos EDCA de obra pública, Secretaría de la Hacienda Pública");
        Measured preliminary = published.get(published.size() - 2);
        c.correct(preliminary, preliminary.value().subtract(new BigDecimal("4.5")),
                "El dato preliminar contó dos veces los convenios modificatorios; se sustituye por la cifra "
                        + "definitiva del informe trimestral de la Secretaría de la Hacienda Pública.");
        List<LocalDate> quarters = quarterEnds(2);
        c.report(quarters.get(0), "ON_TRACK", "El EDCA ya está adoptado y la publicación mensual avanza conforme a lo "
                + "programado. El STL pidió incluir los contratos de los organismos públicos descentralizados.");
        c.report(quarters.get(1), "ON_TRACK", "Se corrigió el dato del trimestre anterior y se iniciaron las mesas de "
                + "contraloría social; el avance es acorde con el tiempo transcurrido.");
        done(c);

        // ------------------------------------------------ JAL-2025-02: in implementation, at risk
        c = DemoCommitment.draft(api, EDITOR_JALISCO, EVALUATOR, JALISCO, plan, "JAL-2025-02", details(
                "Paridad en los consejos consultivos municipales",
                "Las mujeres ocupan menos de un tercio de los asientos en los consejos consultivos y comités ciudadanos "
                        + "de los municipios de Jalisco, y no existen reglas ni datos públicos que permitan vigilar su "
                        + "integración paritaria.",
                "Establecer lineamientos de integración paritaria de los consejos consultivos municipales, publicar "
                        + "un registro abierto de su composición y formar a mujeres de doce municipios para participar "
                        + "en ellos.",
                List.of("Secretaría de Igualdad Sustantiva entre Mujeres y Hombres", "Secretaría General de Gobierno"),
                List.of("Red de Mujeres Líderes de Jalisco",
                        "Observatorio Ciudadano de Participación Política de las Mujeres en Jalisco"),
                List.of("CIVIC_PARTICIPATION", "TRANSPARENCY"),
                List.of("5.5", "5.c", "16.7"), ago(400), ahead(330)));
        c.milestone(1, "Diagnóstico de la integración de los consejos consultivos municipales",
                "Levantamiento de la composición por sexo de los consejos de los 125 municipios.", ago(300),
                "Secretaría de Igualdad Sustantiva entre Mujeres y Hombres", 1);
        c.milestone(2, "Lineamientos de integración paritaria aprobados",
                "Lineamientos estatales que obliguen a integrar los consejos de forma paritaria y a publicar su "
                        + "composición.", ago(60), "Secretaría General de Gobierno", 2);
        c.milestone(3, "Escuela de liderazgo para mujeres de doce municipios",
                "Programa de formación de seis meses sobre participación en consejos, presupuesto y rendición de "
                        + "cuentas.", ahead(200), "Red de Mujeres Líderes de Jalisco", 2);
        c.milestone(4, "Registro abierto de la composición de los consejos",
                "Conjunto de datos con la integración de cada consejo, actualizado en cada renovación.", ahead(320),
                "Secretaría General de Gobierno", 1);
        c.indicator(1, "Porcentaje de asientos de los consejos consultivos municipales ocupados por mujeres", "OUTCOME",
                "%", "28.5", ago(420), "50", ahead(330), "SEMIANNUAL",
                "Registro de integración de consejos reportado por los ayuntamientos a la Secretaría General de "
                        + "Gobierno.", "5.5.1", 1);
        c.indicator(2, "Mujeres que participan en la escuela de liderazgo", "OUTPUT", "personas", "0", ago(400), "240",
                ahead(330), "QUARTERLY", "Listas de participantes de la escuela de liderazgo publicadas por la "
                        + "Secretaría de Igualdad Sustantiva entre Mujeres y Hombres.", null, 0);
        c.adopt(ago(410), government, itei, "Mtra. Lorena Castañeda Ruvalcaba, Red de Mujeres Líderes de Jalisco");
        c.startImplementation(ago(400));
        c.completeMilestone(1, ago(305), "Diagnóstico publicado con datos por municipio.",
                "https://igualdad.jalisco.gob.mx/consejos-paritarios/diagnostico-2025.pdf");
        c.progress(2, 20, ago(200), "Proyecto de lineamientos en consulta con los municipios.",
                "https://igualdad.jalisco.gob.mx/consejos-paritarios/consulta-lineamientos");
        c.progress(2, 40, ago(70), "El proyecto requiere la reforma a la ley municipal, aún sin dictaminar.");
        c.reschedule(2, ahead(90), "El Congreso del Estado pospuso para el siguiente periodo ordinario la discusión de la "
                + "reforma a la Ley del Gobierno y la Administración Pública Municipal, de la que dependen los "
                + "lineamientos.");
        c.progress(3, 20, ago(30), "Inició la primera generación con 48 participantes de cuatro municipios.",
                "https://igualdad.jalisco.gob.mx/escuela-liderazgo/generacion-1");
        c.measurePeriodically(1, 6, ago(400), ago(1), 0.45,
                "Registro de integración de consejos, Secretaría General de Gobierno");
        c.measure(2, new BigDecimal("48"), ago(20), "Lista de inscripción de la primera generación",
                "Participantes de la primera generación, de cuatro municipios.");
        List<LocalDate> lastQuarter = quarterEnds(1);
        c.report(lastQuarter.get(0), "AT_RISK", "La reforma legal de la que dependen los lineamientos no se ha "
                + "dictaminado. El STL acordó reprogramar el hito 2 y solicitar una reunión con la Comisión de "
                + "Igualdad de Género del Congreso; la escuela de liderazgo avanza conforme a lo previsto.");
        done(c);

        // ------------------------------------------------ JAL-2025-03: completed
        c = DemoCommitment.draft(api, EDITOR_JALISCO, EVALUATOR, JALISCO, plan, "JAL-2025-03", details(
                "Parlamento abierto en el proceso legislativo",
                "Las iniciativas de ley se dictaminan sin consulta pública y las versiones estenográficas, votaciones y "
                        + "asistencias de las comisiones se publican tarde y en formatos cerrados.",
                "Institucionalizar un mecanismo de parlamento abierto con consulta en línea de las iniciativas y "
                        + "publicar en datos abiertos las votaciones, asistencias y dictámenes de las comisiones.",
                List.of("Congreso del Estado de Jalisco"),
                List.of("Colectivo Congreso Abierto Jalisco", "Observatorio Legislativo Ciudadano de Jalisco"),
                List.of("TRANSPARENCY", "CIVIC_PARTICIPATION"),
                List.of("16.7", "16.10", "16.6"), ago(640), ago(70)));
        c.milestone(1, "Reforma al reglamento interno para incorporar el parlamento abierto",
                "Reforma que establece la consulta pública de iniciativas y la publicación oportuna de la información "
                        + "de las comisiones.", ago(450), "Mesa Directiva del Congreso del Estado de Jalisco", 2);
        c.milestone(2, "Plataforma de consulta pública de iniciativas",
                "Sitio en el que cualquier persona puede opinar sobre las iniciativas turnadas a comisiones.", ago(250),
                "Secretaría General del Congreso del Estado de Jalisco", 2);
        c.milestone(3, "Votaciones y asistencias de comisiones en datos abiertos",
                "Publicación en menos de 72 horas de cada votación y lista de asistencia.", ago(100),
                "Unidad de Transparencia del Congreso del Estado de Jalisco", 1);
        c.indicator(1, "Iniciativas sometidas a consulta pública en línea", "OUTPUT", "iniciativas", "0", ago(660),
                "40", ago(70), "QUARTERLY", "Registro de la plataforma de consulta pública del Congreso.", null, 0);
        c.indicator(2, "Porcentaje de personas que consideran que el Congreso toma en cuenta la opinión ciudadana",
                "IMPACT", "%", "14", ago(700), "25", ago(1), "ANNUAL",
                "Encuesta estatal de percepción aplicada por el Observatorio Legislativo Ciudadano de Jalisco.",
                "16.7.2", 1);
        c.adopt(ago(650), "Dip. Andrea Ibarra Zepeda, presidenta de la Junta de Coordinación Política", itei,
                "Lic. Tomás Aceves Plascencia, Colectivo Congreso Abierto Jalisco");
        c.startImplementation(ago(640));
        c.progress(1, 60, ago(520), "Dictamen de la reforma aprobado en comisiones.",
                "https://www.congresojal.gob.mx/parlamento-abierto/dictamen-reforma-reglamento.pdf");
        c.completeMilestone(1, ago(455), "Reforma aprobada por el Pleno y publicada.",
                "https://www.congresojal.gob.mx/parlamento-abierto/reforma-reglamento-publicada.pdf");
        c.progress(2, 50, ago(330), "Versión de prueba de la plataforma abierta a organizaciones.");
        c.completeMilestone(2, ago(262), "Plataforma en operación con 12 iniciativas en consulta.",
                "https://consulta.congresojal.gob.mx/", "https://www.congresojal.gob.mx/boletines/plataforma-consulta");
        c.completeMilestone(3, ago(96), "Publicación automática desde el sistema de votación electrónica.",
                "https://www.congresojal.gob.mx/datos-abiertos/votaciones-comisiones.csv",
                "https://www.congresojal.gob.mx/datos-abiertos/asistencias-comisiones.csv");
        c.measurePeriodically(1, 3, ago(640), ago(62), 1.05, "Plataforma de consulta pública del Congreso");
        c.measure(2, new BigDecimal("15.8"), ago(400), "Encuesta estatal de percepción legislativa", null);
        c.report(ago(300), "ON_TRACK", "La reforma al reglamento está vigente y la plataforma de consulta entra en "
                + "operación este trimestre.");
        c.complete(ago(62));
        c.measure(1, new BigDecimal("41"), ago(30), "Plataforma de consulta pública del Congreso",
                "Cifra acumulada al cierre del compromiso y el primer mes posterior.");
        c.measure(2, new BigDecimal("21.4"), ago(10), "Encuesta estatal de percepción legislativa", null);
        c.report(ago(60), "ON_TRACK", "Los tres hitos se cumplieron con medios de verificación públicos. El STL "
                + "seguirá midiendo la percepción ciudadana un año más.");
        done(c);

        // ------------------------------------------------ JAL-2025-04: draft
        Map<String, Object> water = details(
                "Transparencia en la gestión del agua del Área Metropolitana de Guadalajara",
                "Los habitantes del Área Metropolitana de Guadalajara no saben cuándo llegará el agua a su colonia "
                        + "ni qué calidad tiene, y las decisiones sobre tandeos y obras hidráulicas se toman sin "
                        + "información pública.",
                "Publicar en datos abiertos los calendarios de tandeo, la calidad del agua por colonia y las "
                        + "inversiones hidráulicas, con un consejo ciudadano que les dé seguimiento.",
                List.of("Sistema Intermunicipal de los Servicios de Agua Potable y Alcantarillado",
                        "Comisión Estatal del Agua de Jalisco"),
                List.of("Observatorio Ciudadano del Agua de Guadalajara"),
                List.of("TRANSPARENCY", "CIVIC_PARTICIPATION"),
                List.of("6.1", "16.10"), ahead(45), ahead(365));
        c = DemoCommitment.draft(api, EDITOR_JALISCO, EVALUATOR, JALISCO, plan, "JAL-2025-04", water);
        water.put("civilSocietyOrganisations", List.of("Observatorio Ciudadano del Agua de Guadalajara",
                "Colectivo Vecinal por el Agua de Tlaquepaque"));
        water.put("sdgTargets", List.of("6.1", "6.4", "6.b", "16.10"));
        water.put("endDate", ahead(400).toString());
        c.revise(water);
        c.milestone(1, "Calendarios de tandeo por colonia en datos abiertos",
                "Publicación semanal de los horarios de suministro por colonia.", ahead(150),
                "Sistema Intermunicipal de los Servicios de Agua Potable y Alcantarillado", 2);
        c.milestone(2, "Consejo ciudadano de seguimiento del agua instalado",
                "Consejo plural con sesiones públicas trimestrales.", ahead(240), "Comisión Estatal del Agua de Jalisco",
                1);
        c.indicator(1, "Porcentaje de colonias del Área Metropolitana con calendario de tandeo publicado", "OUTPUT",
                "%", "0", ago(30), "100", ahead(400), "QUARTERLY",
                "Conjunto de datos de tandeos del SIAPA contrastado con el catálogo de colonias.", null, 1);
        done(c);
    }

    // ------------------------------------------------------------------------------------------------ Oaxaca

    private void oaxaca() {
        String plan = plan(OAXACA, "stl-oaxaca", "Secretariado Técnico Local de Gobierno Abierto de Oaxaca", "Oaxaca",
                "Plan de Acción Local de Gobierno Abierto Oaxaca 2025-2027");
        String government = "Lic. Arturo Santiago Cruz, Secretaría de Honestidad, Transparencia y Función Pública";
        String ogaipo = "Mtra. Claudia Ivette Soto Pineda, comisionada del Órgano Garante de Acceso a la Información "
                + "Pública, Transparencia, Protección de Datos Personales y Buen Gobierno del Estado de Oaxaca";

        // ------------------------------------------------ OAX-2025-01: in implementation, delayed
        DemoCommitment c = DemoCommitment.draft(api, EDITOR_OAXACA, EVALUATOR, OAXACA, plan, "OAX-2025-01", details(
                "Vigilancia comunitaria de la calidad del agua en localidades indígenas",
                "En cientos de localidades indígenas de la Sierra Sur, la Mixteca y la Costa, el agua que llega por red o "
                        + "por pipa no se analiza con regularidad, y los resultados de los muestreos oficiales no se dan "
                        + "a conocer a las comunidades ni en sus lenguas.",
                "Formar comités comunitarios de vigilancia del agua en 30 localidades, capacitarlos en muestreo básico y "
                        + "publicar, en español y en lenguas indígenas, un tablero con la calidad del agua de cada "
                        + "localidad y la respuesta institucional a cada hallazgo.",
                List.of("Comisión Estatal del Agua para el Bienestar", "Servicios de Salud de Oaxaca",
                        "Secretaría de Pueblos Indígenas y Afromexicano"),
                List.of("Observatorio Ciudadano del Agua de Oaxaca", "Colectivo Comunitario Agua y Territorio, A.C."),
                List.of("CIVIC_PARTICIPATION", "TRANSPARENCY", "PUBLIC_ACCOUNTABILITY"),
                List.of("6.1", "6.b", "16.7"), ago(500), ahead(230)));
        c.milestone(1, "Comités comunitarios de vigilancia del agua en 30 localidades",
                "Conformación, por acuerdo de asamblea, de un comité en cada localidad participante.", ago(380),
                "Secretaría de Pueblos Indígenas y Afromexicano", 2);
        c.milestone(2, "Capacitación de los comités en muestreo básico de calidad del agua",
                "Talleres en las localidades con equipo de medición de cloro residual y coliformes.", ago(300),
                "Servicios de Salud de Oaxaca", 1);
        c.milestone(3, "Tablero público de calidad del agua por localidad, en español y en lenguas indígenas",
                "Publicación mensual de resultados de muestreo con traducción al zapoteco, mixteco y mixe.", ago(60),
                "Comisión Estatal del Agua para el Bienestar", 3);
        c.milestone(4, "Informe comunitario y respuesta institucional a los hallazgos",
                "Informe presentado en asambleas regionales con la respuesta de cada institución.", ahead(200),
                "Observatorio Ciudadano del Agua de Oaxaca", 2);
        c.indicator(1, "Localidades cuyo comité reporta muestreos cada trimestre", "OUTPUT", "localidades", "0",
                ago(520), "30", ahead(230), "QUARTERLY", "Reportes trimestrales de los comités concentrados por el "
                        + "Observatorio Ciudadano del Agua de Oaxaca.", null, 0);
        c.indicator(2, "Población de las localidades participantes que utiliza servicios de agua potable gestionados "
                        + "de manera segura", "OUTCOME", "%", "41.2", ago(540), "60", ahead(230), "SEMIANNUAL",
                "Muestreos de Servicios de Salud de Oaxaca y padrón de usuarios de la Comisión Estatal del Agua para el "
                        + "Bienestar.", "6.1.1", 1);
        c.adopt(ago(510), government, ogaipo, "Lic. Rosalía Hernández López, Observatorio Ciudadano del Agua de Oaxaca");
        c.startImplementation(ago(500));
        c.progress(1, 50, ago(420), "Quince comités conformados por acuerdo de asamblea.",
                "https://www.oaxaca.gob.mx/sepia/comites-agua/actas-asamblea-primera-etapa.pdf");
        c.completeMilestone(1, ago(362), "Treinta comités conformados; con retraso por la temporada de lluvias.",
                "https://www.oaxaca.gob.mx/sepia/comites-agua/actas-asamblea.pdf",
                "https://www.oaxaca.gob.mx/cea/vigilancia-comunitaria/directorio-comites.pdf");
        c.progress(2, 30, ago(280), "Capacitadas nueve localidades de la Mixteca.",
                "https://www.oaxaca.gob.mx/salud/vigilancia-agua/capacitacion-mixteca.pdf");
        c.reschedule(2, ago(200), "Las lluvias cerraron los caminos a varias localidades de la Sierra Sur y la Costa; "
                + "las brigadas de capacitación se reprogramaron para después de la temporada.");
        c.progress(2, 60, ago(150), "Capacitadas dieciocho de las treinta localidades.");
        c.progress(3, 10, ago(90), "Diseño del tablero concluido; la traducción está pendiente de contratación.");
        c.measurePeriodically(1, 3, ago(500), ago(1), 0.55,
                "Reportes de los comités, Observatorio Ciudadano del Agua de Oaxaca");
        List<LocalDate> halves = DemoCommitment.periodEnds(ago(540), ago(1), 6);
        Measured misTyped = null;
        for (int i = 0; i < halves.size(); i++) {
            BigDecimal value = c.plannedValue(2, halves.get(i), 0.35, i);
            boolean typo = i == halves.size() - 1;
            Measured m = c.measure(2, typo ? value.movePointLeft(1) : value, halves.get(i),
                    "Muestreos de Servicios de Salud de Oaxaca", null);
            if (typo) {
                misTyped = m;
            }
        }
        c.correct(misTyped, misTyped.value().movePointRight(1), "Se capturó el valor con un error en el separador "
                + "decimal del formato de la Comisión Estatal del Agua para el Bienestar; el informe de muestreo "
                + "reporta " + misTyped.value().movePointRight(1) + " %.");
        List<LocalDate> quarters = quarterEnds(2);
        c.report(quarters.get(0), "AT_RISK", "La capacitación se reprogramó por las lluvias y el tablero aún no "
                + "tiene presupuesto para la traducción a lenguas indígenas.");
        c.report(quarters.get(1), "OFF_TRACK", "Dos hitos están vencidos: la capacitación de los comités y el tablero "
                + "público. El STL solicitó a la Comisión Estatal del Agua para el Bienestar un programa de trabajo "
                + "con fechas comprometidas y lo revisará en su próxima sesión.");
        done(c);

        // ------------------------------------------------ OAX-2025-02: evaluated
        c = DemoCommitment.draft(api, EDITOR_OAXACA, EVALUATOR, OAXACA, plan, "OAX-2025-02", details(
                "Derecho de acceso a la información en lenguas indígenas",
                "Más de un tercio de la población de Oaxaca habla una lengua indígena, pero los portales de "
                        + "transparencia, los formatos de solicitud y las respuestas de los sujetos obligados están "
                        + "sólo en español, lo que excluye a comunidades enteras del derecho de acceso a la información.",
                "Traducir a ocho lenguas indígenas los formatos y guías del derecho de acceso a la información, "
                        + "habilitar la presentación de solicitudes en esas lenguas y formar a personas intérpretes "
                        + "para responderlas.",
                List.of("Órgano Garante de Acceso a la Información Pública, Transparencia, Protección de Datos "
                        + "Personales y Buen Gobierno del Estado de Oaxaca", "Secretaría de Pueblos Indígenas y "
                        + "Afromexicano"),
                List.of("Red de Intérpretes y Traductores en Lenguas Indígenas de Oaxaca",
                        "Colectivo Oaxaqueño por la Transparencia"),
                List.of("TRANSPARENCY", "CIVIC_PARTICIPATION"),
                List.of("16.10", "10.2"), ago(690), ago(130)));
        c.milestone(1, "Formatos y guías traducidos a ocho lenguas indígenas",
                "Traducción validada por hablantes de zapoteco, mixteco, mazateco, mixe, chinanteco, chatino, triqui "
                        + "y huave.", ago(500), "Secretaría de Pueblos Indígenas y Afromexicano", 2);
        c.milestone(2, "Solicitudes de información en lenguas indígenas habilitadas",
                "Recepción de solicitudes en lengua indígena por la Plataforma Nacional de Transparencia, por "
                        + "teléfono y en ventanilla.", ago(330), "Órgano Garante de Acceso a la Información Pública", 2);
        c.milestone(3, "Cuarenta personas intérpretes formadas en derecho de acceso a la información",
                "Diplomado para intérpretes que acompañan a los sujetos obligados en las respuestas.", ago(250),
                "Red de Intérpretes y Traductores en Lenguas Indígenas de Oaxaca", 1);
        c.milestone(4, "Campaña comunitaria por radio indigenista",
                "Cápsulas en las ocho lenguas transmitidas por radios comunitarias.", ago(140),
                "Colectivo Oaxaqueño por la Transparencia", 1);
        c.indicator(1, "Solicitudes de información presentadas en lenguas indígenas (acumulado)", "OUTPUT",
                "solicitudes", "3", ago(700), "150", ago(130), "QUARTERLY",
                "Reporte de la Plataforma Nacional de Transparencia filtrado por lengua de la solicitud.", "16.10.2", 0);
        c.indicator(2, "Días hábiles promedio de respuesta a solicitudes presentadas en lenguas indígenas", "OUTCOME",
                "días hábiles", "28", ago(700), "12", ago(130), "QUARTERLY",
                "Fechas de presentación y respuesta en la Plataforma Nacional de Transparencia.", null, 1);
        c.adopt(ago(700), government, ogaipo, "Mtro. Eliseo Martínez Cruz, Red de Intérpretes y Traductores en "
                + "Lenguas Indígenas de Oaxaca");
        c.startImplementation(ago(690));
        c.completeMilestone(1, ago(510), "Traducciones validadas en foros con hablantes de cada lengua.",
                "https://ogaipoaxaca.org.mx/lenguas-indigenas/formatos-traducidos",
                "https://ogaipoaxaca.org.mx/lenguas-indigenas/relatoria-foros-validacion.pdf");
        c.completeMilestone(2, ago(340), "Recepción habilitada en los tres canales.",
                "https://ogaipoaxaca.org.mx/lenguas-indigenas/acuerdo-recepcion-solicitudes.pdf");
        c.progress(3, 50, ago(280), "Veinte intérpretes concluyeron el primer módulo del diplomado.");
        c.reschedule(3, ago(170), "La certificación de las personas intérpretes por el Instituto Nacional de Lenguas "
                + "Indígenas se aplazó dos meses.");
        c.completeMilestone(3, ago(175), "Cuarenta y dos personas intérpretes certificadas.",
                "https://ogaipoaxaca.org.mx/lenguas-indigenas/constancias-diplomado-interpretes.pdf");
        c.completeMilestone(4, ago(145), "Cápsulas transmitidas por catorce radios comunitarias.",
                "https://ogaipoaxaca.org.mx/lenguas-indigenas/campana-radio",
                "https://www.oaxaca.gob.mx/sepia/comunicados/campana-derecho-saber-lenguas");
        c.measurePeriodically(1, 3, ago(690), ago(1), 1.05,
                "Plataforma Nacional de Transparencia, reporte por lengua de la solicitud");
        c.measurePeriodically(2, 3, ago(690), ago(1), 0.9,
                "Plataforma Nacional de Transparencia, fechas de presentación y respuesta");
        c.report(ago(400), "ON_TRACK", "Las traducciones están validadas y la recepción de solicitudes en lenguas "
                + "indígenas ya opera; las primeras solicitudes llegaron en zapoteco y mixteco.");
        c.complete(ago(120));
        c.report(ago(115), "ON_TRACK", "El compromiso concluyó con todos sus hitos verificados. El STL recomienda "
                + "asegurar en el presupuesto del próximo año el pago de las personas intérpretes.");
        c.evaluate(ago(20), "COMPLETE", "MAJOR", "El compromiso se cumplió en su totalidad y abrió un canal de acceso "
                + "a la información que antes no existía para las comunidades indígenas: las solicitudes en lengua "
                + "indígena pasaron de 3 a 150 y el tiempo de respuesta se redujo casi a la mitad. El cambio "
                + "es importante, aunque su sostenibilidad depende del presupuesto para intérpretes, que aún no está "
                + "asegurado.", "Mtra. Itzel Martínez Santiago, evaluadora independiente (metodología del Mecanismo "
                + "de Revisión Independiente de la Alianza para el Gobierno Abierto)");
        done(c);

        // ------------------------------------------------ OAX-2025-03: suspended
        c = DemoCommitment.draft(api, EDITOR_OAXACA, EVALUATOR, OAXACA, plan, "OAX-2025-03", details(
                "Reconstrucción transparente en el Istmo de Tehuantepec",
                "Años después de los sismos, miles de viviendas y escuelas del Istmo de Tehuantepec siguen sin "
                        + "reconstruirse por completo y no hay información pública, por localidad y por obra, de los "
                        + "recursos asignados, los contratistas y el avance de la reconstrucción.",
                "Publicar un mapa abierto de la reconstrucción con recursos, contratistas y avance físico de cada obra, "
                        + "y establecer comités ciudadanos de seguimiento en los quince municipios más afectados.",
                List.of("Secretaría de Finanzas", "Secretaría de Infraestructuras y Comunicaciones"),
                List.of("Observatorio Ciudadano de la Reconstrucción del Istmo"),
                List.of("TRANSPARENCY", "PUBLIC_ACCOUNTABILITY", "CIVIC_PARTICIPATION"),
                List.of("11.b", "11.3", "1.5", "16.6"), ago(450), ahead(280)));
        c.milestone(1, "Inventario público de obras de reconstrucción por localidad",
                "Listado de obras con monto asignado, ejercido, contratista y estado.", ago(300),
                "Secretaría de Finanzas", 2);
        c.milestone(2, "Mapa abierto de la reconstrucción",
                "Mapa en línea con la información del inventario y fotografías del avance físico.", ago(60),
                "Secretaría de Infraestructuras y Comunicaciones", 2);
        c.milestone(3, "Comités ciudadanos de seguimiento en quince municipios",
                "Comités con capacitación en contraloría social y canal directo con las dependencias.", ahead(200),
                "Observatorio Ciudadano de la Reconstrucción del Istmo", 1);
        c.indicator(1, "Porcentaje de obras de reconstrucción con recursos, contratista y avance publicados", "OUTPUT",
                "%", "0", ago(460), "100", ahead(280), "QUARTERLY",
                "Inventario público de obras cotejado con los registros presupuestales de la Secretaría de Finanzas.",
                null, 1);
        c.adopt(ago(460), government, ogaipo, "Ing. Marcos Toledo Jiménez, Observatorio Ciudadano de la Reconstrucción "
                + "del Istmo");
        c.startImplementation(ago(450));
        c.completeMilestone(1, ago(310), "Inventario publicado con 1,284 obras.",
                "https://finanzas.oaxaca.gob.mx/reconstruccion/inventario-obras.xlsx");
        c.progress(2, 45, ago(120), "Mapa en versión de prueba con las obras de seis municipios.",
                "https://finanzas.oaxaca.gob.mx/reconstruccion/mapa");
        c.progress(3, 20, ago(100), "Tres comités instalados en Juchitán, Ixtepec y Unión Hidalgo.");
        c.measurePeriodically(1, 3, ago(450), ago(95), 0.8, "Inventario público de obras de reconstrucción");
        c.report(ago(95), "AT_RISK", "La auditoría al fondo de reconstrucción detectó diferencias entre el inventario "
                + "y los registros presupuestales; el mapa no puede publicarse con datos en revisión.");
        c.suspend("El STL acordó suspender el compromiso mientras la Auditoría Superior de Fiscalización del Estado "
                + "concluye la auditoría al fondo de reconstrucción, cuyos resultados modificarán el inventario de "
                + "obras. Se reanudará cuando se publique el informe definitivo.");
        done(c);
    }

    // ------------------------------------------------------------------------------------------------ Nuevo León

    private void nuevoLeon() {
        String plan = plan(NUEVO_LEON, "stl-nuevo-leon", "Secretariado Técnico Local de Gobierno Abierto de Nuevo León",
                "Nuevo León", "Plan de Acción Local de Gobierno Abierto Nuevo León 2025-2027");
        String government = "Ing. Mauricio Garza Treviño, Secretaría de Participación Ciudadana";
        String cotai = "Lic. Andrea Cantú Elizondo, comisionada de la Comisión de Transparencia y Acceso a la "
                + "Información del Estado de Nuevo León";

        // ------------------------------------------------ NL-2025-01: completed
        DemoCommitment c = DemoCommitment.draft(api, EDITOR_NUEVO_LEON, EVALUATOR, NUEVO_LEON, plan, "NL-2025-01", details(
                "Transparencia y participación en el transporte público metropolitano",
                "Las personas usuarias del transporte público del área metropolitana de Monterrey no cuentan con "
                        + "información confiable sobre rutas, frecuencias y tarifas, sus quejas no tienen seguimiento y "
                        + "los datos de desempeño de las concesiones no son públicos.",
                "Publicar en datos abiertos (GTFS) las rutas y horarios del transporte público, un tablero de desempeño "
                        + "de las concesiones y un mecanismo de quejas con folio y respuesta pública.",
                List.of("Instituto de Movilidad y Accesibilidad de Nuevo León", "Secretaría de Movilidad y Planeación "
                        + "Urbana"),
                List.of("Observatorio Ciudadano de Movilidad de Monterrey",
                        "Red Ciudadana por la Movilidad Sustentable de Nuevo León"),
                List.of("TRANSPARENCY", "PUBLIC_ACCOUNTABILITY", "TECHNOLOGY_AND_INNOVATION"),
                List.of("11.2", "11.3", "16.6"), ago(620), ago(40)));
        c.milestone(1, "Rutas y horarios del transporte público en formato GTFS",
                "Publicación y actualización mensual de los datos de todas las rutas concesionadas.", ago(450),
                "Instituto de Movilidad y Accesibilidad de Nuevo León", 2);
        c.milestone(2, "Tablero público de desempeño de las concesiones",
                "Frecuencias cumplidas, unidades en servicio y quejas por ruta.", ago(200),
                "Secretaría de Movilidad y Planeación Urbana", 2);
        c.milestone(3, "Mecanismo de quejas con folio y respuesta pública",
                "Recepción de quejas por aplicación, teléfono y WhatsApp con respuesta publicada.", ago(120),
                "Instituto de Movilidad y Accesibilidad de Nuevo León", 1);
        c.indicator(1, "Porcentaje de rutas con datos GTFS publicados y actualizados", "OUTPUT", "%", "0", ago(640),
                "100", ago(40), "QUARTERLY", "Conjunto de datos GTFS en datos.nl.gob.mx cotejado con el padrón de rutas.",
                null, 1);
        c.indicator(2, "Días promedio de respuesta a quejas de personas usuarias", "OUTCOME", "días", "45", ago(640),
                "10", ago(40), "QUARTERLY", "Registro de folios del mecanismo de quejas.", null, 1);
        c.indicator(3, "Porcentaje de personas usuarias satisfechas con el transporte público", "IMPACT", "%", "38",
                ago(700), "55", ago(1), "ANNUAL", "Encuesta anual de satisfacción del Observatorio Ciudadano de "
                        + "Movilidad de Monterrey.", "16.6.2", 1);
        c.adopt(ago(630), government, cotai, "Arq. Daniela Salinas Villarreal, Observatorio Ciudadano de Movilidad "
                + "de Monterrey");
        c.startImplementation(ago(620));
        c.completeMilestone(1, ago(455), "GTFS publicado con 214 rutas.",
                "https://datos.nl.gob.mx/dataset/gtfs-transporte-publico-monterrey",
                "https://www.nl.gob.mx/movilidad/boletines/gtfs-rutas-publicadas");
        c.progress(2, 70, ago(260), "Tablero en línea; faltan los datos de dos concesionarias.",
                "https://www.nl.gob.mx/movilidad/tablero-concesiones");
        c.completeMilestone(2, ago(205), "Tablero completo con las doce concesionarias.",
                "https://www.nl.gob.mx/movilidad/tablero-concesiones");
        c.reschedule(3, ago(60), "La integración con el sistema de prepago requirió un convenio adicional con la "
                + "empresa operadora de la tarjeta.");
        c.completeMilestone(3, ago(50), "Mecanismo de quejas en operación; respuestas publicadas por folio.",
                "https://www.nl.gob.mx/movilidad/quejas/respuestas-publicas",
                "https://cotai.org.mx/noticias/acompanamiento-mecanismo-quejas-transporte");
        c.measurePeriodically(1, 3, ago(620), ago(1), 1.0, "Conjunto de datos GTFS, datos.nl.gob.mx");
        c.measurePeriodically(2, 3, ago(620), ago(1), 0.95, "Registro de folios del mecanismo de quejas");
        c.measure(3, new BigDecimal("41.5"), ago(330), "Encuesta anual de satisfacción", null);
        c.report(ago(230), "ON_TRACK", "El GTFS y el tablero de concesiones están publicados; el mecanismo de quejas "
                + "depende de un convenio con la operadora del prepago.");
        c.complete(ago(35));
        c.measure(3, new BigDecimal("47.2"), ago(5), "Encuesta anual de satisfacción", null);
        c.report(ago(30), "ON_TRACK", "Compromiso concluido. El STL dará seguimiento al tiempo de respuesta de las "
                + "quejas, que todavía supera la meta.");
        done(c);

        // ------------------------------------------------ NL-2025-02: adopted
        c = DemoCommitment.draft(api, EDITOR_NUEVO_LEON, EVALUATOR, NUEVO_LEON, plan, "NL-2025-02", details(
                "Datos abiertos de incidencia delictiva por colonia",
                "Las cifras de incidencia delictiva se publican sólo por municipio y con meses de retraso, lo que impide "
                        + "a vecinas, vecinos y autoridades municipales planear la prevención en las colonias donde se "
                        + "concentran los delitos.",
                "Publicar cada mes, en datos abiertos y con protección de datos personales, la incidencia delictiva por "
                        + "colonia, y usarla en mesas vecinales de prevención en cinco municipios.",
                List.of("Secretaría de Seguridad", "Fiscalía General de Justicia del Estado de Nuevo León"),
                List.of("Observatorio Ciudadano de Seguridad de Nuevo León"),
                List.of("TRANSPARENCY", "CIVIC_PARTICIPATION"),
                List.of("16.1", "16.10", "16.a"), ago(20), ahead(400)));
        c.milestone(1, "Protocolo de anonimización y publicación de datos por colonia",
                "Protocolo validado por la COTAI para publicar sin riesgo para víctimas.", ahead(90),
                "Fiscalía General de Justicia del Estado de Nuevo León", 1);
        c.milestone(2, "Primera publicación mensual de incidencia delictiva por colonia",
                "Conjunto de datos mensual en datos.nl.gob.mx.", ahead(150), "Secretaría de Seguridad", 2);
        c.milestone(3, "Mesas vecinales de prevención en cinco municipios",
                "Mesas trimestrales que usan los datos para acordar acciones de prevención.", ahead(380),
                "Observatorio Ciudadano de Seguridad de Nuevo León", 2);
        c.indicator(1, "Publicaciones mensuales de incidencia delictiva por colonia", "OUTPUT", "publicaciones", "0",
                ago(20), "12", ahead(400), "MONTHLY", "Historial de versiones del conjunto de datos en datos.nl.gob.mx.",
                null, 0);
        c.indicator(2, "Porcentaje de personas que se sienten inseguras al caminar solas de noche en su colonia",
                "IMPACT", "%", "61.3", ago(60), "50", ahead(400), "ANNUAL",
                "Encuesta de percepción de seguridad del Observatorio Ciudadano de Seguridad de Nuevo León.", "16.1.4",
                1);
        c.adopt(ago(30), government, cotai, "Mtra. Paulina Treviño Sada, Observatorio Ciudadano de Seguridad de "
                + "Nuevo León");
        done(c);

        // ------------------------------------------------ NL-2025-03: cancelled
        c = DemoCommitment.draft(api, EDITOR_NUEVO_LEON, EVALUATOR, NUEVO_LEON, plan, "NL-2025-03", details(
                "Ventanilla digital única de trámites para abrir un negocio",
                "Abrir un negocio en Nuevo León exige hasta once trámites estatales y municipales en ventanillas "
                        + "distintas, sin información pública sobre requisitos, costos y tiempos de respuesta.",
                "Poner en operación una ventanilla digital única con requisitos, costos y tiempos publicados y "
                        + "seguimiento público del estado de cada trámite.",
                List.of("Secretaría de Economía", "Secretaría de Administración"),
                List.of("Consejo Cívico de Emprendimiento de Nuevo León"),
                List.of("TRANSPARENCY", "TECHNOLOGY_AND_INNOVATION"),
                List.of("16.6", "8.3"), ago(330), ahead(380)));
        c.milestone(1, "Catálogo público de trámites con requisitos, costos y tiempos",
                "Catálogo en línea de los trámites para abrir un negocio.", ahead(60), "Secretaría de Economía", 1);
        c.milestone(2, "Ventanilla digital en operación en tres municipios",
                "Trámites en línea con seguimiento público del estado de cada solicitud.", ahead(300),
                "Secretaría de Administración", 3);
        c.indicator(1, "Días promedio para abrir un negocio de bajo riesgo", "OUTCOME", "días", "34", ago(350), "7",
                ahead(380), "SEMIANNUAL", "Registro de solicitudes de la ventanilla digital.", null, 0);
        c.adopt(ago(340), government, cotai, "C.P. Jorge Villarreal Garza, Consejo Cívico de Emprendimiento de Nuevo "
                + "León");
        c.cancel("La reforma a la Ley de Mejora Regulatoria trasladó la ventanilla única a la Agencia Estatal de Mejora "
                + "Regulatoria, con un proyecto y financiamiento propios. Para evitar duplicidad, el STL acordó en "
                + "sesión ordinaria cancelar el compromiso y dar seguimiento al nuevo proyecto desde su mesa de "
                + "desarrollo económico.");
        done(c);
    }

    // ------------------------------------------------------------------------------------------------ plumbing

    private String plan(String stlKey, String stlId, String stlName, String jurisdiction, String title) {
        String planId = api.post(ADMIN, stlKey + "/plan", "/api/v1/plans", body("stlId", stlId, "stlName", stlName,
                "jurisdiction", jurisdiction, "title", title, "periodStart", "2025-01-01", "periodEnd", "2027-12-31"))
                .get("planId").asString();
        plans.put(stlId, planId);
        planTitle = title;
        return planId;
    }

    private void done(DemoCommitment c) {
        commitments.add(c);
        if (!planTitle.equals(printedPlanTitle)) {
            progress.println("  " + planTitle);
            printedPlanTitle = planTitle;
        }
        String replays = c.replayed() == 0 ? "" : c.replayed() == c.requests() ? ", already loaded"
                : ", " + c.replayed() + " already loaded";
        progress.printf("    %-12s %-17s %s (%d requests%s)%n", c.code(), c.status(), c.title(), c.requests(), replays);
    }

    private static Map<String, Object> details(String title, String publicProblem, String objective,
                                               List<String> responsibleInstitutions,
                                               List<String> civilSocietyOrganisations, List<String> ogpValues,
                                               List<String> sdgTargets, LocalDate startDate, LocalDate endDate) {
        return body("title", title, "publicProblem", publicProblem, "objective", objective,
                "responsibleInstitutions", responsibleInstitutions, "civilSocietyOrganisations", civilSocietyOrganisations,
                "ogpValues", ogpValues, "sdgTargets", sdgTargets, "startDate", startDate.toString(),
                "endDate", endDate.toString());
    }

    private LocalDate ago(int days) {
        return day.minusDays(days);
    }

    private LocalDate ahead(int days) {
        return day.plusDays(days);
    }

    /** The last {@code n} calendar quarter ends before the demo's day. */
    private List<LocalDate> quarterEnds(int n) {
        List<LocalDate> ends = DemoCommitment.periodEnds(day.minusYears(1), day.minusDays(1), 3);
        return ends.subList(ends.size() - n, ends.size());
    }

    /**
     * The day of the first load, found from the start date of {@value #ANCHOR_CODE} in the query service (which
     * has it, since the command service keeps the key of every request it carried out).
     */
    private LocalDate firstLoadDay(LocalDate today) {
        String planId = plans.get("stl-jalisco");
        long deadline = System.nanoTime() + CATCH_UP.toNanos();
        while (true) {
            JsonNode page = api.query("/api/v1/commitments?planId=" + planId + "&size=500");
            if (page != null) {
                for (JsonNode item : page.get("items")) {
                    if (ANCHOR_CODE.equals(item.get("code").asString())) {
                        LocalDate first = LocalDate.parse(item.get("startDate").asString()).plusDays(ANCHOR_AGE);
                        if (first.equals(today)) {
                            throw new IllegalStateException("the demo in this database was loaded by another version "
                                    + "of the demo (" + ANCHOR_CODE + " was drafted with other details); load this "
                                    + "one into a fresh database");
                        }
                        return first;
                    }
                }
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the demo was loaded before on another day, but the query service does "
                        + "not show " + ANCHOR_CODE + " to tell which day; is the query service running and caught up?");
            }
            pause();
        }
    }

    /** Waits until the query service shows every commitment at its version, so that the demo is there to see. */
    private void awaitQueryService() {
        long deadline = System.nanoTime() + CATCH_UP.toNanos();
        for (DemoCommitment c : commitments) {
            while (api.query("/api/v1/commitments/" + c.id() + "?minVersion=" + c.version()) == null) {
                if (System.nanoTime() > deadline) {
                    progress.println("  The query service has not caught up yet (" + c.code() + " is behind version "
                            + c.version() + "); the demo will appear there when it does.");
                    return;
                }
                pause();
            }
        }
    }

    private static void pause() {
        try {
            Thread.sleep(250);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the query service", e);
        }
    }
}
