/**
 * The access rules of this service: who may send which command ({@code SecurityConfig}, {@code StlAccess}). How
 * callers sign in, the caller model and how a refusal is answered are service-support's, shared with the query
 * service.
 */
package mx.gobiernoabierto.compromisos.command.security;
