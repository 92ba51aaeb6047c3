package mx.gobiernoabierto.compromisos.support.security;

import java.util.Set;
import java.util.regex.Pattern;

/**
 * An authenticated caller, however it proved who it is (configured user or JWT).
 *
 * @param id     the stable identifier recorded as the actor of every event it causes (never a display name)
 * @param roles  what it may do
 * @param stlIds the STLs whose commitments it may edit when it is an {@link Role#STL_EDITOR}
 */
public record Caller(String id, Set<Role> roles, Set<String> stlIds) {

    /** Identifiers go into the hash chain and the logs: printable, no spaces, at most 200 characters. */
    static final Pattern ID = Pattern.compile("[A-Za-z0-9._:@|+=/-]{1,200}");
    static final Pattern STL = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");

    public Caller {
        roles = Set.copyOf(roles);
        stlIds = Set.copyOf(stlIds);
    }

    public boolean has(Role role) {
        return roles.contains(role);
    }

    public boolean editsStl(String stlId) {
        return has(Role.STL_EDITOR) && stlIds.contains(stlId);
    }
}
