package mx.gobiernoabierto.compromisos.command.domain;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.LocalDate;
import java.util.Collection;
import java.util.Locale;

/** Checks shared by the aggregates; each throws the violation that the HTTP contract maps to a problem. */
public final class Rules {

    private Rules() {
    }

    /** No date a user reports lies in the future. */
    public static void notInFuture(String field, LocalDate date, LocalDate today) {
        if (date != null && date.isAfter(today)) {
            throw new InvalidInputException(field, field + " " + date + " lies in the future (today is " + today + ")");
        }
    }

    public static void notBefore(String field, LocalDate date, String otherField, LocalDate other) {
        if (date.isBefore(other)) {
            throw new InvalidInputException(field, field + " " + date + " is before " + otherField + " " + other);
        }
    }

    /** Every link is an absolute {@code http} or {@code https} URL with a host. */
    public static void httpUrls(String field, Collection<String> urls) {
        for (String url : urls) {
            if (!isHttpUrl(url)) {
                throw new InvalidInputException(field, "not an http or https URL: " + url);
            }
        }
    }

    public static boolean isHttpUrl(String url) {
        if (url == null) {
            return false;
        }
        try {
            URI uri = new URI(url);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            return (scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null;
        } catch (URISyntaxException e) {
            return false;
        }
    }

    public static void sdgTargets(String field, Collection<String> codes) {
        for (String code : codes) {
            if (!SdgCatalog.isTarget(code)) {
                throw new InvalidInputException(field, "not an SDG target: " + code);
            }
        }
    }
}
