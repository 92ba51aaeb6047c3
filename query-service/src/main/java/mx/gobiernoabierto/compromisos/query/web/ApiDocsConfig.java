package mx.gobiernoabierto.compromisos.query.web;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The OpenAPI description served at {@code /v3/api-docs}, with a browsable UI at {@code /swagger-ui.html}. */
@Configuration(proxyBeanMethods = false)
class ApiDocsConfig {

    @Bean
    OpenAPI queryApi() {
        return new OpenAPI().info(new Info()
                .title("Compromisos: query service")
                .version("v1")
                .license(new License().name("Open source"))
                .description("""
                        Public reads of the progress of open-government commitments, folded from their events:
                        lists and filters, plan and SDG progress, indicator series, CSV export, and the auditors'
                        history, integrity (the hash chain recomputed) and as-of views.

                        Errors are `application/problem+json` (RFC 9457); the `type` ends with:

                        | type | meaning |
                        |---|---|
                        | `/problems/validation` | 400: a query parameter is not understood; `errors` names it |
                        | `/problems/not-found` | 404: no such commitment, plan or indicator in the views |
                        | `/problems/projection-behind` | 503: the view did not reach `minVersion` within the wait; retry |
                        """));
    }
}
