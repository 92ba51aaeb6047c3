package mx.gobiernoabierto.compromisos.query.portal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

import mx.gobiernoabierto.compromisos.events.*;
import mx.gobiernoabierto.compromisos.events.wire.EventEnvelope;
import mx.gobiernoabierto.compromisos.events.wire.EventJson;

/**
 * An aggregate's events told in plain Spanish, one sentence each ("usr-jal-editor-01 registró 60 % de avance en
 * «Portal de presupuesto abierto» el 3 de marzo de 2025"), for the history page and the Atom feeds. The words come
 * from the message bundle ({@code evento.<type>}); milestones and indicators are named by the titles their own
 * earlier events gave them.
 */
@Component
class EventStory {

    private final MessageSource messages;
    private final Formats f;

    EventStory(MessageSource messages, Formats formats) {
        this.messages = messages;
        this.f = formats;
    }

    /**
     * One event as the history shows it.
     *
     * @param sentence    what happened, in Spanish
     * @param occurredAt  when it was recorded, ISO-8601 UTC as in the chain
     * @param payloadJson the payload, indented
     */
    record Told(EventEnvelope envelope, String sentence, Instant occurredAt, String payloadJson) {
    }

    /** The events of one aggregate, in sequence order, each told. */
    List<Told> tell(List<EventEnvelope> events) {
        Map<String, String> names = new HashMap<>();
        List<Told> told = new ArrayList<>();
        for (EventEnvelope envelope : events) {
            told.add(new Told(envelope, sentence(envelope, names), envelope.occurredAtInstant(),
                    EventJson.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(envelope.payload())));
        }
        return told;
    }

    private String sentence(EventEnvelope envelope, Map<String, String> names) {
        String actor = envelope.actor();
        String day = f.date(f.day(envelope.occurredAtInstant()));
        DomainEvent event;
        try {
            event = envelope.event();
        } catch (RuntimeException unknown) {
            return say("evento.desconocido", actor, envelope.type(), day);
        }
        return switch (event) {
            case CommitmentDrafted e -> {
                names.put(e.commitmentId(), e.title());
                yield say("evento.CommitmentDrafted", actor, e.title(), e.code(), day);
            }
            case CommitmentDetailsRevised e -> {
                names.put(e.commitmentId(), e.title());
                yield say("evento.CommitmentDetailsRevised", actor, e.title(), day);
            }
            case MilestonePlanned e -> {
                names.put(e.milestoneId(), e.title());
                yield say("evento.MilestonePlanned", actor, e.title(), f.date(e.dueDate()), f.number(e.weight()), day);
            }
            case IndicatorDefined e -> {
                names.put(e.indicatorId(), e.name());
                yield say("evento.IndicatorDefined", actor, e.name(), f.number(e.baseline()), f.number(e.target()),
                        e.unit(), word("sentido." + e.direction()), day);
            }
            case CommitmentAdopted e -> say("evento.CommitmentAdopted", actor, f.date(e.sessionDate()),
                    e.approvals().stream().map(a -> a.name() + " (" + word("sector." + a.sector()) + ")")
                            .collect(Collectors.joining(", ")));
            case ImplementationStarted e -> say("evento.ImplementationStarted", actor, f.date(e.startedOn()));
            case MilestoneProgressLogged e -> say("evento.MilestoneProgressLogged", actor, f.percent(e.percent()),
                    name(names, e.milestoneId()), f.date(e.reportedOn()));
            case MilestoneCompleted e -> say("evento.MilestoneCompleted", actor, name(names, e.milestoneId()),
                    f.date(e.completedOn()), e.evidenceUrls().size());
            case MilestoneRescheduled e -> say("evento.MilestoneRescheduled", actor, name(names, e.milestoneId()),
                    f.date(e.previousDueDate()), f.date(e.newDueDate()), e.reason());
            case MeasurementRecorded e -> say("evento.MeasurementRecorded", actor, f.number(e.value()),
                    name(names, e.indicatorId()), f.date(e.measuredOn()), e.source());
            case MeasurementCorrected e -> say("evento.MeasurementCorrected", actor, name(names, e.indicatorId()),
                    f.number(e.previousValue()), f.number(e.value()), e.reason());
            case MonitoringReportSubmitted e -> say("evento.MonitoringReportSubmitted", actor, f.date(e.periodEnd()),
                    word("informe." + e.assessment()));
            case CommitmentCompleted e -> say("evento.CommitmentCompleted", actor, f.date(e.completedOn()));
            case CommitmentEvaluated e -> say("evento.CommitmentEvaluated", actor, f.date(e.evaluatedOn()),
                    word("cumplimiento." + e.completionLevel()), word("apertura." + e.didItOpenGovernment()),
                    e.evaluator());
            case CommitmentSuspended e -> say("evento.CommitmentSuspended", actor, e.reason(), day);
            case CommitmentResumed e -> say("evento.CommitmentResumed", actor, word("estado." + e.resumedTo()), day);
            case CommitmentCancelled e -> say("evento.CommitmentCancelled", actor, e.reason(), day);
            case PlanRegistered e -> say("evento.PlanRegistered", actor, e.title(), e.stlName(),
                    f.date(e.periodStart()), f.date(e.periodEnd()));
            default -> say("evento.desconocido", actor, envelope.type(), day);
        };
    }

    private String name(Map<String, String> names, String id) {
        return names.getOrDefault(id, id);
    }

    private String word(String key) {
        return messages.getMessage(key, null, key, Formats.ES_MX);
    }

    private String say(String key, Object... args) {
        return messages.getMessage(key, args, Formats.ES_MX);
    }
}
