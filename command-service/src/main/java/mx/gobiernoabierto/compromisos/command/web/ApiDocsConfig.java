package mx.gobiernoabierto.compromisos.command.web;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The OpenAPI description served at {@code /v3/api-docs}, with a browsable UI at {@code /swagger-ui.html}. */
@Configuration(proxyBeanMethods = false)
class ApiDocsConfig {

    @Bean
    OpenAPI commandApi() {
        return new OpenAPI().info(new Info()
                .title("Compromisos: command service")
                .version("v1")
                .license(new License().name("Open source"))
                .description("""
                        Writes the lifecycle of the open-government commitments of Local Action Plans: each command
                        is checked against the rules of the domain and recorded as an event in a hash-chained stream.

                        Every answer to a command carries the commitment's `version` (also as `ETag: "N"`). Send
                        `If-Match: "N"` to write only at that version, and `Idempotency-Key` to retry safely.

                        Errors are `application/problem+json` (RFC 9457); the `type` ends with one of:
                        """ + ProblemDocs.markdownTable()));
    }
}
