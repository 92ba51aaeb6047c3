/**
 * Authentication (configured users over HTTP Basic, JWT bearer tokens) and the access rules of this service.
 *
 * <p>Both services carry the same caller model ({@code Role}, {@code Caller}, {@code SecuritySettings},
 * {@code ConfiguredUsers}, {@code JwtCallers}, {@code AccessDenials}, {@code ContentSecurityPolicy}): the services
 * may not depend on each other and the shared module holds only the event contract, so these few classes are
 * duplicated on purpose. Change them in both.
 */
package mx.gobiernoabierto.compromisos.query.security;
