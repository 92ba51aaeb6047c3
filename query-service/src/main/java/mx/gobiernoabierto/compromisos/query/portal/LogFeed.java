package mx.gobiernoabierto.compromisos.query.portal;

import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
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

import mx.gobiernoabierto.compromisos.events.chain.HashChain;
import mx.gobiernoabierto.compromisos.query.transparency.CheckpointFeed;

/**
 * {@code /registro/feed.atom}: the transparency log's signed checkpoints as an Atom feed (RFC 4287), so a
 * transparency body or a journalist can keep them with any feed reader: one entry per checkpoint, newest first, the
 * signed note itself as the entry's text content (verifiable with the command service's public key). The entry id
 * is derived from the note's SHA-256, so the same checkpoint is the same entry however often it is fetched.
 */
@Controller
class LogFeed {

    private static final String ATOM = "http://www.w3.org/2005/Atom";
    private static final MediaType ATOM_XML = new MediaType("application", "atom+xml", StandardCharsets.UTF_8);
    /** Enough for a reader polling daily at one checkpoint every 30 s at most; the JSON history has them all. */
    private static final int ENTRIES = 500;

    private final CheckpointFeed checkpoints;
    private final MessageSource messages;

    LogFeed(CheckpointFeed checkpoints, MessageSource messages) {
        this.checkpoints = checkpoints;
        this.messages = messages;
    }

    @GetMapping("/registro/feed.atom")
    ResponseEntity<String> feed(HttpServletRequest request) {
        List<CheckpointFeed.Kept> newestFirst = checkpoints.page(0, ENTRIES);
        String base = Feeds.base(request);
        StringWriter text = new StringWriter();
        try {
            XMLStreamWriter xml = XMLOutputFactory.newInstance().createXMLStreamWriter(text);
            xml.writeStartDocument("UTF-8", "1.0");
            xml.writeStartElement("feed");
            xml.writeDefaultNamespace(ATOM);
            xml.writeAttribute("xml:lang", "es-MX");
            Feeds.element(xml, "id", base + "/registro/feed.atom");
            Feeds.element(xml, "title", say("feed.registro"));
            Feeds.element(xml, "subtitle", say("feed.registro.subtitulo"));
            Feeds.element(xml, "updated", newestFirst.isEmpty() ? "1970-01-01T00:00:00.000Z"
                    : HashChain.formatInstant(newestFirst.getFirst().publishedAt()));
            Feeds.link(xml, "self", base + "/registro/feed.atom", "application/atom+xml");
            Feeds.link(xml, "alternate", base + "/datos#puntos-de-control", "text/html");
            xml.writeStartElement("author");
            Feeds.element(xml, "name", say("sitio.nombre"));
            xml.writeEndElement();
            Feeds.element(xml, "generator", say("sitio.nombre"));
            for (CheckpointFeed.Kept kept : newestFirst) {
                String published = HashChain.formatInstant(kept.publishedAt());
                xml.writeStartElement("entry");
                Feeds.element(xml, "id", "urn:compromisos:punto-de-control:" + sha256(kept.note()));
                Feeds.element(xml, "title", say("feed.registro.entrada", kept.treeSize(), kept.origin()));
                Feeds.element(xml, "updated", published);
                Feeds.element(xml, "published", published);
                Feeds.link(xml, "alternate", base + "/api/v1/log/checkpoints", "application/json");
                xml.writeStartElement("summary");
                xml.writeAttribute("type", "text");
                xml.writeCharacters(say("feed.registro.resumen", kept.treeSize(), kept.rootHash(),
                        HashChain.formatInstant(kept.receivedAt())));
                xml.writeEndElement();
                xml.writeStartElement("content");
                xml.writeAttribute("type", "text");
                xml.writeCharacters(kept.note());
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

    private static String sha256(String note) {
        try {
            return HexFormat.of().formatHex(
                    MessageDigest.getInstance("SHA-256").digest(note.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    private String say(String key, Object... args) {
        return messages.getMessage(key, args, Formats.ES_MX);
    }
}
