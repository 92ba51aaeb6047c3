package mx.gobiernoabierto.compromisos.query.workspace;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.stereotype.Component;

/**
 * The seam between signing in and relaying: the {@code Authorization} header that carries the signed-in person's
 * own credentials to the command service. Today (demo profile) it is HTTP Basic from the password kept in the
 * server-side session; with OpenID Connect it will be {@code Bearer} and the person's access token, taken from the
 * authorized client that the authorization-code login stores in the same session, and nothing else here changes.
 */
@Component
class CommandCredentials {

    /** The header for this authentication, or empty when it holds no credentials the command service accepts. */
    Optional<String> authorization(Authentication authentication) {
        if (authentication == null || !(authentication.getCredentials() instanceof String password)
                || !(authentication.getPrincipal() instanceof UserDetails user)) {
            return Optional.empty();
        }
        return Optional.of("Basic " + Base64.getEncoder()
                .encodeToString((user.getUsername() + ":" + password).getBytes(StandardCharsets.UTF_8)));
    }
}
