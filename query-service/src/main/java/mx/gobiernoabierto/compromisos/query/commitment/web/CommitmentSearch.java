package mx.gobiernoabierto.compromisos.query.commitment.web;

import java.util.List;

import org.springframework.stereotype.Component;

import mx.gobiernoabierto.compromisos.events.CommitmentStatus;
import mx.gobiernoabierto.compromisos.events.OgpValue;
import mx.gobiernoabierto.compromisos.query.commitment.projection.ViewSelection;
import mx.gobiernoabierto.compromisos.query.commitment.projection.CommitmentState;
import mx.gobiernoabierto.compromisos.query.web.QueryParams;

/**
 * The analysts' filters over the live commitment views: plan, STL, status, SDG goal and OGP value, checked as query
 * parameters; the SQL is {@link ViewSelection}'s, beside the other view SQL.
 */
@Component
public class CommitmentSearch {

    private final ViewSelection selection;

    CommitmentSearch(ViewSelection selection) {
        this.selection = selection;
    }

    /** The filters of the list and the export; every one optional. */
    public record Filter(String planId, String stlId, CommitmentStatus status, Integer sdgGoal, OgpValue ogpValue) {

        public static Filter of(String planId, String stlId, String status, Integer sdgGoal, String ogpValue) {
            return new Filter(QueryParams.id("planId", planId), QueryParams.slug("stlId", stlId),
                    QueryParams.status(status), QueryParams.range("sdgGoal", sdgGoal, 1, 17),
                    QueryParams.ogpValue(ogpValue));
        }

        ViewSelection.Conditions conditions() {
            return new ViewSelection.Conditions(planId, stlId, status, sdgGoal, ogpValue);
        }
    }

    public record Page(List<CommitmentState> items, long totalItems) {
    }

    public Page find(Filter filter, int page, int size) {
        long total = selection.count(filter.conditions());
        return new Page(selection.page(filter.conditions(), page, size), total);
    }

    public List<CommitmentState> all(Filter filter) {
        return selection.all(filter.conditions());
    }
}
