package mx.gobiernoabierto.compromisos.support.security;

import java.util.Locale;
import java.util.Optional;

/** What a caller may do: the roles of the access rules, the same on both services. */
public enum Role {
    /** Registers plans and runs the operator endpoints; writes nothing on commitments. */
    ADMIN,
    /** Every command on the commitments of the plans of the STLs it names. */
    STL_EDITOR,
    /** The independent evaluation of any commitment, whatever its STL. */
    EVALUATOR;

    public String authority() {
        return "ROLE_" + name();
    }

    /** A role named in a token: {@code STL_EDITOR}, {@code stl_editor} or {@code ROLE_STL_EDITOR}; else empty. */
    static Optional<Role> parse(String name) {
        String upper = name.trim().toUpperCase(Locale.ROOT);
        String bare = upper.startsWith("ROLE_") ? upper.substring(5) : upper;
        for (Role role : values()) {
            if (role.name().equals(bare)) {
                return Optional.of(role);
            }
        }
        return Optional.empty();
    }
}
