package mx.gobiernoabierto.compromisos.query.portal;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

import mx.gobiernoabierto.compromisos.events.CommitmentEvent;
import mx.gobiernoabierto.compromisos.events.wire.EventEnvelope;
import mx.gobiernoabierto.compromisos.query.audit.EventArchive;
import mx.gobiernoabierto.compromisos.query.commitment.projection.CommitmentFold;
import mx.gobiernoabierto.compromisos.query.commitment.projection.CommitmentState;
import mx.gobiernoabierto.compromisos.query.commitment.projection.FoldInput;
import mx.gobiernoabierto.compromisos.query.commitment.web.CommitmentViews;
import mx.gobiernoabierto.compromisos.query.transparency.CheckpointFeed;

/**
 * {@code /compromisos/{id}}: one commitment in words, now or ({@code ?al=}) as it stood on a past date or instant,
 * folded from the archived events by the same fold as the live view; and {@code /compromisos/{id}/historial}, its
 * events one by one for auditors.
 */
@Controller
class CommitmentPage {

    private static final Pattern DATE = Pattern.compile("[0-9]{4}-[0-9]{2}-[0-9]{2}");
    private static final Pattern TIME = Pattern.compile("([01][0-9]|2[0-3]):[0-5][0-9]");
    private static final Pattern INSTANT =
            Pattern.compile("[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}(:[0-9]{2}(\\.[0-9]{1,9})?)?Z");

    private final PortalReads reads;
    private final EventArchive archive;
    private final EventStory story;
    private final Formats formats;
    private final Clock clock;
    private final CheckpointFeed checkpoints;

    CommitmentPage(PortalReads reads, EventArchive archive, EventStory story, Formats formats, Clock clock,
                   CheckpointFeed checkpoints) {
        this.checkpoints = checkpoints;
        this.reads = reads;
        this.archive = archive;
        this.story = story;
        this.formats = formats;
        this.clock = clock;
    }

    /** A milestone's share of the implementation progress: weight × progress, beside its weight. */
    record WeightTerm(CommitmentViews.Milestone milestone, BigDecimal product) {
    }

    /** A target code with its goal, for the goal's name and colour. */
    record Target(String code, int goal, String colour) {
    }

    /** The moment a past view shows: the instant its events were cut at and the date its figures are for. */
    record Moment(Instant instant, LocalDate on, String asWritten, boolean plainDate) {
    }

    @GetMapping("/compromisos/{commitmentId}")
    String commitment(@PathVariable String commitmentId, @RequestParam(name = "al", required = false) String al,
                      @RequestParam(name = "hora", required = false) String hora, Model model,
                      HttpServletResponse response) {
        if (!PortalReads.isId(commitmentId)) {
            throw new PageNotFound("commitment " + commitmentId);
        }
        Moment moment = moment(al, hora);
        CommitmentState state;
        List<EventEnvelope> events;
        LocalDate on;
        if (moment == null) {
            state = reads.commitment(commitmentId).orElseThrow(() -> new PageNotFound("commitment " + commitmentId));
            events = archive.stream(commitmentId);
            on = LocalDate.now(clock);
        } else {
            events = archive.streamUntil(commitmentId, moment.instant());
            if (events.isEmpty() || !(events.getFirst().event() instanceof CommitmentEvent)) {
                if (reads.commitment(commitmentId).isEmpty()) {
                    throw new PageNotFound("commitment " + commitmentId);
                }
                model.addAttribute("moment", moment);
                model.addAttribute("commitmentId", commitmentId);
                response.setStatus(404);
                return "commitment-not-yet";
            }
            state = CommitmentFold.foldAll(events.stream().map(FoldInput::from).toList());
            on = moment.on();
        }
        CommitmentViews.Detail detail = CommitmentViews.detail(state, on);

        BigDecimal weights = BigDecimal.ZERO;
        BigDecimal weighted = BigDecimal.ZERO;
        List<WeightTerm> terms = new ArrayList<>();
        for (CommitmentViews.Milestone m : detail.milestones()) {
            BigDecimal product = m.weight().multiply(BigDecimal.valueOf(m.progress()));
            terms.add(new WeightTerm(m, product));
            weights = weights.add(m.weight());
            weighted = weighted.add(product);
        }
        Map<String, IndicatorChart> charts = new LinkedHashMap<>();
        detail.indicators().forEach(i -> charts.put(i.indicatorId(), IndicatorChart.of(i)));
        List<Target> targets = detail.summary().sdgTargets().stream()
                .map(code -> new Target(code, Sdg.goalOf(code),
                        Sdg.goalOf(code) == 0 ? "#767676" : Sdg.colour(Sdg.goalOf(code))))
                .toList();

        model.addAttribute("c", detail);
        model.addAttribute("s", detail.summary());
        model.addAttribute("plan", reads.plan(state.planId()).orElse(null));
        model.addAttribute("moment", moment);
        model.addAttribute("hora", hora != null && moment != null && !moment.plainDate() ? hora.strip() : "");
        model.addAttribute("on", on);
        model.addAttribute("today", LocalDate.now(clock));
        model.addAttribute("terms", terms);
        model.addAttribute("sumWeights", weights);
        model.addAttribute("sumWeighted", weighted);
        model.addAttribute("charts", charts);
        model.addAttribute("targets", targets);
        model.addAttribute("record", CommitmentRecord.of(events, formats.zone()));
        return "commitment";
    }

