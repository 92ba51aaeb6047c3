package mx.gobiernoabierto.compromisos.command.plan.domain;

import java.time.LocalDate;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Registers an STL's Local Action Plan for a period. */
public record RegisterPlan(@TargetAggregateIdentifier String planId, String stlId, String stlName,
                           String jurisdiction, String title, LocalDate periodStart, LocalDate periodEnd) {
}
