package mx.gobiernoabierto.compromisos.query.workspace;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import mx.gobiernoabierto.compromisos.events.PlanRegistered;
import mx.gobiernoabierto.compromisos.support.security.Caller;
import mx.gobiernoabierto.compromisos.support.security.Role;
import mx.gobiernoabierto.compromisos.query.web.NotFoundException;

/**
 * The two forms that create something new rather than act on a commitment: drafting a commitment in a plan (an
 * editor of the plan's STL) and registering a plan (an administrator). Same handling as the commitment forms:
 * relayed with the person's credentials and the form's {@code Idempotency-Key}, POST-redirect-GET.
 */
@Controller
class NewRecordPages {

    private static final Logger LOG = LoggerFactory.getLogger(NewRecordPages.class);

    private final Workspace workspace;
    private final CommandRelay relay;
    private final CommandCredentials credentials;

    NewRecordPages(Workspace workspace, CommandRelay relay, CommandCredentials credentials) {
        this.workspace = workspace;
        this.relay = relay;
        this.credentials = credentials;
    }

    @GetMapping("/espacio/planes/{planId}/compromiso-nuevo")
    String draftForm(@PathVariable String planId, Model model, HttpServletResponse response) {
        PlanRegistered plan = workspace.plan(planId).orElseThrow(() -> new NotFoundException("plan", planId));
        Caller caller = WorkspacePages.caller().orElseThrow();
        if (!caller.editsStl(plan.stlId())) {
            response.setStatus(HttpStatus.FORBIDDEN.value());
            model.addAttribute("caller", caller);
            return "espacio/rechazado";
        }
        return render(model, caller, "borrador", plan, CommandForm.Fields.DRAFT, Map.of(), Map.of(), null,
                Workspace.newKey());
    }

    @PostMapping("/espacio/planes/{planId}/compromiso-nuevo")
    String draft(@PathVariable String planId, @RequestParam MultiValueMap<String, String> typed, Model model,
                 HttpServletResponse response) {
        PlanRegistered plan = workspace.plan(planId).orElseThrow(() -> new NotFoundException("plan", planId));
        return submit("borrador", plan, CommandForm.Fields.DRAFT, "/api/v1/commitments", typed, model, response);
    }

    @GetMapping("/espacio/planes/nuevo")
    String planForm(Model model, HttpServletResponse response) {
        Caller caller = WorkspacePages.caller().orElseThrow();
        if (!caller.has(Role.ADMIN)) {
            response.setStatus(HttpStatus.FORBIDDEN.value());
            model.addAttribute("caller", caller);
            return "espacio/rechazado";
        }
        return render(model, caller, "plan", null, CommandForm.Fields.PLAN, Map.of(), Map.of(), null,
                Workspace.newKey());
    }

    @PostMapping("/espacio/planes/nuevo")
    String plan(@RequestParam MultiValueMap<String, String> typed, Model model, HttpServletResponse response) {
        return submit("plan", null, CommandForm.Fields.PLAN, "/api/v1/plans", typed, model, response);
    }

    private String submit(String key, PlanRegistered plan, List<CommandForm.Field> fields, String apiPath,
                          MultiValueMap<String, String> typed, Model model, HttpServletResponse response) {
        Caller caller = WorkspacePages.caller().orElseThrow();
        String idempotencyKey = typed.getFirst("clave");
        if (idempotencyKey == null || idempotencyKey.isBlank() || idempotencyKey.length() > 200) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            return render(model, caller, key, plan, fields, typed, Map.of(), "espacio.problema.formulario",
                    Workspace.newKey());
        }
        FormBody.Result body = FormBody.of(fields, typed);
        if (!body.errors().isEmpty()) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            return render(model, caller, key, plan, fields, typed, body.errors(), "espacio.problema.validacion",
                    idempotencyKey);
        }
        if (plan != null) {
            body.body().put("planId", plan.planId());
        }
        String authorization = credentials.authorization(SecurityContextHolder.getContext().getAuthentication())
                .orElse(null);
        CommandRelay.Answer answer;
        try {
            answer = relay.post(apiPath, body.body(), authorization, idempotencyKey, null);
        } catch (CommandRelay.Unreachable e) {
            LOG.warn("Relay of {} for {} failed: {}", key, caller.id(), e.getMessage());
            response.setStatus(HttpStatus.BAD_GATEWAY.value());
            return render(model, caller, key, plan, fields, typed, Map.of(), "espacio.problema.sinConexion",
                    idempotencyKey);
        }
        if (answer.ok()) {
            String commitmentId = answer.text("commitmentId");
            return commitmentId != null
                    ? "redirect:/espacio/compromisos/" + commitmentId + "?version=" + answer.version() + "&hecho=" + key
                    : "redirect:/espacio?hecho=" + key;
        }
        ProblemWords.Said said = ProblemWords.of(key, answer.status(), answer.body(), Workspace.names(fields));
        response.setStatus(answer.status() >= 500 ? HttpStatus.BAD_GATEWAY.value() : answer.status());
        return render(model, caller, key, plan, fields, typed, said.fields(), said.summaryKey(), Workspace.newKey());
    }

    private static String render(Model model, Caller caller, String key, PlanRegistered plan,
                                 List<CommandForm.Field> fields, Map<String, List<String>> values,
                                 Map<String, String> errors, String summaryKey, String idempotencyKey) {
        model.addAttribute("caller", caller);
        model.addAttribute("key", key);
        model.addAttribute("plan", plan);
        model.addAttribute("fields", fields);
        model.addAttribute("values", new LinkedHashMap<>(values));
        model.addAttribute("errors", errors);
        model.addAttribute("summaryKey", summaryKey);
        model.addAttribute("summaryArgs", new Object[0]);
        model.addAttribute("clave", idempotencyKey);
        model.addAttribute("sdgGoals", SdgCatalogue.goals());
        model.addAttribute("action", plan == null ? "/espacio/planes/nuevo"
                : "/espacio/planes/" + plan.planId() + "/compromiso-nuevo");
        return "espacio/nuevo";
    }

}
