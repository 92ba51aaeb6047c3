package mx.gobiernoabierto.compromisos.query.portal;

import java.net.URI;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the public portal.
 *
 * @param commandServiceUrl where browsers reach the command service (no trailing slash): the history page compares
 *                          its {@code /integrity} answer, and the pages' security policy lets scripts call it
 */
@ConfigurationProperties("compromisos.query")
public record PortalProperties(@DefaultValue("http://localhost:8081") URI commandServiceUrl) {

    /** The URL as text without a trailing slash, ready to prefix a path. */
    public String commandServiceBase() {
        String text = commandServiceUrl.toString();
        return text.endsWith("/") ? text.substring(0, text.length() - 1) : text;
    }

    /** The origin (scheme, host and port) of the command service, as a security policy names it. */
    public String commandServiceOrigin() {
        URI uri = commandServiceUrl;
        return uri.getScheme() + "://" + uri.getHost() + (uri.getPort() == -1 ? "" : ":" + uri.getPort());
    }
}
