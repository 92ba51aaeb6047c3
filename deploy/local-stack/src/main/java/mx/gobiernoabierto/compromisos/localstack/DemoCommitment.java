package mx.gobiernoabierto.compromisos.localstack;

import static mx.gobiernoabierto.compromisos.localstack.DemoApi.body;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.JsonNode;

/**
 * One demo commitment as it is written through the command API. Every method is one request whose
 * {@code Idempotency-Key} is the commitment's key plus the step, numbered in the order the demo takes them
 * ({@code demo-v1/jalisco/JAL-2025-01/milestone-3/progress-2}), so a second load sends the same keys with the
 * same bodies and is answered from the first.
 */
final class DemoCommitment {

    private final DemoApi api;
    private final DemoApi.Caller editor;
    private final DemoApi.Caller evaluator;
    private final String key;
    private final String code;
    private final String title;
    private final String id;
    private final String path;
    private final int requestsAtStart;
    private final int replayedAtStart;
    private long version;
    private String status = "DRAFT";
    private final Map<Integer, String> milestones = new HashMap<>();
    private final Map<String, Integer> counters = new HashMap<>();
    private final Map<Integer, Indicator> indicators = new HashMap<>();

    /** What the demo needs to remember of an indicator to make up plausible measurements. */
    private record Indicator(String id, BigDecimal baseline, LocalDate baselineDate, BigDecimal target,
                             LocalDate targetDate, int scale) {
    }

    /** A recorded measurement, for a later correction. */
    record Measured(int indicator, String measurementId, String key, BigDecimal value, LocalDate measuredOn) {
    }

    private DemoCommitment(DemoApi api, DemoApi.Caller editor, DemoApi.Caller evaluator, String key, String code,
                           String title, String id, long version, int requestsAtStart, int replayedAtStart) {
        this.api = api;
        this.editor = editor;
        this.evaluator = evaluator;
        this.key = key;
        this.code = code;
        this.title = title;
        this.id = id;
        this.path = "/api/v1/commitments/" + id;
        this.version = version;
        this.requestsAtStart = requestsAtStart;
        this.replayedAtStart = replayedAtStart;
    }

    /**
     * Drafts the commitment in its plan.
     *
     * @param details title, publicProblem, objective, responsibleInstitutions, civilSocietyOrganisations, ogpValues,
     *                sdgTargets, startDate, endDate, in that order
     */
    static DemoCommitment draft(DemoApi api, DemoApi.Caller editor, DemoApi.Caller evaluator, String stlKey,
                                String planId, String code, Map<String, Object> details) {
        int requests = api.requests();
        int replayed = api.replayed();
        String key = stlKey + "/" + code;
        Map<String, Object> request = body("planId", planId, "code", code);
        request.putAll(details);
        JsonNode answer = api.post(editor, key + "/draft", "/api/v1/commitments", request);
        return new DemoCommitment(api, editor, evaluator, key, code, (String) details.get("title"),
                answer.get("commitmentId").asString(), answer.get("version").asLong(), requests, replayed);
    }

    /** Revises the details (only in DRAFT); same fields as {@link #draft}. */
    void revise(Map<String, Object> details) {
        track(api.put(editor, step("details-revision"), path + "/details", details));
    }

    void milestone(int number, String title, String description, LocalDate dueDate, String responsible, int weight) {
        JsonNode answer = api.post(editor, key + "/milestone-" + number, path + "/milestones", body("title", title,
                "description", description, "dueDate", dueDate.toString(), "responsible", responsible, "weight", weight));
        milestones.put(number, answer.get("milestoneId").asString());
        track(answer);
    }

    void progress(int milestone, int percent, LocalDate reportedOn, String note, String... evidenceUrls) {
        track(api.post(editor, step("milestone-" + milestone + "/progress"), milestonePath(milestone) + "/progress",
                body("percent", percent, "note", note,
                        "evidenceUrls", evidenceUrls.length == 0 ? null : List.of(evidenceUrls),
                        "reportedOn", reportedOn.toString())));
    }

