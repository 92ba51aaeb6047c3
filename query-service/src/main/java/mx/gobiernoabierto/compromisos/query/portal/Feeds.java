package mx.gobiernoabierto.compromisos.query.portal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.context.MessageSource;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

import mx.gobiernoabierto.compromisos.events.PlanRegistered;
import mx.gobiernoabierto.compromisos.events.wire.EventEnvelope;
import mx.gobiernoabierto.compromisos.query.audit.EventArchive;
import mx.gobiernoabierto.compromisos.query.commitment.projection.CommitmentState;

/**
 * Atom feeds (RFC 4287) of what happened: one entry per event, told in Spanish, newest first; per commitment
 * ({@code /compromisos/{id}/feed.atom}) and per plan ({@code /planes/{planId}/feed.atom}, the plan's own events and
 * every event of its commitments). Entry ids are the events' ids, so a reader never sees an event twice.
 */
@Controller
class Feeds {

    private final PortalReads reads;
    private final EventArchive archive;
    private final EventStory story;
    private final MessageSource messages;

    Feeds(PortalReads reads, EventArchive archive, EventStory story, MessageSource messages) {
        this.reads = reads;
        this.archive = archive;
        this.story = story;
        this.messages = messages;
    }

    /** An entry: the told event and the page it links to. */
    private record Entry(EventStory.Told told, String link) {
    }

    @GetMapping("/compromisos/{commitmentId}/feed.atom")
    ResponseEntity<String> commitment(@PathVariable String commitmentId, HttpServletRequest request) {
        if (!PortalReads.isId(commitmentId)) {
            throw new PageNotFound("commitment " + commitmentId);
        }
        List<EventEnvelope> events = archive.stream(commitmentId);
        if (events.isEmpty() || !"Commitment".equals(events.getFirst().aggregateType())) {
            throw new PageNotFound("commitment " + commitmentId);
        }
        String base = base(request);
        String page = base + "/compromisos/" + commitmentId;
        CommitmentState state = reads.commitment(commitmentId).orElse(null);
        String title = say("feed.compromiso", state == null ? commitmentId : state.code() + " · " + state.title());
        List<Entry> entries = new ArrayList<>();
        for (EventStory.Told told : story.tell(events)) {
            entries.add(new Entry(told, page + "/historial#evento-" + told.envelope().sequence()));
        }
        return atom("urn:uuid:" + commitmentId, title, page, base + "/compromisos/" + commitmentId + "/feed.atom",
                entries);
    }

    @GetMapping("/planes/{planId}/feed.atom")
    ResponseEntity<String> plan(@PathVariable String planId, HttpServletRequest request) {
        PlanRegistered plan = reads.plan(planId).orElseThrow(() -> new PageNotFound("plan " + planId));
        String base = base(request);
        List<Entry> entries = new ArrayList<>();
        for (EventStory.Told told : story.tell(archive.stream(planId))) {
            entries.add(new Entry(told, base + "/planes/" + planId));
        }
        for (CommitmentState commitment : reads.commitments(planId, null)) {
            String page = base + "/compromisos/" + commitment.commitmentId() + "/historial#evento-";
            for (EventStory.Told told : story.tell(archive.stream(commitment.commitmentId()))) {
                entries.add(new Entry(told, page + told.envelope().sequence()));
            }
        }
        return atom("urn:uuid:" + planId, say("feed.plan", plan.title(), plan.stlName()), base + "/planes/" + planId,
                base + "/planes/" + planId + "/feed.atom", entries);
    }

    private ResponseEntity<String> atom(String id, String title, String alternate, String self, List<Entry> entries) {
        List<Entry> newestFirst = new ArrayList<>(entries);
        newestFirst.sort(Comparator.comparing((Entry e) -> e.told().occurredAt()).reversed()
                .thenComparing(e -> e.told().envelope().sequence(), Comparator.reverseOrder()));
        String updated = newestFirst.isEmpty() ? AtomFeed.NEVER : newestFirst.getFirst().told().envelope().occurredAt();
        return AtomFeed.answer(new AtomFeed.Head(id, title, say("feed.subtitulo"), updated, self, alternate,
                say("sitio.nombre")), feed -> {
                    for (Entry entry : newestFirst) {
                        EventEnvelope event = entry.told().envelope();
                        feed.entry("urn:uuid:" + event.eventId(), entry.told().sentence(), event.occurredAt(), rest -> {
                            rest.author(event.actor());
                            rest.link("alternate", entry.link(), "text/html");
                            rest.category(event.type());
                            rest.text("content", say("feed.contenido", entry.told().sentence(), event.sequence(),
                                    event.hash()));
                        });
                    }
                });
    }

    /** Absolute links, as feed readers need them: the address this request came to. */
    static String base(HttpServletRequest request) {
        return ServletUriComponentsBuilder.fromContextPath(request).build().toUriString();
    }

    private String say(String key, Object... args) {
        return messages.getMessage(key, args, Formats.ES_MX);
    }
}
