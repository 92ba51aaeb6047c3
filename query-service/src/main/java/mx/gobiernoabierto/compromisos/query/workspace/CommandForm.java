package mx.gobiernoabierto.compromisos.query.workspace;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import mx.gobiernoabierto.compromisos.events.Assessment;
import mx.gobiernoabierto.compromisos.events.CommitmentStatus;
import mx.gobiernoabierto.compromisos.events.CompletionLevel;
import mx.gobiernoabierto.compromisos.events.Direction;
import mx.gobiernoabierto.compromisos.events.Frequency;
import mx.gobiernoabierto.compromisos.events.IndicatorKind;
import mx.gobiernoabierto.compromisos.events.OgpValue;
import mx.gobiernoabierto.compromisos.events.OpenGovernmentEffect;

/**
 * One form per command of the command table: its address segment ({@code key}), the command service path it posts
 * to, who is offered it, what it acts on, whether it cannot be undone (then a summary asks for confirmation), in
 * which stages of the commitment the command service accepts it, and its fields, named exactly as the API's body
 * fields so that a problem's {@code errors[].field} lands beside its input.
 */
public enum CommandForm {

    PROGRESS("avance", "/milestones/{target}/progress", Offer.EDITOR, Target.MILESTONE, false, Stages.IMPLEMENTING,
            Field.integer("percent", true), Field.date("reportedOn", true), Field.longText("note", false),
            Field.lines("evidenceUrls", false)),
    MEASUREMENT("medicion", "/indicators/{target}/measurements", Offer.EDITOR, Target.INDICATOR, false,
            Stages.MONITORING,
            Field.number("value", true), Field.date("measuredOn", true), Field.text("source", true),
            Field.longText("note", false)),
    CORRECTION("correccion", "/indicators/{indicator}/measurements/{target}/correction", Offer.EDITOR,
            Target.MEASUREMENT, false, Stages.MONITORING, Field.number("value", true), Field.longText("reason", true)),
    REPORT("informe", "/monitoring-reports", Offer.EDITOR, Target.NONE, false, Stages.MONITORING,
            Field.date("periodEnd", true),
            Field.choice("assessment", "informe", Assessment.class), Field.longText("narrative", true)),
    MILESTONE_COMPLETION("completar-hito", "/milestones/{target}/completion", Offer.EDITOR, Target.MILESTONE, false,
            Stages.IMPLEMENTING,
            Field.date("completedOn", true), Field.lines("evidenceUrls", true), Field.longText("note", false)),
    RESCHEDULE("reprogramar", "/milestones/{target}/reschedule", Offer.EDITOR, Target.MILESTONE, false,
            Stages.PLANNING,
            Field.date("newDueDate", true), Field.longText("reason", true)),
    MILESTONE("hito", "/milestones", Offer.EDITOR, Target.NONE, false, Stages.PLANNING, Field.text("title", true),
            Field.longText("description", true), Field.date("dueDate", true), Field.text("responsible", true),
            Field.number("weight", false)),
    INDICATOR("indicador", "/indicators", Offer.EDITOR, Target.NONE, false, Stages.PLANNING, Field.text("name", true),
            Field.choice("kind", "tipo", IndicatorKind.class), Field.text("unit", true),
            Field.number("baseline", true), Field.date("baselineDate", true), Field.number("target", true),
            Field.date("targetDate", true), Field.choice("direction", "sentido", Direction.class),
            Field.choice("frequency", "frecuencia", Frequency.class), Field.text("meansOfVerification", true),
            Field.text("sdgIndicator", false)),
    DETAILS("detalles", "/details", Offer.EDITOR, Target.NONE, false, Stages.DRAFTING, Fields.DETAILS),
    ADOPTION("adopcion", "/adoption", Offer.EDITOR, Target.NONE, true, Stages.DRAFTING, Field.date("sessionDate", true),
            Field.approvals()),
    IMPLEMENTATION("inicio", "/implementation", Offer.EDITOR, Target.NONE, false, Stages.ADOPTED,
            Field.date("startedOn", true)),
    COMPLETION("conclusion", "/completion", Offer.EDITOR, Target.NONE, true, Stages.IMPLEMENTING,
            Field.date("completedOn", true)),
    SUSPENSION("suspension", "/suspension", Offer.EDITOR, Target.NONE, false, Stages.SUSPENDABLE,
            Field.longText("reason", true)),
    RESUMPTION("reanudacion", "/resumption", Offer.EDITOR, Target.NONE, false, Stages.SUSPENDED),
    CANCELLATION("cancelacion", "/cancellation", Offer.EDITOR, Target.NONE, true, Stages.NOT_FINAL,
            Field.longText("reason", true)),
    EVALUATION("evaluacion", "/evaluation", Offer.EVALUATOR, Target.NONE, true, Stages.EVALUABLE,
            Field.date("evaluatedOn", true),
            Field.choice("completionLevel", "cumplimiento", CompletionLevel.class),
            Field.choice("didItOpenGovernment", "apertura", OpenGovernmentEffect.class),
            Field.longText("findings", true), Field.text("evaluator", true));

