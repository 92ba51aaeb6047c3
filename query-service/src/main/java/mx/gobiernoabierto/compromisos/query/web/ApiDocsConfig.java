package mx.gobiernoabierto.compromisos.query.web;

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
    OpenAPI queryApi() {
        return new OpenAPI()
                .components(new Components()
                        .addSecuritySchemes("basic", new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("basic")
                                .description("A configured user (the local stack's demo users)"))
                        .addSecuritySchemes("bearer", new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer")
                                .bearerFormat("JWT").description("A JWT of the identity provider, with roles")))
                .addSecurityItem(new SecurityRequirement())
                .addSecurityItem(new SecurityRequirement().addList("basic"))
                .addSecurityItem(new SecurityRequirement().addList("bearer"))
                .info(new Info()
                .title("Compromisos: query service")
                .version("v1")
                .license(new License().name("Open source"))
                .description("""
                        Public reads of the progress of open-government commitments, folded from their events:
                        lists and filters, plan and SDG progress, indicator series, CSV export, and the auditors'
                        history, integrity (the hash chain recomputed) and as-of views. Every read is public; the
                        operator's replay (`POST /api/v1/admin/replay`) needs the role ADMIN.

                        Errors are `application/problem+json` (RFC 9457); the `type` ends with:

                        | type | meaning |
                        |---|---|
                        | `/problems/validation` | 400: a query parameter is not understood; `errors` names it |
                        | `/problems/unauthorized` | 401: the operator endpoint needs credentials |
                        | `/problems/forbidden` | 403: these credentials may not run it |
                        | `/problems/not-found` | 404: no such commitment, plan or indicator in the views |
                        | `/problems/payload-too-large` | 413: a body larger than 1 MiB |
                        | `/problems/projection-behind` | 503: the view did not reach `minVersion` within the wait; retry |
                        | `/problems/unavailable` | 503: the database cannot be reached just now; retry after `Retry-After` |
                        """));
    }
}
