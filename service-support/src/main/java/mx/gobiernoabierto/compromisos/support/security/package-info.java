/**
 * The caller model both services share (configured users over HTTP Basic, JWT bearer tokens, {@link
 * mx.gobiernoabierto.compromisos.support.security.Caller}), how a refusal is answered, the security headers and the
 * shared part of the filter chain ({@link mx.gobiernoabierto.compromisos.support.security.ServiceSecurity}). Each
 * service keeps its own access rules.
 */
package mx.gobiernoabierto.compromisos.support.security;