    /** Who sees the form: an editor of the commitment's STL, or an evaluator. The command service decides anyway. */
    public enum Offer { EDITOR, EVALUATOR }

    /** What, inside the commitment, the command acts on. */
    public enum Target { NONE, MILESTONE, INDICATOR, MEASUREMENT }

    public enum Kind { TEXT, LONG_TEXT, DATE, NUMBER, INTEGER, LINES, CHOICE, CHECKS, SDG_TARGETS, APPROVALS }

    /**
     * A field of a form.
     *
     * @param name     the API's body field
     * @param kind     how it is typed and how its text becomes JSON
     * @param required whether the form marks it as required (the command service still decides)
     * @param words    for a choice, the bundle prefix of its options' words ({@code tipo.}, {@code sentido.}, ...)
     * @param options  for a choice or checkboxes, the contract's enum names
     */
    public record Field(String name, Kind kind, boolean required, String words, List<String> options) {

        static Field text(String name, boolean required) {
            return new Field(name, Kind.TEXT, required, null, List.of());
        }

        static Field longText(String name, boolean required) {
            return new Field(name, Kind.LONG_TEXT, required, null, List.of());
        }

        static Field date(String name, boolean required) {
            return new Field(name, Kind.DATE, required, null, List.of());
        }

        static Field number(String name, boolean required) {
            return new Field(name, Kind.NUMBER, required, null, List.of());
        }

        static Field integer(String name, boolean required) {
            return new Field(name, Kind.INTEGER, required, null, List.of());
        }

        static Field lines(String name, boolean required) {
            return new Field(name, Kind.LINES, required, null, List.of());
        }

        static Field choice(String name, String words, Class<? extends Enum<?>> values) {
            return new Field(name, Kind.CHOICE, true, words, names(values));
        }

        static Field checks(String name, String words, Class<? extends Enum<?>> values) {
            return new Field(name, Kind.CHECKS, false, words, names(values));
        }

        static Field sdgTargets(String name) {
            return new Field(name, Kind.SDG_TARGETS, false, null, List.of());
        }

        static Field approvals() {
            return new Field("approvals", Kind.APPROVALS, true, "sector", List.of("GOVERNMENT", "TRANSPARENCY_BODY",
                    "CIVIL_SOCIETY"));
        }

        private static List<String> names(Class<? extends Enum<?>> values) {
            return Arrays.stream(values.getEnumConstants()).map(Enum::name).toList();
        }
    }

    /**
     * The stages in which the command service accepts each command (its {@code Commitment} aggregate's rules, as
     * {@code domain.md} states them): the workspace offers a form only there. The command service still decides.
     */
    static final class Stages {

