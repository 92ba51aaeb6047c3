package mx.gobiernoabierto.compromisos.command.web;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The OpenAPI description served at {@code /v3/api-docs}, with a browsable UI at {@code /swagger-ui.html}. */
@Configuration(proxyBeanMethods = false)
class ApiDocsConfig {

    @Bean
    OpenAPI commandApi() {
        return new OpenAPI()
                .components(new Components()
                        .addSecuritySchemes("basic", new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("basic")
                                .description("A configured user (the local stack's demo users)"))
                        .addSecuritySchemes("bearer", new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer")
                                .bearerFormat("JWT").description("A JWT of the identity provider, with roles and STL ids")))
                .addSecurityItem(new SecurityRequirement())
                .addSecurityItem(new SecurityRequirement().addList("basic"))
                .addSecurityItem(new SecurityRequirement().addList("bearer"))
                .info(new Info()
                .title("Compromisos: command service")
                .version("v1")
                .license(new License().name("Open source"))
                .description("""
                        Writes the lifecycle of the open-government commitments of Local Action Plans: each command
                        is checked against the rules of the domain and recorded as an event in a hash-chained stream.

                        Reads are public. Every command needs credentials (HTTP Basic or a bearer JWT): registering a
                        plan needs the role ADMIN; the evaluation needs EVALUATOR; every other command on a commitment
                        needs STL_EDITOR of the commitment's STL. The event records the caller's stable id as its actor.

                        Every text is plain text (no control characters but tab and line breaks, no markup such as
                        `<tag>`) within the field's maximum length; dates are `YYYY-MM-DD`; links are `http` or
                        `https` URLs; bodies are UTF-8 JSON of at most 1 MiB.

                        Every answer to a command carries the commitment's `version` (also as `ETag: "N"`). Send
                        `If-Match: "N"` to write only at that version, and `Idempotency-Key` to retry safely.

                        Errors are `application/problem+json` (RFC 9457); the `type` ends with one of:
                        """ + ProblemDocs.markdownTable()));
    }
}
