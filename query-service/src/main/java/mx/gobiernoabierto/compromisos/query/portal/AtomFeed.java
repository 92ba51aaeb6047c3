package mx.gobiernoabierto.compromisos.query.portal;

import java.io.StringWriter;
import java.nio.charset.StandardCharsets;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * Writes the portal's Atom feeds (RFC 4287): the head every one of them has (ids, titles, the portal as author and
 * generator, a self and an alternate link), then its entries, each with the same first elements.
 */
final class AtomFeed {

    private static final String ATOM = "http://www.w3.org/2005/Atom";
    private static final MediaType ATOM_XML = new MediaType("application", "atom+xml", StandardCharsets.UTF_8);
    /** The {@code updated} of a feed without entries. */
    static final String NEVER = "1970-01-01T00:00:00.000Z";

    /** The feed's own elements; {@code author} is also its generator. */
    record Head(String id, String title, String subtitle, String updated, String self, String alternate,
                String author) {
    }

    @FunctionalInterface
    interface Part {
        void write(AtomFeed feed) throws XMLStreamException;
    }

    private final XMLStreamWriter xml;

    private AtomFeed(XMLStreamWriter xml) {
        this.xml = xml;
    }

    /** The feed as an {@code application/atom+xml} answer: its head, then what {@code entries} writes. */
    static ResponseEntity<String> answer(Head head, Part entries) {
        StringWriter text = new StringWriter();
        try {
            XMLStreamWriter xml = XMLOutputFactory.newInstance().createXMLStreamWriter(text);
            AtomFeed feed = new AtomFeed(xml);
            xml.writeStartDocument("UTF-8", "1.0");
            xml.writeStartElement("feed");
            xml.writeDefaultNamespace(ATOM);
            xml.writeAttribute("xml:lang", "es-MX");
            feed.element("id", head.id());
            feed.element("title", head.title());
            feed.element("subtitle", head.subtitle());
            feed.element("updated", head.updated());
            feed.link("self", head.self(), "application/atom+xml");
            feed.link("alternate", head.alternate(), "text/html");
            feed.author(head.author());
            feed.element("generator", head.author());
            entries.write(feed);
            xml.writeEndElement();
            xml.writeEndDocument();
            xml.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("cannot write the feed", e);
        }
        return ResponseEntity.ok().contentType(ATOM_XML).body(text.toString());
    }

    /** An entry published when it was last updated: its id, title and those times, then what {@code rest} writes. */
    void entry(String id, String title, String updated, Part rest) throws XMLStreamException {
        xml.writeStartElement("entry");
        element("id", id);
        element("title", title);
        element("updated", updated);
        element("published", updated);
        rest.write(this);
        xml.writeEndElement();
    }

    void element(String name, String value) throws XMLStreamException {
        xml.writeStartElement(name);
        xml.writeCharacters(value);
        xml.writeEndElement();
    }

    /** An element of plain text ({@code type="text"}), such as a {@code summary} or a {@code content}. */
    void text(String name, String value) throws XMLStreamException {
        xml.writeStartElement(name);
        xml.writeAttribute("type", "text");
        xml.writeCharacters(value);
        xml.writeEndElement();
    }

    void link(String rel, String href, String type) throws XMLStreamException {
        xml.writeStartElement("link");
        xml.writeAttribute("rel", rel);
        xml.writeAttribute("type", type);
        xml.writeAttribute("href", href);
        xml.writeEndElement();
    }

    void author(String name) throws XMLStreamException {
        xml.writeStartElement("author");
        element("name", name);
        xml.writeEndElement();
    }

    void category(String term) throws XMLStreamException {
        xml.writeStartElement("category");
        xml.writeAttribute("term", term);
        xml.writeEndElement();
    }
}
