package mx.gobiernoabierto.compromisos.query.security;

import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.DispatcherType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.savedrequest.NullRequestCache;

import mx.gobiernoabierto.compromisos.query.portal.PortalProperties;

/**
 * Every read is public (open government): the portal's pages, progress, history, integrity, series, exports, the API
 * documentation, health and the Prometheus scrape. Everything else is an operator's and needs ADMIN: the replay
 * ({@code POST /api/v1/admin/replay}) and the other actuator endpoints.
 *
 * <p>Callers come from HTTP Basic against {@code compromisos.security.users} when users are configured, and from a
 * bearer JWT when Spring Boot's resource-server settings configure a decoder, exactly as on the command service.
 * Stateless: no session, no CSRF token.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebSecurity
class SecurityConfig {

    private static final Logger LOG = LoggerFactory.getLogger(SecurityConfig.class);

    @Bean
    SecurityFilterChain querySecurity(HttpSecurity http, SecuritySettings settings, ConfiguredUsers users,
                                      ObjectProvider<JwtDecoder> jwtDecoder, MeterRegistry meters,
                                      PortalProperties portal) throws Exception {
        boolean basic = !users.isEmpty();
        boolean bearer = jwtDecoder.getIfAvailable() != null;
        AccessDenials denials = new AccessDenials(meters, basic, bearer);
        LOG.info("Authentication: {} configured user(s) over HTTP Basic{}", users.size(), bearer ? ", JWT bearer tokens" : "");
        if (bearer && settings.jwt().audience() == null) {
            LOG.warn("JWTs are accepted for any audience: set COMPROMISOS_SECURITY_JWT_AUDIENCE");
        }
        http.csrf(AbstractHttpConfigurer::disable)
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(cache -> cache.requestCache(new NullRequestCache()))
                .formLogin(AbstractHttpConfigurer::disable)
                .logout(AbstractHttpConfigurer::disable)
                .headers(headers -> headers
                        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.NO_REFERRER))
                        .addHeaderWriter(new ContentSecurityPolicy(portal.commandServiceOrigin())))
                .exceptionHandling(exceptions -> exceptions.authenticationEntryPoint(denials).accessDeniedHandler(denials))
                .authorizeHttpRequests(requests -> requests
                        .dispatcherTypeMatchers(DispatcherType.ERROR).permitAll()
                        .requestMatchers(HttpMethod.GET, "/actuator/health", "/actuator/health/**", "/actuator/info",
                                "/actuator/prometheus").permitAll()
                        .requestMatchers("/actuator/**").hasRole(Role.ADMIN.name())
                        .requestMatchers(HttpMethod.GET, "/**").permitAll()
                        .requestMatchers(HttpMethod.HEAD, "/**").permitAll()
                        .requestMatchers(HttpMethod.POST, "/api/v1/admin/replay").hasRole(Role.ADMIN.name())
                        .anyRequest().hasRole(Role.ADMIN.name()));
        if (basic) {
            http.httpBasic(httpBasic -> httpBasic.authenticationEntryPoint(denials));
        }
        if (bearer) {
            http.oauth2ResourceServer(resourceServer -> resourceServer
                    .jwt(jwt -> jwt.jwtAuthenticationConverter(new JwtCallers(settings.jwt())))
                    .authenticationEntryPoint(denials)
                    .accessDeniedHandler(denials));
        }
        return http.build();
    }

    @Bean
    ConfiguredUsers configuredUsers(SecuritySettings settings) {
        return new ConfiguredUsers(settings);
    }

    /** Only {@code {bcrypt}} hashes are configured (checked at start); the delegating encoder reads the prefix. */
    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    /** Spring Boot adds this to its JWT decoder's validators (with the expiry check and, if set, issuer-uri). */
    @Bean
    OAuth2TokenValidator<Jwt> compromisosJwtClaims(SecuritySettings settings) {
        return JwtCallers.claimsValidator(settings.jwt());
    }

    /** A request the firewall refuses (an encoded slash, a {@code ..} segment, ...) is a 400 problem. */
    @Bean
    RequestRejectedHandler problemOnRejectedRequest() {
        return (request, response, rejected) -> AccessDenials.write(response, 400, "validation", "Bad Request",
                "the request's URL or headers are not acceptable");
    }
}
