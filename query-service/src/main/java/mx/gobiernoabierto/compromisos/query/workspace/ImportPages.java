package mx.gobiernoabierto.compromisos.query.workspace;

import java.io.IOException;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import tools.jackson.databind.json.JsonMapper;

import mx.gobiernoabierto.compromisos.query.commitment.projection.CommitmentState;
import mx.gobiernoabierto.compromisos.support.security.Caller;
import mx.gobiernoabierto.compromisos.query.web.NotFoundException;

/**
 * Bulk update from a spreadsheet: a template to download, an upload that is only read and previewed (each row's
 * action or errors, and the version of each commitment it touches; nothing is written), and a confirmation that sends
 * every valid row through the same command as its form, each with an {@code Idempotency-Key} made from the file's hash
 * and the row's line, so that confirming twice, or the same file again, writes each row once, and with
 * {@code If-Match}: the version the preview showed, then for the next row of the same commitment the version the
 * previous write answered, so that a change someone else made after the preview refuses that commitment's rows. A
 * file that cannot be read whole writes nothing.
 */
@Controller
class ImportPages {

    private static final Logger LOG = LoggerFactory.getLogger(ImportPages.class);
    private static final String PREVIEW = "espacio.importacion";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Workspace workspace;
    private final CommandRelay relay;
    private final CommandCredentials credentials;

    ImportPages(Workspace workspace, CommandRelay relay, CommandCredentials credentials) {
        this.workspace = workspace;
        this.relay = relay;
        this.credentials = credentials;
    }

    /**
     * A preview kept in the session until it is confirmed; {@code versions}: each commitment its valid rows touch, with
     * the version it had when the preview was shown.
     */
    record Preview(String token, String kind, String fileHash, List<BulkImport.Planned> rows, Map<String, Long> versions)
            implements Serializable {
    }

    /** What happened to one row when it was sent. */
    public record Outcome(BulkImport.Planned row, boolean written, String reasonKey, List<Object> reasonArgs) {
    }

    @GetMapping("/espacio/importar")
    String page(Model model) {
        model.addAttribute("caller", WorkspacePages.caller().orElseThrow());
        model.addAttribute("kinds", BulkImport.Kind.values());
        return "espacio/importar";
    }

