package mx.gobiernoabierto.compromisos.query.workspace;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

import mx.gobiernoabierto.compromisos.events.CommitmentStatus;
import mx.gobiernoabierto.compromisos.events.Frequency;
import mx.gobiernoabierto.compromisos.query.commitment.projection.CommitmentFigures;
import mx.gobiernoabierto.compromisos.query.commitment.projection.CommitmentState;

/**
 * "Mis pendientes": what is due in an editor's commitments on a date, computed from the folded views alone (a pure
 * function, so that the page only lays it out):
 * <ul>
 *     <li>overdue milestones (the same definition as the figures: not completed, due before the date), and milestones
 *     due within {@link #SOON_DAYS} days, in commitments that are not yet concluded;</li>
 *     <li>indicators of a commitment in implementation whose next measurement is due: the latest measurement's
 *     date (else the baseline date) plus one period of its frequency is on or before the date;</li>
 *     <li>commitments in implementation without a monitoring report whose period ended in the last three months;</li>
 *     <li>drafts missing what adoption needs that can be prepared ahead: a milestone, an indicator (the three
 *     sectors' approvals are given on the adoption form itself).</li>
 * </ul>
 */
final class Pending {

    /** How many days ahead a milestone counts as "soon due". */
    static final int SOON_DAYS = 14;

    public enum Kind { MILESTONE_OVERDUE, MILESTONE_SOON, MEASUREMENT_DUE, REPORT_DUE, DRAFT_NEEDS_MILESTONE,
        DRAFT_NEEDS_INDICATOR }

    /**
     * One thing to do.
     *
     * @param kind         what it is
     * @param commitment   the commitment it belongs to
     * @param what         the milestone's or indicator's title, else {@code null}
     * @param targetId     the milestone's or indicator's id, else {@code null}
     * @param date         the date it is (or was) due, else {@code null}
     * @param form         the workspace form that does it
     */
    public record Item(Kind kind, CommitmentState commitment, String what, String targetId, LocalDate date,
                CommandForm form) {
    }

    private Pending() {
    }

    /** Everything due on {@code today} in these commitments, the most pressing first (earliest date first). */
    static List<Item> of(List<CommitmentState> commitments, LocalDate today) {
        List<Item> items = new ArrayList<>();
        for (CommitmentState state : commitments) {
            items.addAll(of(state, today));
        }
        items.sort(Comparator.comparing(Item::kind).thenComparing(Item::date, Comparator.nullsLast(Comparator.naturalOrder()))
                .thenComparing(item -> item.commitment().code()));
        return items;
    }

    static List<Item> of(CommitmentState state, LocalDate today) {
        List<Item> items = new ArrayList<>();
        CommitmentStatus status = state.status();
        if (Set.of(CommitmentStatus.DRAFT, CommitmentStatus.ADOPTED, CommitmentStatus.IN_IMPLEMENTATION,
                CommitmentStatus.SUSPENDED).contains(status)) {
            Set<String> overdue = CommitmentFigures.of(state, today).overdueMilestones();
            for (CommitmentState.Milestone milestone : state.milestones()) {
                if (overdue.contains(milestone.milestoneId())) {
                    items.add(new Item(Kind.MILESTONE_OVERDUE, state, milestone.title(), milestone.milestoneId(),
                            milestone.dueDate(), CommandForm.PROGRESS));
                } else if (!milestone.completed() && !milestone.dueDate().isBefore(today)
                        && !milestone.dueDate().isAfter(today.plusDays(SOON_DAYS))) {
                    items.add(new Item(Kind.MILESTONE_SOON, state, milestone.title(), milestone.milestoneId(),
                            milestone.dueDate(), CommandForm.PROGRESS));
                }
            }
        }
        if (status == CommitmentStatus.IN_IMPLEMENTATION) {
            for (CommitmentState.Indicator indicator : state.indicators()) {
                LocalDate next = nextMeasurement(indicator);
                if (!next.isAfter(today)) {
                    items.add(new Item(Kind.MEASUREMENT_DUE, state, indicator.name(), indicator.indicatorId(), next,
                            CommandForm.MEASUREMENT));
                }
            }
            LocalDate quarterAgo = today.minusMonths(3);
            boolean reported = state.monitoringReports().stream()
                    .anyMatch(report -> report.periodEnd().isAfter(quarterAgo));
            if (!reported) {
                items.add(new Item(Kind.REPORT_DUE, state, null, null, null, CommandForm.REPORT));
            }
        }
        if (status == CommitmentStatus.DRAFT) {
            if (state.milestones().isEmpty()) {
                items.add(new Item(Kind.DRAFT_NEEDS_MILESTONE, state, null, null, null, CommandForm.MILESTONE));
            }
            if (state.indicators().isEmpty()) {
                items.add(new Item(Kind.DRAFT_NEEDS_INDICATOR, state, null, null, null, CommandForm.INDICATOR));
            }
        }
        return items;
    }

    /** The latest measurement's date (else the baseline date) plus one period of the indicator's frequency. */
    static LocalDate nextMeasurement(CommitmentState.Indicator indicator) {
        LocalDate last = indicator.measurements().stream().map(CommitmentState.Measurement::measuredOn)
                .max(Comparator.naturalOrder()).orElse(indicator.baselineDate());
        return last.plusMonths(months(indicator.frequency()));
    }

    static int months(Frequency frequency) {
        return switch (frequency) {
            case MONTHLY -> 1;
            case QUARTERLY -> 3;
            case SEMIANNUAL -> 6;
            case ANNUAL -> 12;
        };
    }
}