    @GetMapping("/compromisos/{commitmentId}/historial")
    String history(@PathVariable String commitmentId, Model model) {
        if (!PortalReads.isId(commitmentId)) {
            throw new PageNotFound("commitment " + commitmentId);
        }
        List<EventEnvelope> events = archive.stream(commitmentId);
        if (events.isEmpty() || !"Commitment".equals(events.getFirst().aggregateType())) {
            throw new PageNotFound("commitment " + commitmentId);
        }
        model.addAttribute("commitmentId", commitmentId);
        model.addAttribute("state", reads.commitment(commitmentId).orElse(null));
        model.addAttribute("events", story.tell(events));
        // the signed checkpoint that holds the head event, for the reader's browser to check its inclusion
        CheckpointFeed.Kept checkpoint =
                checkpoints.newestCovering(Instant.parse(events.getLast().occurredAt())).orElse(null);
        model.addAttribute("checkpoint", checkpoint);
        model.addAttribute("checkpointRootHex", checkpoint == null ? null
                : HexFormat.of().formatHex(Base64.getDecoder().decode(checkpoint.rootHash())));
        model.addAttribute("headHash", events.getLast().hash());
        return "history";
    }

    /**
     * {@code al=}: a plain date is the end of that day in the portal's time zone (what was known by then), or the end
     * of the minute {@code hora=HH:MM} of that day; an instant is taken as written; none may lie after today.
     * {@code null} without {@code al=}.
     */
    private Moment moment(String al, String hora) {
        if (al == null || al.isBlank()) {
            return null;
        }
        String text = al.strip();
        LocalDate today = LocalDate.now(clock);
        try {
            if (DATE.matcher(text).matches()) {
                LocalDate date = LocalDate.parse(text);
                if (date.isAfter(today)) {
                    throw new PageBadRequest("al", "parametro.al");
                }
                if (hora != null && !hora.isBlank()) {
                    if (!TIME.matcher(hora.strip()).matches()) {
                        throw new PageBadRequest("hora", "parametro.hora");
                    }
                    Instant endOfMinute = date.atTime(LocalTime.parse(hora.strip())).atZone(formats.zone())
                            .plusMinutes(1).toInstant().minusNanos(1_000);
                    return new Moment(endOfMinute, date, text, false);
                }
                Instant endOfDay = date.plusDays(1).atStartOfDay(formats.zone()).toInstant().minusNanos(1_000);
                return new Moment(endOfDay, date, text, true);
            }
            if (INSTANT.matcher(text).matches()) {
                Instant instant = Instant.parse(text);
                LocalDate date = formats.day(instant);
                if (date.isAfter(today)) {
                    throw new PageBadRequest("al", "parametro.al");
                }
                return new Moment(instant, date, text, false);
            }
        } catch (DateTimeParseException e) {
            throw new PageBadRequest("al", "parametro.al");
        }
        throw new PageBadRequest("al", "parametro.al");
    }
}