        static final Set<CommitmentStatus> DRAFTING = EnumSet.of(CommitmentStatus.DRAFT);
        static final Set<CommitmentStatus> ADOPTED = EnumSet.of(CommitmentStatus.ADOPTED);
        static final Set<CommitmentStatus> IMPLEMENTING = EnumSet.of(CommitmentStatus.IN_IMPLEMENTATION);
        static final Set<CommitmentStatus> SUSPENDED = EnumSet.of(CommitmentStatus.SUSPENDED);
        static final Set<CommitmentStatus> PLANNING = EnumSet.of(CommitmentStatus.DRAFT, CommitmentStatus.ADOPTED,
                CommitmentStatus.IN_IMPLEMENTATION);
        static final Set<CommitmentStatus> MONITORING = EnumSet.of(CommitmentStatus.IN_IMPLEMENTATION,
                CommitmentStatus.COMPLETED, CommitmentStatus.EVALUATED);
        static final Set<CommitmentStatus> SUSPENDABLE = EnumSet.of(CommitmentStatus.ADOPTED,
                CommitmentStatus.IN_IMPLEMENTATION);
        static final Set<CommitmentStatus> EVALUABLE = EnumSet.of(CommitmentStatus.IN_IMPLEMENTATION,
                CommitmentStatus.COMPLETED, CommitmentStatus.SUSPENDED);
        static final Set<CommitmentStatus> NOT_FINAL = EnumSet.complementOf(EnumSet.of(CommitmentStatus.EVALUATED,
                CommitmentStatus.CANCELLED));

        private Stages() {
        }
    }

    /** Field lists shared by more than one form. */
    static final class Fields {

        /** The commitment's details, as drafted and as revised (without plan and code). */
        static final Field[] DETAILS = {Field.text("title", true), Field.longText("publicProblem", true),
                Field.longText("objective", true), Field.lines("responsibleInstitutions", true),
                Field.lines("civilSocietyOrganisations", false), Field.checks("ogpValues", "valor", OgpValue.class),
                Field.sdgTargets("sdgTargets"), Field.date("startDate", true), Field.date("endDate", true)};

        /** Drafting a commitment: its code, then the details. */
        static final List<Field> DRAFT = java.util.stream.Stream.concat(
                java.util.stream.Stream.of(Field.text("code", true)), Arrays.stream(DETAILS)).toList();

        /** Registering a plan. */
        static final List<Field> PLAN = List.of(Field.text("stlId", true), Field.text("stlName", true),
                Field.text("jurisdiction", true), Field.text("title", true), Field.date("periodStart", true),
                Field.date("periodEnd", true));

        private Fields() {
        }
    }

    private final String key;
    private final String path;
    private final Offer offer;
    private final Target target;
    private final boolean irreversible;
    private final Set<CommitmentStatus> stages;
    private final List<Field> fields;

    CommandForm(String key, String path, Offer offer, Target target, boolean irreversible,
                Set<CommitmentStatus> stages, Field... fields) {
        this.key = key;
        this.path = path;
        this.offer = offer;
        this.target = target;
        this.irreversible = irreversible;
        this.stages = Set.copyOf(stages);
        this.fields = List.of(fields);
    }

    public String key() {
        return key;
    }

    public Offer offer() {
        return offer;
    }

    public Target target() {
        return target;
    }

    public boolean irreversible() {
        return irreversible;
    }

    public List<Field> fields() {
        return fields;
    }

    /** The stages in which the command service accepts this command, in lifecycle order. */
    public List<CommitmentStatus> stages() {
        return stages.stream().sorted().toList();
    }

    /** Whether the command service accepts this command for a commitment in {@code status}. */
    public boolean allowedIn(CommitmentStatus status) {
        return stages.contains(status);
    }

    boolean isPut() {
        return this == DETAILS;
    }

    /** The command service path for this commitment and target ({@code indicatorId} only for a correction). */
    String apiPath(String commitmentId, String targetId, String indicatorId) {
        return "/api/v1/commitments/" + commitmentId + path.replace("{target}", String.valueOf(targetId))
                .replace("{indicator}", String.valueOf(indicatorId));
    }

    static Optional<CommandForm> byKey(String key) {
        return Arrays.stream(values()).filter(form -> form.key.equals(key)).findFirst();
    }
}
