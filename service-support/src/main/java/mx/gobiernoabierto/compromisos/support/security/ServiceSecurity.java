package mx.gobiernoabierto.compromisos.support.security;

import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.DispatcherType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.savedrequest.NullRequestCache;

/**
 * The part of a service's filter chain that both services share; the service adds only its authorization rules:
 * <pre>{@code serviceSecurity.applyTo(http);
 * http.authorizeHttpRequests(requests -> ServiceSecurity.sharedRules(requests).requestMatchers(...)...)}</pre>
 *
 * <p>Callers come from HTTP Basic against {@code compromisos.security.users} when users are configured, and from a
 * bearer JWT ({@link JwtCallers}) when Spring Boot's resource-server settings configure a decoder (each token verified
 * once, then remembered: {@link RememberedJwts}). Stateless: no
 * session, no CSRF token (no cookie authenticates anything), no saved request, no login form. The headers: no
 * referrer, the {@link ContentSecurityPolicy} bean. The public reads are shared with the origins of
 * {@code compromisos.cors} ({@link PublicReadsCors}), when a service names any. Every refusal is answered, counted
 * and logged by {@link AccessDenials}.
 */
public class ServiceSecurity {

    private static final Logger LOG = LoggerFactory.getLogger(ServiceSecurity.class);

    private final SecuritySettings settings;
    private final ConfiguredUsers users;
    private final ObjectProvider<JwtDecoder> jwtDecoder;
    private final JwtCallers jwtCallers;
    private final ContentSecurityPolicy contentSecurityPolicy;
    private final CorsSettings cors;
    private final MeterRegistry meters;

    ServiceSecurity(SecuritySettings settings, ConfiguredUsers users, ObjectProvider<JwtDecoder> jwtDecoder,
                    JwtCallers jwtCallers, ContentSecurityPolicy contentSecurityPolicy, CorsSettings cors,
                    MeterRegistry meters) {
        this.settings = settings;
        this.users = users;
        this.jwtDecoder = jwtDecoder;
        this.jwtCallers = jwtCallers;
        this.contentSecurityPolicy = contentSecurityPolicy;
        this.cors = cors;
        this.meters = meters;
    }

    /**
     * The access rules both services begin with, before their own: what the container forwards to {@code /error} is
     * answered; health, info and the Prometheus scrape are public and the other actuator endpoints need ADMIN;
     * every other read ({@code GET}, {@code HEAD}) is public (open government).
     */
    public static AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry sharedRules(
            AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry requests) {
        return requests
                .dispatcherTypeMatchers(DispatcherType.ERROR).permitAll()
                .requestMatchers(HttpMethod.GET, "/actuator/health", "/actuator/health/**", "/actuator/info",
                        "/actuator/prometheus").permitAll()
                .requestMatchers("/actuator/**").hasRole(Role.ADMIN.name())
                .requestMatchers(HttpMethod.GET, "/**").permitAll()
                .requestMatchers(HttpMethod.HEAD, "/**").permitAll();
    }

    /**
     * Applies the shared part to the chain at once, before the service adds its rules. (Not as a configurer's
     * {@code init}: by then Spring Security's own configurers have initialised, and a session policy set that late
     * would let a session be created.) Deliberately not a {@code Customizer<HttpSecurity>}: Spring Security applies
     * every such bean to every filter chain, and the workspace's chain keeps a session and CSRF protection.
     */
    public void applyTo(HttpSecurity http) {
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
                        .addHeaderWriter(contentSecurityPolicy))
                .exceptionHandling(exceptions -> exceptions.authenticationEntryPoint(denials).accessDeniedHandler(denials));
        if (!cors.allowedOrigins().isEmpty()) {
            http.cors(sharing -> sharing.configurationSource(PublicReadsCors.source(cors)));
        }
        if (basic) {
            http.httpBasic(httpBasic -> httpBasic.authenticationEntryPoint(denials));
        }
        if (bearer) {
            http.oauth2ResourceServer(resourceServer -> resourceServer
                    .jwt(jwt -> jwt.decoder(new RememberedJwts(jwtDecoder.getObject()))
                            .jwtAuthenticationConverter(jwtCallers))
                    .authenticationEntryPoint(denials)
                    .accessDeniedHandler(denials));
        }
    }
}