    void completeMilestone(int milestone, LocalDate completedOn, String note, String... evidenceUrls) {
        track(api.post(editor, key + "/milestone-" + milestone + "/completion", milestonePath(milestone) + "/completion",
                body("completedOn", completedOn.toString(), "evidenceUrls", List.of(evidenceUrls), "note", note)));
    }

    void reschedule(int milestone, LocalDate newDueDate, String reason) {
        track(api.post(editor, step("milestone-" + milestone + "/reschedule"), milestonePath(milestone) + "/reschedule",
                body("newDueDate", newDueDate.toString(), "reason", reason)));
    }

    /**
     * Defines an indicator. Values are text such as {@code "18.5"}, kept exact.
     *
     * @param scale decimals of the made-up measurements (0 for counts)
     */
    void indicator(int number, String name, String kind, String unit, String baseline, LocalDate baselineDate,
                   String target, LocalDate targetDate, String frequency, String meansOfVerification,
                   String sdgIndicator, int scale) {
        BigDecimal from = new BigDecimal(baseline);
        BigDecimal to = new BigDecimal(target);
        JsonNode answer = api.post(editor, key + "/indicator-" + number, path + "/indicators", body("name", name,
                "kind", kind, "unit", unit, "baseline", from, "baselineDate", baselineDate.toString(), "target", to,
                "targetDate", targetDate.toString(), "direction", to.compareTo(from) > 0 ? "INCREASE" : "DECREASE",
                "frequency", frequency, "meansOfVerification", meansOfVerification, "sdgIndicator", sdgIndicator));
        indicators.put(number, new Indicator(answer.get("indicatorId").asString(), from, baselineDate, to, targetDate,
                scale));
        track(answer);
    }

    Measured measure(int indicator, BigDecimal value, LocalDate measuredOn, String source, String note) {
        Indicator defined = indicators.get(indicator);
        String step = step("indicator-" + indicator + "/measurement");
        JsonNode answer = api.post(editor, step, path + "/indicators/" + defined.id() + "/measurements", body("value", value,
                "measuredOn", measuredOn.toString(), "source", source, "note", note));
        track(answer);
        return new Measured(indicator, answer.get("measurementId").asString(), step, value, measuredOn);
    }

    /**
     * Records one measurement at the end of every period of {@code months} months (3: quarterly, 6: half-yearly)
     * after {@code after} up to {@code until}, the value following the way from baseline to target at
     * {@code pace} (1: exactly on course, below 1: lagging) with a small, fixed wobble.
     */
    List<Measured> measurePeriodically(int indicator, int months, LocalDate after, LocalDate until, double pace,
                                       String source) {
        Indicator defined = indicators.get(indicator);
        List<Measured> measured = new ArrayList<>();
        int i = 0;
        for (LocalDate on : periodEnds(after, until, months)) {
            measured.add(measure(indicator, valueOn(defined, on, pace, i++), on, source, null));
        }
        return measured;
    }

    /** The value {@link #measurePeriodically} would record as the {@code i}-th measurement on {@code on}. */
    BigDecimal plannedValue(int indicator, LocalDate on, double pace, int i) {
        return valueOn(indicators.get(indicator), on, pace, i);
    }

    void correct(Measured measurement, BigDecimal value, String reason) {
        Indicator defined = indicators.get(measurement.indicator());
        track(api.post(editor, measurement.key() + "/correction", path + "/indicators/" + defined.id() + "/measurements/"
                + measurement.measurementId() + "/correction", body("value", value, "reason", reason)));
    }

    void report(LocalDate periodEnd, String assessment, String narrative) {
        track(api.post(editor, step("report"), path + "/monitoring-reports",
                body("periodEnd", periodEnd.toString(), "assessment", assessment, "narrative", narrative)));
    }

