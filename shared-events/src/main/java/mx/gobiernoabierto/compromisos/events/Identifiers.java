package mx.gobiernoabierto.compromisos.events;

import java.util.regex.Pattern;

/**
 * The two kinds of identifier in the events: ids the command service generates (of plans, commitments, milestones,
 * indicators, measurements and reports) and the slugs that name an STL ({@code stlId}).
 */
public final class Identifiers {

    /** A generated id is a UUID in its canonical lower-case text form, such as {@code 3f2b8c1e-6d4a-4f7e-9a1b-2c3d4e5f6a7b}. */
    public static final String ID_PATTERN = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";

    /** An STL slug is lower-case letters and digits in groups joined by single dashes, such as {@code stl-jalisco}. */
    public static final String STL_SLUG_PATTERN = "[a-z0-9]+(-[a-z0-9]+)*";

    private static final Pattern ID = Pattern.compile(ID_PATTERN);
    private static final Pattern STL_SLUG = Pattern.compile(STL_SLUG_PATTERN);

    private Identifiers() {
    }

    /** Whether {@code text} is a generated id ({@link #ID_PATTERN}); {@code false} for {@code null}. */
    public static boolean isId(String text) {
        return text != null && ID.matcher(text).matches();
    }

    /** Whether {@code text} is an STL slug ({@link #STL_SLUG_PATTERN}), of any length; {@code false} for {@code null}. */
    public static boolean isStlSlug(String text) {
        return text != null && STL_SLUG.matcher(text).matches();
    }
}
