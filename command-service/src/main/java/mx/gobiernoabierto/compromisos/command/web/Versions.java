package mx.gobiernoabierto.compromisos.command.web;

import java.net.URI;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import mx.gobiernoabierto.compromisos.command.domain.InvalidInputException;

/** The version of a commitment in HTTP: {@code ETag: "N"} out, {@code If-Match: "N"} in. */
public final class Versions {

    private static final Pattern ENTITY_TAG = Pattern.compile("\\s*(?:W/)?\"([0-9]{1,18})\"\\s*");

    private Versions() {
    }

    /** The version an {@code If-Match} header expects, or {@code null} when there is none. */
    public static Long expected(String ifMatch) {
        if (ifMatch == null) {
            return null;
        }
        Matcher matcher = ENTITY_TAG.matcher(ifMatch);
        if (!matcher.matches()) {
            throw new InvalidInputException("If-Match", "If-Match must be a version in quotes, such as \"3\"");
        }
        return Long.parseLong(matcher.group(1));
    }

    public static <T> ResponseEntity<T> ok(long version, T body) {
        return ResponseEntity.ok().eTag(tag(version)).body(body);
    }

    public static <T> ResponseEntity<T> created(URI location, long version, T body) {
        return ResponseEntity.status(HttpStatus.CREATED).location(location).eTag(tag(version)).body(body);
    }

    private static String tag(long version) {
        return "\"" + version + "\"";
    }
}
