package mx.gobiernoabierto.compromisos.query.portal;

import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.context.MessageSource;
import org.springframework.http.MediaType;
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

    private static final String ATOM = "http://www.w3.org/2005/Atom";
    private static final MediaType ATOM_XML = new MediaType("application", "atom+xml", StandardCharsets.UTF_8);

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
        StringWriter text = new StringWriter();
        try {
            XMLStreamWriter xml = XMLOutputFactory.newInstance().createXMLStreamWriter(text);
            xml.writeStartDocument("UTF-8", "1.0");
            xml.writeStartElement("feed");
            xml.writeDefaultNamespace(ATOM);
            xml.writeAttribute("xml:lang", "es-MX");
            element(xml, "id", id);
            element(xml, "title", title);
            element(xml, "subtitle", say("feed.subtitulo"));
            element(xml, "updated", newestFirst.isEmpty() ? "1970-01-01T00:00:00.000Z"
                    : newestFirst.getFirst().told().envelope().occurredAt());
            link(xml, "self", self, "application/atom+xml");
            link(xml, "alternate", alternate, "text/html");
            xml.writeStartElement("author");
            element(xml, "name", say("sitio.nombre"));
            xml.writeEndElement();
            element(xml, "generator", say("sitio.nombre"));
            for (Entry entry : newestFirst) {
                EventEnvelope event = entry.told().envelope();
                xml.writeStartElement("entry");
                element(xml, "id", "urn:uuid:" + event.eventId());
                element(xml, "title", entry.told().sentence());
                element(xml, "updated", event.occurredAt());
                element(xml, "published", event.occurredAt());
                xml.writeStartElement("author");
                element(xml, "name", event.actor());
                xml.writeEndElement();
                link(xml, "alternate", entry.link(), "text/html");
                xml.writeStartElement("category");
                xml.writeAttribute("term", event.type());
                xml.writeEndElement();
                xml.writeStartElement("content");
                xml.writeAttribute("type", "text");
                xml.writeCharacters(say("feed.contenido", entry.told().sentence(), event.sequence(), event.hash()));
                xml.writeEndElement();
                xml.writeEndElement();
            }
            xml.writeEndElement();
            xml.writeEndDocument();
            xml.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("cannot write the feed", e);
        }
        return ResponseEntity.ok().contentType(ATOM_XML).body(text.toString());
    }

    static void element(XMLStreamWriter xml, String name, String value) throws XMLStreamException {
        xml.writeStartElement(name);
        xml.writeCharacters(value);
        xml.writeEndElement();
    }

    static void link(XMLStreamWriter xml, String rel, String href, String type) throws XMLStreamException {
        xml.writeStartElement("link");
        xml.writeAttribute("rel", rel);
        xml.writeAttribute("type", type);
        xml.writeAttribute("href", href);
        xml.writeEndElement();
    }

    /** Absolute links, as feed readers need them: the address this request came to. */
    static String base(HttpServletRequest request) {
        return ServletUriComponentsBuilder.fromContextPath(request).build().toUriString();
    }

    private String say(String key, Object... args) {
        return messages.getMessage(key, args, Formats.ES_MX);
    }
}
