package mx.gobiernoabierto.compromisos.query.workspace;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import mx.gobiernoabierto.compromisos.events.PlanRegistered;
import mx.gobiernoabierto.compromisos.query.commitment.projection.CommitmentState;
import mx.gobiernoabierto.compromisos.support.security.Caller;
import mx.gobiernoabierto.compromisos.support.security.Callers;
import mx.gobiernoabierto.compromisos.support.security.Role;
import mx.gobiernoabierto.compromisos.query.web.NotFoundException;

/**
 * The workspace's pages. Every form is handled on the server (it works without JavaScript) and follows
 * POST-redirect-GET: the command goes to the command service over its public API with the person's credentials, the
 * form's {@code Idempotency-Key} and {@code If-Match}; on success the browser is sent to the commitment's workspace
 * page, which waits until the view has reached the version the command service answered before it shows it.
 */
@Controller
class WorkspacePages {

    private static final Logger LOG = LoggerFactory.getLogger(WorkspacePages.class);

    private final Workspace workspace;
    private final CommandRelay relay;
    private final CommandCredentials credentials;

    WorkspacePages(Workspace workspace, CommandRelay relay, CommandCredentials credentials) {
        this.workspace = workspace;
        this.relay = relay;
        this.credentials = credentials;
    }

    @RequestMapping(WorkspaceSecurity.REFUSED)
    String refused(Model model, HttpServletResponse response) {
        response.setStatus(HttpStatus.FORBIDDEN.value());
        model.addAttribute("caller", caller().orElse(null));
        return "espacio/rechazado";
    }

    @GetMapping("/espacio")
    String home(@RequestParam(required = false) String hecho, Model model) {
        model.addAttribute("done", hecho != null && hecho.matches("[a-z-]{1,30}") ? hecho : null);
        Caller caller = caller().orElseThrow();
        List<CommitmentState> commitments = workspace.commitmentsOf(caller);
        model.addAttribute("caller", caller);
        model.addAttribute("editor", caller.has(Role.STL_EDITOR));
        model.addAttribute("admin", caller.has(Role.ADMIN));
        model.addAttribute("evaluator", caller.has(Role.EVALUATOR));
        model.addAttribute("today", workspace.today());
        model.addAttribute("pending", caller.has(Role.STL_EDITOR)
                ? Pending.of(commitments.stream().filter(c -> caller.editsStl(c.stlId())).toList(), workspace.today())
                : List.of());
        model.addAttribute("commitments", commitments);
        model.addAttribute("plans", workspace.plansOf(caller));
        model.addAttribute("soonDays", Pending.SOON_DAYS);
        return "espacio/inicio";
    }

    @GetMapping("/espacio/compromisos/{commitmentId}")
    String commitment(@PathVariable String commitmentId, @RequestParam(required = false) Long version,
                      @RequestParam(required = false) String hecho, Model model) {
        boolean caughtUp = version == null || workspace.awaitVersion(commitmentId, version);
        CommitmentState state = workspace.commitment(commitmentId).orElse(null);
        if (state == null) {
            return notFound(model);
        }
        Caller caller = caller().orElseThrow();
        model.addAttribute("caller", caller);
        model.addAttribute("state", state);
        model.addAttribute("forms", Workspace.offeredForms(caller, state));
        model.addAttribute("mayWrite", !Workspace.permittedForms(caller, state).isEmpty());
        // Why nothing may be written: an editor is of another STL; any other role (an administrator) has no form here.
        model.addAttribute("otherStl", caller.has(Role.STL_EDITOR));
        model.addAttribute("done", hecho != null && hecho.matches("[a-z-]{1,30}") ? hecho : null);
        model.addAttribute("behind", !caughtUp);
        model.addAttribute("today", workspace.today());
        return "espacio/compromiso";
    }

