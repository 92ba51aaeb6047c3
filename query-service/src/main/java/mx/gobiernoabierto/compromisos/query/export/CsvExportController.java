package mx.gobiernoabierto.compromisos.query.export;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import mx.gobiernoabierto.compromisos.query.commitment.web.CommitmentSearch;
import mx.gobiernoabierto.compromisos.query.commitment.web.CommitmentViews;
import mx.gobiernoabierto.compromisos.query.web.QueryParams;

/** The list as RFC 4180 CSV, UTF-8, for spreadsheets: header row of summary fields, lists joined with {@code ;}. */
@RestController
class CsvExportController {

    private final CommitmentSearch search;
    private final Clock clock;

    CsvExportController(CommitmentSearch search, Clock clock) {
        this.search = search;
        this.clock = clock;
    }

    @GetMapping("/api/v1/export/commitments.csv")
    ResponseEntity<byte[]> export(@RequestParam(required = false) String planId,
                                  @RequestParam(required = false) String stlId,
                                  @RequestParam(required = false) String status,
                                  @RequestParam(required = false) Integer sdgGoal,
                                  @RequestParam(required = false) String ogpValue,
                                  @RequestParam(required = false) String on) {
        CommitmentSearch.Filter filter = CommitmentSearch.Filter.of(planId, stlId, status, sdgGoal, ogpValue);
        LocalDate date = QueryParams.on(on, clock);
        String csv = SummaryCsv.write(search.all(filter).stream()
                .map(state -> CommitmentViews.summary(state, date)).toList());
        return ResponseEntity.ok()
                .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment().filename("commitments.csv").build().toString())
                .body(csv.getBytes(StandardCharsets.UTF_8));
    }
}
