package mx.gobiernoabierto.compromisos.query.commitment.web;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import mx.gobiernoabierto.compromisos.query.commitment.projection.AsOfViews;
import mx.gobiernoabierto.compromisos.query.commitment.projection.CommitmentState;
import mx.gobiernoabierto.compromisos.query.commitment.projection.ConsumerAssignment;
import mx.gobiernoabierto.compromisos.query.commitment.projection.ViewStore;
import mx.gobiernoabierto.compromisos.query.commitment.projection.ViewTables;
import mx.gobiernoabierto.compromisos.query.commitment.projection.ViewVersions;
import mx.gobiernoabierto.compromisos.query.config.QueryProperties;
import mx.gobiernoabierto.compromisos.query.web.NotFoundException;
import mx.gobiernoabierto.compromisos.query.web.ProjectionBehindException;
import mx.gobiernoabierto.compromisos.query.web.QueryParams;

/** Public reads of commitments: the list, one commitment now, on a date, or as it stood at an instant. */
@RestController
class CommitmentQueryController {

    private final CommitmentSearch search;
    private final ViewStore store;
    private final Clock clock;
    private final QueryProperties properties;
    private final ConsumerAssignment assignment;
    private final ViewVersions versions;
    private final AsOfViews asOfViews;

    CommitmentQueryController(CommitmentSearch search, ViewStore store, Clock clock, QueryProperties properties,
                              ConsumerAssignment assignment, ViewVersions versions, AsOfViews asOfViews) {
        this.search = search;
        this.store = store;
        this.clock = clock;
        this.properties = properties;
        this.assignment = assignment;
        this.versions = versions;
        this.asOfViews = asOfViews;
    }

    @GetMapping("/api/v1/commitments")
    ListResponse list(@RequestParam(required = false) String planId, @RequestParam(required = false) String stlId,
                      @RequestParam(required = false) String status, @RequestParam(required = false) Integer sdgGoal,
                      @RequestParam(required = false) String ogpValue, @RequestParam(defaultValue = "0") int page,
                      @RequestParam(defaultValue = "50") int size, @RequestParam(required = false) String on) {
        CommitmentSearch.Filter filter = CommitmentSearch.Filter.of(planId, stlId, status, sdgGoal, ogpValue);
        QueryParams.range("page", page, 0, Integer.MAX_VALUE / 500);
        QueryParams.range("size", size, 1, 500);
        LocalDate date = QueryParams.on(on, clock);
        CommitmentSearch.Page found = search.find(filter, page, size);
        return new ListResponse(found.items().stream().map(state -> CommitmentViews.summary(state, date)).toList(),
                page, size, found.totalItems());
    }

    record ListResponse(List<CommitmentViews.Summary> items, int page, int size, long totalItems) {
    }

    @GetMapping("/api/v1/commitments/{commitmentId}")
    CommitmentViews.Detail one(@PathVariable String commitmentId, @RequestParam(required = false) String on,
                               @RequestParam(required = false) Long minVersion,
                               @RequestParam(required = false) String asOf) throws InterruptedException {
        QueryParams.id("commitmentId", commitmentId);
        LocalDate date = QueryParams.on(on, clock);
        if (asOf != null) {
            return CommitmentViews.detail(asOf(commitmentId, QueryParams.instant("asOf", asOf)), date);
        }
        if (minVersion != null) {
            QueryParams.range("minVersion", minVersion > Integer.MAX_VALUE ? -1 : minVersion.intValue(), 0, Integer.MAX_VALUE);
            awaitVersion(commitmentId, minVersion);
        }
        CommitmentState state = store.commitment(ViewTables.LIVE, commitmentId)
                .orElseThrow(() -> new NotFoundException("commitment", commitmentId));
        return CommitmentViews.detail(state, date);
    }

    /** Read-your-writes: waits until the commitment reaches the version a writer was given. */
    private void awaitVersion(String commitmentId, long minVersion) throws InterruptedException {
        long version = versions.await(commitmentId, minVersion, properties.minVersionWait());
        if (version < minVersion) {
            throw new ProjectionBehindException(commitmentId, minVersion, version, assignment.assigned());
        }
    }

    /** The same fold as the live view, over the archived events that occurred at or before the instant. */
    private CommitmentState asOf(String commitmentId, Instant instant) {
        return asOfViews.at(commitmentId, instant)
                .orElseThrow(() -> new NotFoundException("commitment as of " + instant + ",", commitmentId));
    }
}