    @GetMapping("/espacio/compromisos/{commitmentId}/{formKey}")
    String form(@PathVariable String commitmentId, @PathVariable String formKey,
                @RequestParam(name = "objetivo", required = false) String target, Model model,
                HttpServletResponse response) {
        Optional<CommandForm> form = CommandForm.byKey(formKey);
        CommitmentState state = workspace.commitment(commitmentId).orElse(null);
        if (form.isEmpty() || state == null) {
            return notFound(model);
        }
        Caller caller = caller().orElseThrow();
        if (!Workspace.offered(form.get(), caller, state)) {
            response.setStatus(HttpStatus.FORBIDDEN.value());
            model.addAttribute("caller", caller);
            model.addAttribute("state", state);
            return "espacio/rechazado";
        }
        if (!targetExists(form.get(), state, target)) {
            return notFound(model);
        }
        Optional<String> unavailable = Workspace.unavailable(form.get(), state, target);
        if (unavailable.isPresent()) {
            // not a form the commitment's stage allows: say why instead of a form bound to be refused
            response.setStatus(HttpStatus.CONFLICT.value());
            model.addAttribute("caller", caller);
            model.addAttribute("form", form.get());
            model.addAttribute("state", state);
            model.addAttribute("reason", unavailable.get());
            return "espacio/no-disponible";
        }
        FormPage page = new FormPage(form.get(), state, target, Workspace.initialValues(form.get(), state,
                workspace.today()), Map.of(), null, List.of(), Workspace.newKey(), state.version(), false);
        return page.render(model, caller, workspace.today());
    }

