package mx.gobiernoabierto.compromisos.query.replay;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The operator's replay: {@code POST /api/v1/admin/replay} rebuilds and compares;
 * {@code ?switchOver=true} also puts the rebuilt views in place. Answers when done, with the report.
 */
@RestController
class ReplayController {

    private final Replay replay;

    ReplayController(Replay replay) {
        this.replay = replay;
    }

    @PostMapping("/api/v1/admin/replay")
    Replay.Report replay(@RequestParam(defaultValue = "false") boolean switchOver) {
        return replay.run(switchOver);
    }

    @ExceptionHandler(Replay.ReplayRunningException.class)
    ResponseEntity<ProblemDetail> alreadyRunning(Replay.ReplayRunningException failure) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, failure.getMessage());
        problem.setType(java.net.URI.create("/problems/replay-running"));
        problem.setTitle("Conflict");
        return ResponseEntity.status(HttpStatus.CONFLICT).body(problem);
    }
}
