package mx.gobiernoabierto.compromisos.query.security;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.web.SecurityFilterChain;

import mx.gobiernoabierto.compromisos.query.portal.PortalProperties;
import mx.gobiernoabierto.compromisos.support.security.ContentSecurityPolicy;
import mx.gobiernoabierto.compromisos.support.security.Role;
import mx.gobiernoabierto.compromisos.support.security.ServiceSecurity;

/**
 * Every read is public (open government): the portal's pages, progress, history, integrity, series, exports, the API
 * documentation, health and the Prometheus scrape. Everything else is an operator's and needs ADMIN: the replay
 * ({@code POST /api/v1/admin/replay}) and the other actuator endpoints.
 *
 * <p>How callers sign in (HTTP Basic, bearer JWT), the headers and how refusals are answered are service-support's
 * {@link ServiceSecurity}, exactly as on the command service; the portal's pages get their own
 * {@code Content-Security-Policy}.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebSecurity
class SecurityConfig {

    @Bean
    SecurityFilterChain querySecurity(HttpSecurity http, ServiceSecurity serviceSecurity) {
        serviceSecurity.applyTo(http);
        http.authorizeHttpRequests(requests -> ServiceSecurity.sharedRules(requests)
                        .requestMatchers(HttpMethod.POST, "/api/v1/admin/replay").hasRole(Role.ADMIN.name())
                        .anyRequest().hasRole(Role.ADMIN.name()));
        return http.build();
    }

    @Bean
    ContentSecurityPolicy portalContentSecurityPolicy(PortalProperties portal) {
        return new PortalContentSecurityPolicy(portal.commandServiceOrigin());
    }
}