    @PostMapping("/espacio/compromisos/{commitmentId}/{formKey}")
    String submit(@PathVariable String commitmentId, @PathVariable String formKey,
                  @RequestParam MultiValueMap<String, String> typed, Model model, HttpServletRequest request,
                  HttpServletResponse response, RedirectAttributes redirect) {
        Optional<CommandForm> found = CommandForm.byKey(formKey);
        CommitmentState state = workspace.commitment(commitmentId).orElse(null);
        if (found.isEmpty() || state == null) {
            return notFound(model);
        }
        CommandForm form = found.get();
        Caller caller = caller().orElseThrow();
        String target = typed.getFirst("objetivo");
        String key = typed.getFirst("clave");
        Long version = parseVersion(typed.getFirst("version"));
        if (key == null || key.isBlank() || key.length() > 200 || version == null
                || !targetExists(form, state, target)) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            return new FormPage(form, state, target, typed, Map.of(), "espacio.problema.formulario", List.of(),
                    Workspace.newKey(), state.version(), false).render(model, caller, workspace.today());
        }
        if ("corregir".equals(typed.getFirst("paso"))) {
            return new FormPage(form, state, target, typed, Map.of(), null, List.of(), key, version, false)
                    .render(model, caller, workspace.today());
        }
        FormBody.Result body = FormBody.of(form.fields(), typed);
        if (!body.errors().isEmpty()) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            return new FormPage(form, state, target, typed, body.errors(), "espacio.problema.validacion", List.of(),
                    key, version, false).render(model, caller, workspace.today());
        }
        if (form.irreversible() && !"confirmar".equals(typed.getFirst("paso"))) {
            return new FormPage(form, state, target, typed, Map.of(), null, List.of(), key, version, true)
                    .render(model, caller, workspace.today());
        }
        String indicator = form.target() == CommandForm.Target.MEASUREMENT ? indicatorOf(state, target) : null;
        String path = form.apiPath(commitmentId, target, indicator);
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        String authorization = credentials.authorization(authentication).orElse(null);
        CommandRelay.Answer answer;
        try {
            answer = form.isPut() ? relay.put(path, body.body(), authorization, key, version)
                    : relay.post(path, body.body(), authorization, key, version);
        } catch (CommandRelay.Unreachable e) {
            LOG.warn("Relay of {} for {} failed: {}", form.key(), caller.id(), e.getMessage());
            // Whether it was written is unknown: the same key makes a retry write at most once.
            response.setStatus(HttpStatus.BAD_GATEWAY.value());
            return new FormPage(form, state, target, typed, Map.of(), "espacio.problema.sinConexion", List.of(),
                    key, version, false).render(model, caller, workspace.today());
        }
        if (answer.ok()) {
            redirect.addAttribute("version", answer.version());
            redirect.addAttribute("hecho", form.key());
            return "redirect:/espacio/compromisos/" + commitmentId;
        }
        ProblemWords.Said said = ProblemWords.of(form.key(), answer.status(), answer.body(),
                Workspace.names(form.fields()));
        response.setStatus(answer.status() >= 500 ? HttpStatus.BAD_GATEWAY.value() : answer.status());
        if ("version-conflict".equals(answer.problemType())) {
            // Someone else wrote: show the commitment as it now is; the person decides and sends again on purpose.
            long current = answer.body().path("currentVersion").asLong(state.version());
            workspace.awaitVersion(commitmentId, current);
            CommitmentState now = workspace.commitment(commitmentId).orElse(state);
            return new FormPage(form, now, target, typed, said.fields(), said.summaryKey(), said.summaryArgs(),
                    Workspace.newKey(), now.version(), false).conflict(true).render(model, caller, workspace.today());
        }
        return new FormPage(form, state, target, typed, said.fields(), said.summaryKey(), said.summaryArgs(),
                Workspace.newKey(), version, false).render(model, caller, workspace.today());
    }

    private static Long parseVersion(String text) {
        try {
            return text == null ? null : Long.parseLong(text);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static boolean targetExists(CommandForm form, CommitmentState state, String target) {
        return switch (form.target()) {
            case NONE -> true;
            case MILESTONE -> state.milestones().stream().anyMatch(m -> m.milestoneId().equals(target));
            case INDICATOR -> state.indicators().stream().anyMatch(i -> i.indicatorId().equals(target));
            case MEASUREMENT -> indicatorOf(state, target) != null;
        };
    }

    private static String indicatorOf(CommitmentState state, String measurementId) {
        return state.indicators().stream()
                .filter(i -> i.measurements().stream().anyMatch(m -> m.measurementId().equals(measurementId)))
                .map(CommitmentState.Indicator::indicatorId).findFirst().orElse(null);
    }

    private static String notFound(Model model) {
        throw new NotFoundException("workspace page", "");
    }

    static Optional<Caller> caller() {
        return Callers.current();
    }

    /** Everything a form page shows. */
    static final class FormPage {

        private final CommandForm form;
        private final CommitmentState state;
        private final String target;
        private final Map<String, List<String>> values;
        private final Map<String, String> errors;
        private final String summaryKey;
        private final List<Object> summaryArgs;
        private final String key;
        private final long version;
        private final boolean confirming;
        private boolean conflict;

        FormPage(CommandForm form, CommitmentState state, String target, Map<String, List<String>> values,
                 Map<String, String> errors, String summaryKey, List<Object> summaryArgs, String key, long version,
                 boolean confirming) {
            this.form = form;
            this.state = state;
            this.target = target;
            this.values = new LinkedHashMap<>(values);
            this.errors = errors;
            this.summaryKey = summaryKey;
            this.summaryArgs = summaryArgs;
            this.key = key;
            this.version = version;
            this.confirming = confirming;
        }

        FormPage conflict(boolean conflict) {
            this.conflict = conflict;
            return this;
        }

        String render(Model model, Caller caller, java.time.LocalDate today) {
            model.addAttribute("caller", caller);
            model.addAttribute("form", form);
            model.addAttribute("state", state);
            model.addAttribute("target", target);
            model.addAttribute("milestone", state.milestones().stream()
                    .filter(m -> m.milestoneId().equals(target)).findFirst().orElse(null));
            model.addAttribute("indicator", state.indicators().stream()
                    .filter(i -> i.indicatorId().equals(target)
                            || i.measurements().stream().anyMatch(m -> m.measurementId().equals(target)))
                    .findFirst().orElse(null));
            model.addAttribute("measurement", state.indicators().stream()
                    .flatMap(i -> i.measurements().stream()).filter(m -> m.measurementId().equals(target))
                    .findFirst().orElse(null));
            model.addAttribute("values", values);
            model.addAttribute("errors", errors);
            model.addAttribute("summaryKey", summaryKey);
            model.addAttribute("summaryArgs", summaryArgs.stream()
                    .map(arg -> arg instanceof String text && text.startsWith("espacio.") ? new org.springframework
                            .context.support.DefaultMessageSourceResolvable(text) : arg).toArray());
            model.addAttribute("clave", key);
            model.addAttribute("version", version);
            model.addAttribute("confirming", confirming);
            model.addAttribute("conflict", conflict);
            model.addAttribute("today", today);
            model.addAttribute("sdgGoals", SdgCatalogue.goals());
            model.addAttribute("action", "/espacio/compromisos/" + state.commitmentId() + "/" + form.key());
            return confirming ? "espacio/confirmar" : "espacio/formulario";
        }
    }
}
