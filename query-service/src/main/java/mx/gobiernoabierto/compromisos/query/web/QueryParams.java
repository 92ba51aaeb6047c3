package mx.gobiernoabierto.compromisos.query.web;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.regex.Pattern;

import mx.gobiernoabierto.compromisos.events.CommitmentStatus;
import mx.gobiernoabierto.compromisos.events.Identifiers;
import mx.gobiernoabierto.compromisos.events.OgpValue;

/** Parses query parameters, naming the parameter in a {@code 400} when one is wrong. */
public final class QueryParams {

    private static final Pattern DATE = Pattern.compile("[0-9]{4}-[0-9]{2}-[0-9]{2}");
    private static final Pattern INSTANT =
            Pattern.compile("[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}(:[0-9]{2}(\\.[0-9]{1,9})?)?Z");

    private QueryParams() {
    }

    public static String id(String name, String value) {
        if (value != null && !Identifiers.isId(value)) {
            throw new BadQueryException(name, name + " must be a UUID");
        }
        return value;
    }

    public static LocalDate on(String value, Clock clock) {
        if (value == null || value.isBlank()) {
            return LocalDate.now(clock);
        }
        try {
            if (!DATE.matcher(value).matches()) {
                throw new DateTimeParseException("not YYYY-MM-DD", value, 0);
            }
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw new BadQueryException("on", "on must be a date as YYYY-MM-DD");
        }
    }

    public static Instant instant(String name, String value) {
        try {
            if (value == null || !INSTANT.matcher(value).matches()) {
                throw new DateTimeParseException("not an instant of years 0000-9999 in UTC", String.valueOf(value), 0);
            }
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw new BadQueryException(name, name + " must be an ISO-8601 instant such as 2025-03-01T12:00:00.000Z");
        }
    }

    public static CommitmentStatus status(String value) {
        return enumValue("status", value, CommitmentStatus.class);
    }

    public static OgpValue ogpValue(String value) {
        return enumValue("ogpValue", value, OgpValue.class);
    }

    /** The named constant, {@code null} for an absent or blank value, a {@code 400} naming the choices otherwise. */
    private static <E extends Enum<E>> E enumValue(String name, String value, Class<E> type) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, value);
        } catch (IllegalArgumentException e) {
            throw new BadQueryException(name, name + " must be one of " + java.util.Arrays.toString(type.getEnumConstants()));
        }
    }

    public static Integer range(String name, Integer value, int min, int max) {
        if (value != null && (value < min || value > max)) {
            throw new BadQueryException(name, name + " must be from " + min + " to " + max);
        }
        return value;
    }

    public static String slug(String name, String value) {
        if (value != null && (value.length() > 100 || !Identifiers.isStlSlug(value))) {
            throw new BadQueryException(name, name + " must be an STL slug of at most 100 characters such as stl-jalisco");
        }
        return value;
    }
}
