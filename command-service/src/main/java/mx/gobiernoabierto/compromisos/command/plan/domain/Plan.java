package mx.gobiernoabierto.compromisos.command.plan.domain;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

import mx.gobiernoabierto.compromisos.command.domain.InvalidInputException;
import mx.gobiernoabierto.compromisos.command.domain.Rules;
import mx.gobiernoabierto.compromisos.events.Identifiers;
import mx.gobiernoabierto.compromisos.events.PlanRegistered;

/** A Local Action Plan (PAL) of one STL; commitments are drafted in it. */
@Aggregate(cache = "aggregateCache")
public class Plan {

    @AggregateIdentifier
    private String planId;

    protected Plan() {
        // for Axon: instances are sourced from events
    }

    @CommandHandler
    public Plan(RegisterPlan command, PlanRegistry registry) {
        if (!Identifiers.isStlSlug(command.stlId())) {
            throw new InvalidInputException("stlId", "stlId must be a slug such as stl-jalisco, not " + command.stlId());
        }
        Rules.notBefore("periodEnd", command.periodEnd(), "periodStart", command.periodStart());
        registry.register(command.planId(), command.stlId());
        apply(new PlanRegistered(command.planId(), command.stlId(), command.stlName(), command.jurisdiction(),
                command.title(), command.periodStart(), command.periodEnd()));
    }

    @EventSourcingHandler
    void on(PlanRegistered event) {
        planId = event.planId();
    }
}
