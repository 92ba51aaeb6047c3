package mx.gobiernoabierto.compromisos.query.portal;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;

import mx.gobiernoabierto.compromisos.events.CommitmentStatus;
import mx.gobiernoabierto.compromisos.events.OgpValue;
import mx.gobiernoabierto.compromisos.events.PlanRegistered;
import mx.gobiernoabierto.compromisos.query.commitment.projection.CommitmentState;
import mx.gobiernoabierto.compromisos.query.commitment.web.CommitmentSearch;
import mx.gobiernoabierto.compromisos.query.commitment.web.CommitmentViews;
import mx.gobiernoabierto.compromisos.query.export.SummaryCsv;

/** {@code /planes/{planId}}: a plan's figures and its commitments as a filterable, sortable, paged table. */
@Controller
class PlanPage {

    private final PortalReads reads;
    private final CommitmentSearch search;
    private final Clock clock;

    PlanPage(PortalReads reads, CommitmentSearch search, Clock clock) {
        this.reads = reads;
        this.search = search;
        this.clock = clock;
    }

    @GetMapping("/planes/{planId}")
    String plan(@PathVariable String planId, @RequestParam Map<String, String> parameters, Model model) {
        PlanRegistered plan = plan(planId);
        LocalDate today = LocalDate.now(clock);
        PlanTable.Result table = table(planId, parameters, today);
        model.addAttribute("plan", plan);
        model.addAttribute("today", today);
        model.addAttribute("overview", Overview.of(reads.commitments(planId, null), today));
        model.addAttribute("table", table);
        model.addAttribute("q", table.query());
        model.addAttribute("statuses", CommitmentStatus.values());
        model.addAttribute("ogpValues", OgpValue.values());
        model.addAttribute("schedules", PlanTable.SCHEDULES);
        model.addAttribute("goals", java.util.stream.IntStream.rangeClosed(1, Sdg.GOALS).boxed().toList());
        model.addAttribute("columns", PlanTable.COLUMNS);
        return "plan";
    }

    @GetMapping("/planes/{planId}/compromisos.csv")
    ResponseEntity<byte[]> csv(@PathVariable String planId, @RequestParam Map<String, String> parameters) {
        plan(planId);
        PlanTable.Result table = table(planId, parameters, LocalDate.now(clock));
        return ResponseEntity.ok()
                .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, attachment("compromisos-" + planId + ".csv"))
                .body(SummaryCsv.write(table.rows()).getBytes(StandardCharsets.UTF_8));
    }

    /** The rows shown, with the filters, order and page that chose them. */
    record Download(String planId, LocalDate on, Map<String, String> parameters, int page, int pageSize,
                    long totalItems, List<CommitmentViews.Summary> items) {
    }

    @GetMapping("/planes/{planId}/compromisos.json")
    @ResponseBody
    ResponseEntity<Download> json(@PathVariable String planId, @RequestParam Map<String, String> parameters) {
        plan(planId);
        LocalDate today = LocalDate.now(clock);
        PlanTable.Result table = table(planId, parameters, today);
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_JSON)
                .header(HttpHeaders.CONTENT_DISPOSITION, attachment("compromisos-" + planId + ".json"))
                .body(new Download(planId, today, table.query().parameters(), table.query().page(),
                        PlanTable.PAGE_SIZE, table.totalItems(), table.rows()));
    }

    private PlanRegistered plan(String planId) {
        return reads.plan(planId).orElseThrow(() -> new PageNotFound("plan " + planId));
    }

    private PlanTable.Result table(String planId, Map<String, String> p, LocalDate on) {
        PlanTable.Query query = PlanTable.Query.parse(p.get("estado"), p.get("ods"), p.get("valor"),
                p.get("calendario"), p.get("orden"), p.get("dir"), p.get("pagina"));
        List<CommitmentState> commitments = search.all(new CommitmentSearch.Filter(planId, null, query.status(),
                query.sdgGoal(), query.ogpValue()));
        return PlanTable.of(commitments, query, on);
    }

    private static String attachment(String filename) {
        return ContentDisposition.attachment().filename(filename).build().toString();
    }
}
