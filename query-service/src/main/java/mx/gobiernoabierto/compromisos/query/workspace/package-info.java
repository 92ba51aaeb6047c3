/**
 * The STL workspace at {@code /espacio}: sign-in, "mis pendientes", and the forms that relay each command to the
 * command service's public HTTP API with the signed-in person's own credentials. The command service stays a
 * stateless resource server; this package holds no business rule: the command service decides, and its problem
 * answers are put into the person's words here.
 */
package mx.gobiernoabierto.compromisos.query.workspace;
