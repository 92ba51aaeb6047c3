package mx.gobiernoabierto.compromisos.query.workspace;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import mx.gobiernoabierto.compromisos.events.Identifiers;
import mx.gobiernoabierto.compromisos.events.PlanRegistered;
import mx.gobiernoabierto.compromisos.query.commitment.projection.CommitmentState;
import mx.gobiernoabierto.compromisos.query.commitment.projection.ViewStore;
import mx.gobiernoabierto.compromisos.query.commitment.projection.ViewTables;
import mx.gobiernoabierto.compromisos.query.commitment.projection.ViewVersions;
import mx.gobiernoabierto.compromisos.query.commitment.web.CommitmentSearch;
import mx.gobiernoabierto.compromisos.query.config.QueryProperties;
import mx.gobiernoabierto.compromisos.support.security.Caller;
import mx.gobiernoabierto.compromisos.support.security.Role;

/** What the workspace reads from the live views, and its read-your-writes wait. */
@Component
class Workspace {

    private final ViewStore store;
    private final CommitmentSearch search;
    private final JdbcClient jdbc;
    private final QueryProperties properties;
    private final Clock clock;
    private final ViewVersions versions;

    Workspace(ViewStore store, CommitmentSearch search, JdbcClient jdbc, QueryProperties properties, Clock clock,
              ViewVersions versions) {
        this.store = store;
        this.search = search;
        this.jdbc = jdbc;
        this.properties = properties;
        this.clock = clock;
        this.versions = versions;
    }

    LocalDate today() {
        return LocalDate.now(clock.withZone(properties.timeZone()));
    }

    Optional<CommitmentState> commitment(String commitmentId) {
        return isId(commitmentId) ? store.commitment(ViewTables.LIVE, commitmentId) : Optional.empty();
    }

    Optional<PlanRegistered> plan(String planId) {
        return isId(planId) ? store.plan(ViewTables.LIVE, planId) : Optional.empty();
    }

    /** The commitments of the STLs the caller edits (every one for an evaluator or administrator), by code. */
    List<CommitmentState> commitmentsOf(Caller caller) {
        List<CommitmentState> all = new ArrayList<>();
        if (caller.has(Role.EVALUATOR) || caller.has(Role.ADMIN)) {
            all.addAll(search.all(new CommitmentSearch.Filter(null, null, null, null, null)));
        } else {
            for (String stl : caller.stlIds().stream().sorted().toList()) {
                all.addAll(search.all(new CommitmentSearch.Filter(null, stl, null, null, null)));
            }
        }
        all.sort(Comparator.comparing(CommitmentState::code).thenComparing(CommitmentState::commitmentId));
        return all;
    }

    /** The plans in which the caller may draft commitments (its STLs'), every plan for an administrator. */
    List<PlanRegistered> plansOf(Caller caller) {
        List<PlanRegistered> plans = jdbc.sql("SELECT * FROM " + ViewTables.LIVE.plans()
                        + " ORDER BY jurisdiction, title, plan_id")
                .query((row, n) -> new PlanRegistered(row.getString("plan_id"), row.getString("stl_id"),
                        row.getString("stl_name"), row.getString("jurisdiction"), row.getString("title"),
                        row.getObject("period_start", LocalDate.class), row.getObject("period_end", LocalDate.class)))
                .list();
        if (caller.has(Role.ADMIN)) {
            return plans;
        }
        return plans.stream().filter(plan -> caller.editsStl(plan.stlId())).toList();
    }

    /**
     * Read-your-writes: waits, up to the same bound as the API's {@code minVersion}, until the view of the
     * commitment has reached the version the command service answered; true when it has.
     */
    boolean awaitVersion(String commitmentId, long version) {
        try {
            return versions.await(commitmentId, version, properties.minVersionWait()) >= version;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Whether the form is offered to this caller on this commitment; the command service decides regardless. */
    static boolean offered(CommandForm form, Caller caller, CommitmentState state) {
        return switch (form.offer()) {
            case EDITOR -> caller.editsStl(state.stlId());
            case EVALUATOR -> caller.has(Role.EVALUATOR);
        };
    }

    /** The forms the caller's role allows on this commitment, whatever its stage. */
    static List<CommandForm> permittedForms(Caller caller, CommitmentState state) {
        return java.util.Arrays.stream(CommandForm.values()).filter(form -> offered(form, caller, state)).toList();
    }

    /** The forms the caller's role allows and the commitment's current stage accepts: the ones its page links. */
    static List<CommandForm> offeredForms(Caller caller, CommitmentState state) {
        return permittedForms(caller, state).stream().filter(form -> form.allowedIn(state.status())).toList();
    }

    /**
     * Why a permitted form cannot be used on the commitment as it now is (a bundle key: its stage, or a completed
     * milestone), or empty when it can. Only what the form is offered by; the command service decides on the post.
     */
    static Optional<String> unavailable(CommandForm form, CommitmentState state, String target) {
        if (!form.allowedIn(state.status())) {
            return Optional.of("espacio.regla." + form.key());
        }
        boolean completedMilestone = form.target() == CommandForm.Target.MILESTONE && state.milestones().stream()
                .anyMatch(m -> m.milestoneId().equals(target) && m.completed());
        return completedMilestone ? Optional.of("espacio.regla.hitoConcluido") : Optional.empty();
    }

    /** A fresh key for one rendered form: a double submission of that form carries the same key and writes once. */
    static String newKey() {
        return "espacio-" + UUID.randomUUID();
    }

    static boolean isId(String text) {
        return Identifiers.isId(text);
    }

    /** The field names a form shows, for placing problems beside them. */
    static Set<String> names(List<CommandForm.Field> fields) {
        return fields.stream().map(CommandForm.Field::name).collect(Collectors.toUnmodifiableSet());
    }

    /** Initial values: today for the dates a person reports, the current details for a revision. */
    static Map<String, List<String>> initialValues(CommandForm form, CommitmentState state, LocalDate today) {
        Map<String, List<String>> values = new LinkedHashMap<>();
        for (CommandForm.Field field : form.fields()) {
            if (field.kind() == CommandForm.Kind.DATE && Set.of("reportedOn", "measuredOn", "completedOn",
                    "startedOn", "sessionDate", "evaluatedOn", "periodEnd").contains(field.name())) {
                values.put(field.name(), List.of(today.toString()));
            }
        }
        if (form == CommandForm.DETAILS) {
            values.putAll(details(state));
        }
        return values;
    }

    static Map<String, List<String>> details(CommitmentState state) {
        Map<String, List<String>> values = new LinkedHashMap<>();
        values.put("title", List.of(state.title()));
        values.put("publicProblem", List.of(state.publicProblem()));
        values.put("objective", List.of(state.objective()));
        values.put("responsibleInstitutions", List.of(String.join("\n", state.responsibleInstitutions())));
        values.put("civilSocietyOrganisations", List.of(String.join("\n", state.civilSocietyOrganisations())));
        values.put("ogpValues", state.ogpValues().stream().map(Enum::name).toList());
        values.put("sdgTargets", state.sdgTargets());
        values.put("startDate", List.of(state.startDate().toString()));
        values.put("endDate", List.of(state.endDate().toString()));
        return values;
    }
}
