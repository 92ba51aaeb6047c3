package mx.gobiernoabierto.compromisos.query.portal;

import java.util.ArrayList;
import java.util.List;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

import mx.gobiernoabierto.compromisos.query.commitment.web.CommitmentViews;
import mx.gobiernoabierto.compromisos.query.transparency.CheckpointFeed;

/**
 * The reference pages: {@code /metodologia} (every formula, the weights, the SDG catalogue, the data dictionary),
 * {@code /datos} (every export and its columns) and {@code /accesibilidad} (the accessibility statement).
 */
@Controller
class ReferencePages {

    private final PortalReads reads;
    private final CheckpointFeed checkpoints;

    ReferencePages(PortalReads reads, CheckpointFeed checkpoints) {
        this.reads = reads;
        this.checkpoints = checkpoints;
    }

    /** A goal of the catalogue: number, official colour and every target. */
    record Goal(int goal, String colour, List<String> targets) {
    }

    @GetMapping("/metodologia")
    String methodology(Model model) {
        List<Goal> goals = new ArrayList<>();
        for (int goal = 1; goal <= Sdg.GOALS; goal++) {
            goals.add(new Goal(goal, Sdg.colour(goal), Sdg.targets(goal)));
        }
        model.addAttribute("goals", goals);
        model.addAttribute("fields", CommitmentViews.SUMMARY_FIELDS);
        return "methodology";
    }

    @GetMapping("/datos")
    String data(Model model) {
        model.addAttribute("fields", CommitmentViews.SUMMARY_FIELDS);
        model.addAttribute("plans", reads.plans());
        model.addAttribute("checkpoint", checkpoints.page(0, 1).stream().findFirst().orElse(null));
        return "data";
    }

    @GetMapping("/accesibilidad")
    String accessibility() {
        return "accessibility";
    }
}
