package mx.gobiernoabierto.compromisos.support.security;

import java.util.Optional;

import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/** The caller of the request at hand, from Spring Security's context. */
public final class Callers {

    private Callers() {
    }

    /** The authenticated caller of this thread's request; empty when anonymous. */
    public static Optional<Caller> current() {
        return of(SecurityContextHolder.getContext().getAuthentication());
    }

    /** The caller an authentication stands for; empty when anonymous or not one of ours. */
    public static Optional<Caller> of(Authentication authentication) {
        if (authentication == null || authentication instanceof AnonymousAuthenticationToken
                || !authentication.isAuthenticated()) {
            return Optional.empty();
        }
        return switch (authentication.getPrincipal()) {
            case Caller caller -> Optional.of(caller);
            case ConfiguredUsers.ConfiguredUser user -> Optional.of(user.caller());
            case CallerPrincipal principal -> Optional.of(principal.caller());
            case null, default -> Optional.empty();
        };
    }

    /** Who to name in a log line: the caller's id, or {@code anonymous}. */
    static String describe(Authentication authentication) {
        return of(authentication).map(Caller::id).orElse("anonymous");
    }
}