    void adopt(LocalDate sessionDate, String government, String transparencyBody, String civilSociety) {
        track(api.post(editor, key + "/adoption", path + "/adoption", body("sessionDate", sessionDate.toString(),
                "approvals", List.of(body("sector", "GOVERNMENT", "name", government),
                        body("sector", "TRANSPARENCY_BODY", "name", transparencyBody),
                        body("sector", "CIVIL_SOCIETY", "name", civilSociety)))));
        status = "ADOPTED";
    }

    void startImplementation(LocalDate startedOn) {
        track(api.post(editor, key + "/implementation", path + "/implementation", body("startedOn", startedOn.toString())));
        status = "IN_IMPLEMENTATION";
    }

    void complete(LocalDate completedOn) {
        track(api.post(editor, key + "/completion", path + "/completion", body("completedOn", completedOn.toString())));
        status = "COMPLETED";
    }

    void evaluate(LocalDate evaluatedOn, String completionLevel, String didItOpenGovernment, String findings,
                  String evaluator) {
        track(api.post(this.evaluator, key + "/evaluation", path + "/evaluation", body("evaluatedOn",
                evaluatedOn.toString(),
                "completionLevel", completionLevel, "didItOpenGovernment", didItOpenGovernment, "findings", findings,
                "evaluator", evaluator)));
        status = "EVALUATED";
    }

    void suspend(String reason) {
        track(api.post(editor, key + "/suspension", path + "/suspension", body("reason", reason)));
        status = "SUSPENDED";
    }

    void cancel(String reason) {
        track(api.post(editor, key + "/cancellation", path + "/cancellation", body("reason", reason)));
        status = "CANCELLED";
    }

    String code() {
        return code;
    }

    String title() {
        return title;
    }

    String id() {
        return id;
    }

    long version() {
        return version;
    }

    String status() {
        return status;
    }

    int requests() {
        return api.requests() - requestsAtStart;
    }

    int replayed() {
        return api.replayed() - replayedAtStart;
    }

    private void track(JsonNode answer) {
        version = answer.get("version").asLong();
    }

    private String milestonePath(int milestone) {
        String milestoneId = milestones.get(milestone);
        if (milestoneId == null) {
            throw new IllegalStateException(code + " has no milestone " + milestone + " in the demo");
        }
        return path + "/milestones/" + milestoneId;
    }

    /** The key of the next step of a repeatable kind: {@code .../report-1}, {@code .../report-2}, ... */
    private String step(String kind) {
        return key + "/" + kind + "-" + counters.merge(kind, 1, Integer::sum);
    }

    /** The last days of the periods of {@code months} months (calendar quarters, halves, years) in (after, until]. */
    static List<LocalDate> periodEnds(LocalDate after, LocalDate until, int months) {
        List<LocalDate> ends = new ArrayList<>();
        for (LocalDate month = after.withDayOfMonth(1); !month.isAfter(until); month = month.plusMonths(1)) {
            LocalDate end = month.withDayOfMonth(month.lengthOfMonth());
            if (month.getMonthValue() % months == 0 && end.isAfter(after) && !end.isAfter(until)) {
                ends.add(end);
            }
        }
        return ends;
    }

    private static BigDecimal valueOn(Indicator indicator, LocalDate on, double pace, int i) {
        double span = Math.max(1, ChronoUnit.DAYS.between(indicator.baselineDate(), indicator.targetDate()));
        double elapsed = ChronoUnit.DAYS.between(indicator.baselineDate(), on) / span;
        double share = Math.clamp(elapsed * pace + 0.035 * Math.sin(1.9 * i + 0.7), 0.0, 1.0);
        double baseline = indicator.baseline().doubleValue();
        double value = baseline + (indicator.target().doubleValue() - baseline) * share;
        return BigDecimal.valueOf(value).setScale(indicator.scale(), RoundingMode.HALF_UP);
    }
}