    @GetMapping("/espacio/importar/plantilla-{kind}.csv")
    ResponseEntity<byte[]> template(@PathVariable String kind) {
        BulkImport.Kind found = BulkImport.Kind.byKey(kind).orElseThrow(() -> new NotFoundException("template", kind));
        String csv = BulkImport.template(found, editable(WorkspacePages.caller().orElseThrow()));
        return ResponseEntity.ok()
                .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"plantilla-" + found.key() + ".csv\"")
                .body(csv.getBytes(StandardCharsets.UTF_8));
    }

    @PostMapping("/espacio/importar")
    String preview(@RequestParam(name = "tipo", required = false) String kind,
                   @RequestParam(name = "archivo", required = false) MultipartFile file, Model model,
                   HttpSession session, HttpServletResponse response) throws IOException {
        Caller caller = WorkspacePages.caller().orElseThrow();
        model.addAttribute("caller", caller);
        model.addAttribute("kinds", BulkImport.Kind.values());
        BulkImport.Kind found = BulkImport.Kind.byKey(kind == null ? "" : kind).orElse(null);
        if (found == null || file == null || file.isEmpty()) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            model.addAttribute("unreadable", "espacio.csv.sinArchivo");
            model.addAttribute("unreadableLine", 0);
            return "espacio/importar";
        }
        byte[] bytes = file.getBytes();
        SpreadsheetCsv.Sheet sheet;
        try {
            sheet = SpreadsheetCsv.parse(bytes, found.required);
        } catch (SpreadsheetCsv.Unreadable e) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            model.addAttribute("unreadable", e.reason());
            model.addAttribute("unreadableLine", e.line());
            return "espacio/importar";
        }
        List<CommitmentState> editable = editable(caller);
        List<BulkImport.Planned> rows = BulkImport.plan(found, sheet, editable);
        Map<String, Long> versions = new LinkedHashMap<>();
        rows.stream().filter(BulkImport.Planned::valid).map(BulkImport.Planned::commitmentId).distinct()
                .forEach(id -> editable.stream().filter(c -> c.commitmentId().equals(id)).findFirst()
                        .ifPresent(c -> versions.put(id, c.version())));
        Preview preview = new Preview(Workspace.newKey(), found.key(), sha256(bytes), rows, versions);
        session.setAttribute(PREVIEW, preview);
        model.addAttribute("preview", preview);
        model.addAttribute("validRows", rows.stream().filter(BulkImport.Planned::valid).count());
        model.addAttribute("fileName", file.getOriginalFilename());
        return "espacio/importar-vista";
    }

    @PostMapping("/espacio/importar/confirmar")
    String confirm(@RequestParam(name = "token", required = false) String token, Model model, HttpSession session,
                   HttpServletResponse response) {
        Caller caller = WorkspacePages.caller().orElseThrow();
        model.addAttribute("caller", caller);
        model.addAttribute("kinds", BulkImport.Kind.values());
        if (!(session.getAttribute(PREVIEW) instanceof Preview preview) || !preview.token().equals(token)) {
            response.setStatus(HttpStatus.CONFLICT.value());
            model.addAttribute("unreadable", "espacio.csv.vistaCaducada");
            model.addAttribute("unreadableLine", 0);
            return "espacio/importar";
        }
        session.removeAttribute(PREVIEW);
        String authorization = credentials.authorization(SecurityContextHolder.getContext().getAuthentication())
                .orElse(null);
        String formKey = preview.kind().equals("avance") ? "avance" : "medicion";
        List<Outcome> outcomes = new ArrayList<>();
        // the version each commitment should be at for its next row: the preview's, then each write's answer
        Map<String, Long> expected = new HashMap<>(preview.versions());
        for (BulkImport.Planned row : preview.rows()) {
            if (!row.valid()) {
                continue;
            }
            String key = "csv-" + preview.fileHash().substring(0, 32) + "-" + row.line();
            try {
                CommandRelay.Answer answer = relay.post(row.apiPath(), JSON.readTree(row.body()), authorization, key,
                        expected.get(row.commitmentId()));
                if (answer.ok()) {
                    expected.put(row.commitmentId(), answer.version());
                    outcomes.add(new Outcome(row, true, null, List.of()));
                } else if ("version-conflict".equals(answer.problemType())) {
                    outcomes.add(new Outcome(row, false, "espacio.csv.error.conflicto", List.of()));
                } else {
                    ProblemWords.Said said = ProblemWords.of(formKey, answer.status(), answer.body(), java.util.Set.of());
                    String reason = answer.body().path("errors").isEmpty() ? said.summaryKey()
                            : ProblemWords.of(formKey, answer.status(), answer.body(),
                            java.util.Set.of(ProblemWords.topField(answer.body().path("errors").get(0).path("field")
                                    .asString("")))).fields().values().stream().findFirst().orElse(said.summaryKey());
                    outcomes.add(new Outcome(row, false, reason, said.summaryArgs().stream()
                            .map(arg -> (Object) new org.springframework.context.support.DefaultMessageSourceResolvable(
                                    String.valueOf(arg))).toList()));
                }
            } catch (CommandRelay.Unreachable e) {
                LOG.warn("Relay of CSV row {} for {} failed: {}", row.line(), caller.id(), e.getMessage());
                outcomes.add(new Outcome(row, false, "espacio.problema.sinConexion", List.of()));
            }
        }
        model.addAttribute("outcomes", outcomes);
        model.addAttribute("written", outcomes.stream().filter(Outcome::written).count());
        model.addAttribute("skipped", preview.rows().stream().filter(r -> !r.valid()).count());
        return "espacio/importar-resultado";
    }

    private List<CommitmentState> editable(Caller caller) {
        return workspace.commitmentsOf(caller).stream().filter(c -> caller.editsStl(c.stlId())).toList();
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
