/**
 * Real PostgreSQL and Kafka for tests and for the local stack, without a Spring application context.
 *
 * <ul>
 *   <li>{@link mx.gobiernoabierto.compromisos.infrastructure.TestInfrastructure} hands out one PostgreSQL and
 *       one Kafka broker per JVM for integration tests: taken from the environment, started with Testcontainers
 *       when a Docker engine answers, or else started embedded in this JVM.</li>
 *   <li>{@link mx.gobiernoabierto.compromisos.infrastructure.LocalPostgres} and
 *       {@link mx.gobiernoabierto.compromisos.infrastructure.LocalKafka} start persistent instances on fixed
 *       ports for running the services locally.</li>
 * </ul>
 */
package mx.gobiernoabierto.compromisos.infrastructure;
