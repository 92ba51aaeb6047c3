package mx.gobiernoabierto.compromisos.events;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The revision of an event's payload schema. Every event starts at revision 1; adding a nullable component
 * keeps the revision, any other change raises it and comes with an upcaster.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface EventRevision {
    /** The revision number, 1 or more. */
    int value();
}
