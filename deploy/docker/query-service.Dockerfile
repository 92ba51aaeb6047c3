# The query service (read side: projections folded from the Kafka topic into PostgreSQL).
#
# Packs the Spring Boot jar that Maven already built; nothing is compiled or downloaded here, so the image
# builds without network access once the base image is present. Build from the repository root:
#
#   ./mvnw -B package -DskipTests
#   docker build -f deploy/docker/query-service.Dockerfile -t compromisos/query-service .
#
# The "extract" stage below is not a build stage: it runs the same JRE image only to split the jar into
# Spring Boot's layers (dependencies change rarely, the application often), so a rebuild after a code change
# ships one small layer instead of the whole 50 MB jar.

ARG JRE_IMAGE=eclipse-temurin:21-jre

FROM ${JRE_IMAGE} AS extract
WORKDIR /extract
# The executable jar is the one with the "exec" classifier: the plain query-service-<version>.jar is the
# library jar other modules depend on and cannot be run (see spring-boot-maven-plugin in query-service/pom.xml).
ARG JAR_FILE=query-service/target/query-service-*-exec.jar
COPY ${JAR_FILE} application.jar
# Without --launcher the result is application.jar plus lib/, started with plain "java -jar" (the layout Spring
# Boot recommends; it also suits a CDS archive later). Each layer directory holds its part of that tree.
RUN java -Djarmode=tools -jar application.jar extract --layers --destination layers

FROM ${JRE_IMAGE}
# A fixed numeric uid, so that Kubernetes' runAsNonRoot can verify it without looking the name up.
RUN groupadd --system --gid 10001 app \
 && useradd --system --uid 10001 --gid app --no-create-home --home-dir /application --shell /usr/sbin/nologin app
WORKDIR /application
COPY --from=extract /extract/layers/dependencies/ ./
COPY --from=extract /extract/layers/snapshot-dependencies/ ./
COPY --from=extract /extract/layers/application/ ./
# --chmod (BuildKit) so the script is executable even from a checkout that lost the file mode.
COPY --chmod=0755 deploy/docker/healthcheck.sh /usr/local/bin/healthcheck
USER 10001:10001

# server.port is ${PORT:8082}; the health check reads the same variable.
ENV PORT=8082
# Defaults only: setting JAVA_TOOL_OPTIONS at run time replaces them all (the JVM reads the variable itself,
# so the entrypoint below has no flags that could not be overridden). The serial collector is named rather than
# left to the JVM, which picks it itself only below 2 CPUs or about 1.8 GB (so in the Kubernetes pods of 1 GiB, but
# not on a larger host): with G1 the services spent a third more CPU per command (README, Performance). The heap
# gets 40 % of the container's memory because the JVM's own (classes, compiled code, the compilers, threads) took
# about 250 MB more in the benchmark: at 75 %, a pod of 1 GiB would reach its limit once the heap filled.
ENV JAVA_TOOL_OPTIONS="-XX:MaxRAMPercentage=40 -XX:+UseSerialGC -XX:+ExitOnOutOfMemoryError"
EXPOSE 8082

# Liveness: unhealthy only when the application is broken and a restart would help. Whether it should get
# traffic is readiness (/actuator/health/readiness), which compose and Kubernetes probe themselves.
HEALTHCHECK --interval=15s --timeout=5s --start-period=90s --retries=3 \
    CMD ["/usr/local/bin/healthcheck", "/actuator/health/liveness"]

# Exec form: java is PID 1 and gets SIGTERM directly, so server.shutdown=graceful can drain requests.
ENTRYPOINT ["java", "-jar", "application.jar"]
