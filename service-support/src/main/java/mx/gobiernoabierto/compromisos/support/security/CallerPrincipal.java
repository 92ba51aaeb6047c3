package mx.gobiernoabierto.compromisos.support.security;

/**
 * A principal that already knows the caller it stands for, such as the workspace's person signed in with OpenID
 * Connect (whose caller comes from the access token, read by {@link JwtCallers}). {@link Callers} recognises it.
 */
public interface CallerPrincipal {

    Caller caller();
}
