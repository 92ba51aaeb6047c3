/**
 * The access rules of this service and its pages' {@code Content-Security-Policy}. How callers sign in, the caller
 * model and how a refusal is answered are service-support's, shared with the command service.
 */
package mx.gobiernoabierto.compromisos.query.security;
