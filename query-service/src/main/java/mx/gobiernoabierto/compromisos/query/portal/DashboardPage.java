package mx.gobiernoabierto.compromisos.query.portal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import mx.gobiernoabierto.compromisos.events.PlanRegistered;
import mx.gobiernoabierto.compromisos.query.commitment.projection.CommitmentState;
import mx.gobiernoabierto.compromisos.query.commitment.projection.PlanProgress;

/** {@code /}: the plans and their STLs, and the figures of all commitments, of one STL's or of one plan's. */
@Controller
class DashboardPage {

    private final PortalReads reads;
    private final Clock clock;

    DashboardPage(PortalReads reads, Clock clock) {
        this.reads = reads;
        this.clock = clock;
    }

    /** A plan as the dashboard lists it, with its figures today. */
    record PlanRow(PlanRegistered plan, int commitments, PlanProgress.Result progress) {
    }

    record Stl(String stlId, String name) {
    }

    @GetMapping("/")
    String dashboard(@RequestParam(name = "stl", required = false) String stl,
                     @RequestParam(name = "plan", required = false) String plan, Model model) {
        String stlId = blankToNull(stl);
        String planId = blankToNull(plan);
        if (stlId != null && !PortalReads.isSlug(stlId)) {
            throw new PageBadRequest("stl", "parametro.stl");
        }
        if (planId != null && !PortalReads.isId(planId)) {
            throw new PageBadRequest("plan", "parametro.plan");
        }
        LocalDate today = LocalDate.now(clock);
        List<PlanRegistered> plans = reads.plans();
        Map<String, Stl> stls = new LinkedHashMap<>();
        plans.forEach(p -> stls.putIfAbsent(p.stlId(), new Stl(p.stlId(), p.stlName())));

        List<CommitmentState> selection = reads.commitments(planId, stlId);
        List<PlanRow> rows = new ArrayList<>();
        for (PlanRegistered p : plans) {
            if ((stlId != null && !stlId.equals(p.stlId())) || (planId != null && !planId.equals(p.planId()))) {
                continue;
            }
            List<CommitmentState> ofPlan = selection.stream().filter(c -> c.planId().equals(p.planId())).toList();
            rows.add(new PlanRow(p, ofPlan.size(), PlanProgress.of(p.planId(), p.stlId(), p.title(), ofPlan, today)));
        }
        model.addAttribute("today", today);
        model.addAttribute("plans", plans);
        model.addAttribute("stls", stls.values());
        model.addAttribute("selectedStl", stlId);
        model.addAttribute("selectedPlan", planId);
        model.addAttribute("rows", rows);
        model.addAttribute("overview", Overview.of(selection, today));
        return "dashboard";
    }

    static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
