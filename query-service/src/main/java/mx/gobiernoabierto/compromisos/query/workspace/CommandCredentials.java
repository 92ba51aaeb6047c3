package mx.gobiernoabierto.compromisos.query.workspace;

import java.util.Optional;

import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;

/**
 * The seam between signing in and relaying: the {@code Authorization} header that carries the signed-in person's
 * own credentials to the command service, {@code Bearer} and the person's access token from the authorized client
 * that the OpenID Connect sign-in keeps in the server-side session ({@link OidcSignIn#bearer}).
 */
@Component
class CommandCredentials {

    private final OidcSignIn signIn;

    CommandCredentials(OidcSignIn signIn) {
        this.signIn = signIn;
    }

    /** The header for this authentication, or empty when it holds no credentials the command service accepts. */
    Optional<String> authorization(Authentication authentication) {
        return signIn.bearer(authentication);
    }
}
