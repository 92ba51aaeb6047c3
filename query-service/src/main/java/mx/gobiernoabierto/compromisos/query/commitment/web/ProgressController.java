package mx.gobiernoabierto.compromisos.query.commitment.web;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import mx.gobiernoabierto.compromisos.events.Direction;
import mx.gobiernoabierto.compromisos.events.PlanRegistered;
import mx.gobiernoabierto.compromisos.query.commitment.projection.CommitmentFigures;
import mx.gobiernoabierto.compromisos.query.commitment.projection.CommitmentState;
import mx.gobiernoabierto.compromisos.query.commitment.projection.PlanProgress;
import mx.gobiernoabierto.compromisos.query.commitment.projection.SdgProgress;
import mx.gobiernoabierto.compromisos.query.commitment.projection.ViewStore;
import mx.gobiernoabierto.compromisos.query.commitment.projection.ViewTables;
import mx.gobiernoabierto.compromisos.query.web.NotFoundException;
import mx.gobiernoabierto.compromisos.query.web.QueryParams;

/** The analysts' figures: a plan's progress, progress by SDG goal and target, an indicator's series. */
@RestController
class ProgressController {

    private final ViewStore store;
    private final CommitmentSearch search;
    private final Clock clock;

    ProgressController(ViewStore store, CommitmentSearch search, Clock clock) {
        this.store = store;
        this.search = search;
        this.clock = clock;
    }

    @GetMapping("/api/v1/plans/{planId}/progress")
    PlanProgress.Result planProgress(@PathVariable String planId, @RequestParam(required = false) String on) {
        QueryParams.id("planId", planId);
        LocalDate date = QueryParams.on(on, clock);
        List<CommitmentState> commitments = search.all(new CommitmentSearch.Filter(planId, null, null, null, null));
        PlanRegistered plan = store.plan(ViewTables.LIVE, planId).orElse(null);
        if (plan == null && commitments.isEmpty()) {
            throw new NotFoundException("plan", planId);
        }
        String stlId = plan != null ? plan.stlId() : commitments.getFirst().stlId();
        return PlanProgress.of(planId, stlId, plan == null ? null : plan.title(), commitments, date);
    }

    @GetMapping("/api/v1/sdg/progress")
    SdgProgress.Result sdgProgress(@RequestParam(required = false) String planId,
                                   @RequestParam(required = false) String stlId) {
        return SdgProgress.of(search.all(new CommitmentSearch.Filter(QueryParams.id("planId", planId),
                QueryParams.slug("stlId", stlId), null, null, null)));
    }

    @GetMapping("/api/v1/indicators/{indicatorId}/series")
    Series series(@PathVariable String indicatorId) {
        QueryParams.id("indicatorId", indicatorId);
        CommitmentState state = store.commitmentOfIndicator(ViewTables.LIVE, indicatorId)
                .flatMap(commitmentId -> store.commitment(ViewTables.LIVE, commitmentId))
                .orElseThrow(() -> new NotFoundException("indicator", indicatorId));
        CommitmentState.Indicator indicator = state.indicators().stream()
                .filter(i -> i.indicatorId().equals(indicatorId))
                .findFirst()
                .orElseThrow(() -> new NotFoundException("indicator", indicatorId));
        List<Point> points = indicator.measurements().stream()
                .sorted(Comparator.comparing(CommitmentState.Measurement::measuredOn)
                        .thenComparingLong(CommitmentState.Measurement::recordedAt))
                .map(m -> new Point(m.measuredOn(), m.value(), CommitmentFigures.indicatorProgress(indicator, m.value())))
                .toList();
        return new Series(indicatorId, state.commitmentId(), indicator.unit(), indicator.baseline(), indicator.target(),
                indicator.direction(), points);
    }

    record Series(String indicatorId, String commitmentId, String unit, BigDecimal baseline, BigDecimal target,
                  Direction direction, List<Point> points) {
    }

    record Point(LocalDate measuredOn, BigDecimal value, BigDecimal progress) {
    }
}
