package mx.gobiernoabierto.compromisos.events;

import java.time.LocalDate;

/**
 * The final, independent evaluation: {@code IN_IMPLEMENTATION}, {@code COMPLETED} or {@code SUSPENDED} →
 * {@code EVALUATED}.
 *
 * @param evaluatedOn         not in the future
 * @param didItOpenGovernment the IRM's "did it open government?"
 * @param evaluator           the evaluator's name as the evaluation states it
 */
@EventRevision(1)
public record CommitmentEvaluated(String commitmentId, LocalDate evaluatedOn, CompletionLevel completionLevel,
                                  OpenGovernmentEffect didItOpenGovernment, String findings, String evaluator)
        implements CommitmentEvent {
}
