package mx.gobiernoabierto.compromisos.command.plan.web;

import java.net.URI;
import java.time.LocalDate;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import mx.gobiernoabierto.compromisos.command.plan.domain.RegisterPlan;
import mx.gobiernoabierto.compromisos.command.web.CommandSender;
import mx.gobiernoabierto.compromisos.command.web.Ids;
import mx.gobiernoabierto.compromisos.command.web.Versions;

/** Registers Local Action Plans. */
@RestController
class PlanController {

    private final CommandSender commands;

    PlanController(CommandSender commands) {
        this.commands = commands;
    }

    @PostMapping("/api/v1/plans")
    ResponseEntity<PlanResponse> register(@Valid @RequestBody RegisterPlanRequest request) {
        String planId = Ids.newId();
        commands.send(new RegisterPlan(planId, request.stlId(), request.stlName(), request.jurisdiction(),
                request.title(), request.periodStart(), request.periodEnd()));
        return Versions.created(URI.create("/api/v1/plans/" + planId), 0, new PlanResponse(planId, 0));
    }

    record RegisterPlanRequest(@NotBlank @Size(max = 100) String stlId,
                               @NotBlank @Size(max = 300) String stlName,
                               @NotBlank @Size(max = 300) String jurisdiction,
                               @NotBlank @Size(max = 300) String title,
                               @NotNull LocalDate periodStart,
                               @NotNull LocalDate periodEnd) {
    }

    record PlanResponse(String planId, long version) {
    }
}
